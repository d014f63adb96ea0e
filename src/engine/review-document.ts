import { checkPairs } from '../qa/check-pairs.js';
import type { QaFinding } from '../qa/qa-types.js';
import type { ReviewModel, ReviewRow } from '../review/review-model.js';
import type { GlossaryEntry } from '../translate/translator.js';
import { translationOrigin } from '../plan/document-state.js';
import type { LoadedDocument } from './load-document.js';

/** Runs the quality checks on every translated pair of a document. */
export function checkDocument(document: LoadedDocument, glossary: GlossaryEntry[]): QaFinding[] {
  const pairs = document.state.entries.map((entry) => ({
    id: entry.id,
    source: entry.segment.text,
    ...(entry.record?.translation !== undefined ? { translation: entry.record.translation } : {}),
    ...(entry.record?.translationLine ?? entry.record?.line ? { line: entry.record?.translationLine ?? entry.record?.line } : {}),
    ...(entry.record?.allowedFindings ? { allowedFindings: entry.record.allowedFindings } : {}),
  }));
  return checkPairs(pairs, { glossary, sourceLanguage: document.header.from, targetLanguage: document.header.to });
}

/** Everything a reviewer sees about a document: aligned rows with status, diffs and findings. */
export function buildReviewModel(document: LoadedDocument, findings: QaFinding[], generatedBy: string): ReviewModel {
  const byId = new Map<string, QaFinding[]>();
  for (const finding of findings) byId.set(finding.segmentId, [...(byId.get(finding.segmentId) ?? []), finding]);
  const title = document.segments.find((s) => s.kind === 'front-matter' && s.field === 'title')?.text ?? document.sourceDisplay;
  const rows = document.state.entries.map((entry): ReviewRow => {
    const row: ReviewRow = {
      id: entry.id,
      kind: entry.segment.kind,
      status: entry.status,
      edited: entry.edited,
      reviewed: Boolean(entry.record?.reviewed),
      source: entry.segment.text,
      findings: (byId.get(entry.id) ?? []).map((f) => ({ check: f.check, message: f.message })),
      sourceLine: entry.segment.line,
    };
    if (entry.previousSource !== undefined) row.previousSource = entry.previousSource;
    if (entry.record?.translation !== undefined && entry.status !== 'missing') row.translation = entry.record.translation;
    if (entry.record?.suggestion) row.suggestion = entry.record.suggestion.text;
    const origin = translationOrigin(entry);
    if (origin !== undefined) row.origin = origin;
    // Point at the translation itself when there is one: that is the line a reviewer edits.
    const line = entry.record?.translationLine ?? entry.record?.line;
    if (line !== undefined) row.bilingualLine = line;
    return row;
  });
  return { title, sourcePath: document.sourceDisplay, bilingualPath: document.bilingualDisplay, from: document.header.from, to: document.header.to, rows, generatedBy };
}
