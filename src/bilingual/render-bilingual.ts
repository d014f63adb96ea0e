import type { BilingualDocument, SegmentRecord, SegmentStatus } from '../model/types.js';
import { stringify } from 'yaml';
import { formatAttributes, FORMAT_VERSION, INTRO_NOTE, SEGMENT_MARKER, SUGGESTION_MARKER, WAS_MARKER } from './bilingual-format.js';

/** Renders the bilingual document: front matter, then one block per segment in source order. */
export function renderBilingual(doc: BilingualDocument, statuses: readonly SegmentStatus[]): string {
  return [...bilingualParts(doc, statuses)].join('');
}

/** The bilingual document in pieces, one per segment, for writing a large document without joining it. */
export function* bilingualParts(doc: BilingualDocument, statuses: readonly SegmentStatus[]): Generator<string> {
  const header = stringify({ bitext: FORMAT_VERSION, source: doc.sourcePath, 'source-hash': doc.sourceFileHash, from: doc.from, to: doc.to });
  yield `---\n${header}---\n\n${INTRO_NOTE}\n\n`;
  for (const [index, record] of doc.segments.entries()) {
    yield `${index > 0 ? '\n\n' : ''}${renderBlock(record, statuses[index] ?? 'missing')}`;
  }
  yield '\n';
}

function renderBlock(record: SegmentRecord, status: SegmentStatus): string {
  const attributes = formatAttributes({
    id: record.id,
    kind: record.kind,
    status,
    origin: record.translation !== undefined ? record.origin : undefined,
    'source-hash': record.sourceHash,
    'translation-hash': record.translation !== undefined ? record.translationHash : undefined,
    reviewed: record.reviewed ? 'yes' : undefined,
    allow: record.allowedFindings?.length ? record.allowedFindings.join(',') : undefined,
  });
  const parts = [`<!-- ${SEGMENT_MARKER} ${attributes} -->`, quote(record.source)];
  if (record.translation !== undefined && record.translation !== '') parts.push(record.translation);
  if (record.translatedFrom !== undefined) {
    parts.push(`<!-- ${WAS_MARKER} -->`, quote(record.translatedFrom));
  }
  if (record.suggestion) {
    const suggestionAttributes = formatAttributes({ origin: record.suggestion.origin, 'source-hash': record.suggestion.sourceHash });
    parts.push(`<!-- ${SUGGESTION_MARKER} ${suggestionAttributes} -->`, record.suggestion.text);
  }
  return parts.join('\n\n');
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}
