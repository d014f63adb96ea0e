import { parseDocument } from 'yaml';
import { BitextError, InputError } from '../model/errors.js';
import type { BilingualDocument, SegmentId, SegmentKind, SegmentRecord, SourceHash, TranslationHash } from '../model/types.js';
import { hashSource } from '../segment/hash-text.js';
import { ATTRIBUTE, FORMAT_VERSION, MARKER_LINE, SEGMENT_MARKER, SUGGESTION_MARKER, WAS_MARKER } from './bilingual-format.js';

const KINDS: readonly SegmentKind[] = ['front-matter', 'heading', 'paragraph', 'list-item', 'quote', 'table-cell', 'footnote'];
/** Git's merge-conflict marker lines (diff3 style included). */
const CONFLICT_MARKER = /^(<{7}(?:\s|$)|={7}\s*$|>{7}(?:\s|$)|\|{7}(?:\s|$))/;
const CONFLICT_HINT =
  'Resolve the merge conflict first: keep the lines you want between `<<<<<<<` and `>>>>>>>`, delete the marker lines (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>`) and keep each segment\'s `<!-- bitext:segment … -->` line; or take one whole side with `git checkout --ours <file>` / `git checkout --theirs <file>`. Then run bitext again.';
const MARKER_DELETED_HINT =
  'A `<!-- bitext:segment … -->` marker line was probably deleted (two segments merged into one). Restore the deleted marker line above that quote from git (`git diff` shows it), so each quoted source has its own marker and its translation below it.';
const REPAIR_HINT = 'Restore the line from git (`git diff` shows what changed), or delete the bilingual document to start it afresh (its translations stay in the translation memory).';

/** Parses a bilingual document strictly; any damage is an InputError with the line and a fix. */
export function parseBilingual(text: string, file: string): BilingualDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fail = (line: number, message: string, hint = REPAIR_HINT): never => {
    throw new InputError(message, { file, line }, hint);
  };
  // Before anything else: a merge conflict left in the file would otherwise be read as a
  // person's edit (the `>>>>>>>` line even as a quoted source).
  const conflict = lines.findIndex((line) => CONFLICT_MARKER.test(line));
  if (conflict !== -1) fail(conflict + 1, `a git merge-conflict marker (\`${(lines[conflict] ?? '').slice(0, 7)}\`): the document was merged with unresolved conflicts`, CONFLICT_HINT);

  if (lines[0] !== '---') fail(1, 'a bilingual document must start with a `---` front matter line');
  const close = lines.indexOf('---', 1);
  if (close === -1) fail(1, 'the front matter is not closed by a `---` line');
  const header = readHeader(lines.slice(1, close).join('\n'), file);

  const segments: SegmentRecord[] = [];
  const seen = new Map<string, number>();
  const statusById = new Map<string, string>();
  let current: { record: SegmentRecord; section: 'source' | 'translation' | 'was' | 'suggestion'; body: { line: number; text: string }[] } | undefined;

  const finishSection = (): void => {
    if (!current) return;
    const { record, section, body } = current;
    const trimmed = trimBlank(body);
    if (section === 'source' || section === 'was') {
      // The source quote may be followed directly by the translation.
      const quoteEnd = trimmed.findIndex((l) => !l.text.startsWith('>'));
      const quoted = quoteEnd === -1 ? trimmed : trimmed.slice(0, quoteEnd);
      if (quoted.length === 0) fail(trimmed[0]?.line ?? body[0]?.line ?? 0, `segment ${record.id}: the quoted source (lines starting with \`>\`) is missing`);
      const sourceText = quoted.map((l) => l.text.replace(/^> ?/, '')).join('\n');
      if (section === 'source') record.source = sourceText;
      else record.translatedFrom = sourceText;
      if (quoteEnd !== -1) {
        refuseSecondQuote(trimmed.slice(quoteEnd), record.id);
        if (section === 'was') fail(trimmed[quoteEnd]?.line ?? 0, `segment ${record.id}: only the quoted older source may follow \`<!-- ${WAS_MARKER} -->\``);
        setTranslation(record, trimBlank(trimmed.slice(quoteEnd)));
      }
    } else if (section === 'translation') {
      setTranslation(record, trimmed);
    } else if (record.suggestion) {
      refuseSecondQuote(trimmed, record.id);
      record.suggestion.text = joinBody(trimmed, record.id);
    }
  };
  // A quote after the translation is the next segment's source whose marker line was deleted:
  // accepting it would join two translations and repeat a paragraph in the translated version.
  const refuseSecondQuote = (body: { line: number; text: string }[], id: string): void => {
    const second = body.find((l, i) => i > 0 && l.text.startsWith('>'));
    if (second) fail(second.line, `segment ${id}: a second quoted source (a line starting with \`>\`) below its translation`, MARKER_DELETED_HINT);
  };
  const setTranslation = (record: SegmentRecord, body: { line: number; text: string }[]): void => {
    if (body.length === 0) return;
    record.translation = joinBody(body, record.id);
    record.translationLine = body[0]?.line;
  };
  const joinBody = (body: { line: number; text: string }[], id: string): string => {
    const blank = body.find((l) => l.text.trim() === '');
    if (blank) fail(blank.line, `segment ${id}: a translation cannot contain a blank line (a blank line would split the paragraph)`, 'Join the lines of the translation, or remove the blank line.');
    return body.map((l) => l.text).join('\n');
  };

  for (let index = close + 1; index < lines.length; index++) {
    const lineNumber = index + 1;
    const line = lines[index] ?? '';
    if (!line.startsWith('<!--')) {
      if (current) current.body.push({ line: lineNumber, text: line });
      else if (line.trim() !== '') fail(lineNumber, 'text before the first `<!-- bitext:segment … -->` line');
      continue;
    }
    const marker = MARKER_LINE.exec(line);
    if (!marker) {
      if (line.startsWith('<!-- bitext:')) fail(lineNumber, 'malformed bitext marker line');
      if (current) {
        current.body.push({ line: lineNumber, text: line });
        continue;
      }
      // A comment before the first segment (the note bitext writes for readers): skip it.
      while (index < lines.length && !(lines[index] ?? '').includes('-->')) index++;
      continue;
    }
    const name = marker[1];
    const attributes = readAttributes(marker[2] ?? '');
    if (name === SEGMENT_MARKER) {
      finishSection();
      const record = readSegmentAttributes(attributes, lineNumber, fail);
      const previous = seen.get(record.id);
      if (previous !== undefined) fail(lineNumber, `duplicate segment id ${record.id} (first used on line ${previous})`, 'Segment ids must be unique: restore the original id from git, or remove one of the two blocks.');
      seen.set(record.id, lineNumber);
      const status = attributes.get('status');
      if (status) statusById.set(record.id, status);
      segments.push(record);
      current = { record, section: 'source', body: [] };
    } else if (name === WAS_MARKER || name === SUGGESTION_MARKER) {
      if (!current) fail(lineNumber, `\`<!-- ${name} -->\` before the first segment`);
      finishSection();
      const active = current as NonNullable<typeof current>;
      if (name === SUGGESTION_MARKER) {
        const origin = attributes.get('origin');
        const sourceHash = attributes.get('source-hash');
        if (!origin || !sourceHash) fail(lineNumber, 'a suggestion needs `origin=` and `source-hash=` attributes');
        active.record.suggestion = { text: '', origin: origin as string, sourceHash: sourceHash as SourceHash };
      }
      current = { record: active.record, section: name === WAS_MARKER ? 'was' : 'suggestion', body: [] };
    } else {
      fail(lineNumber, `unknown marker \`${name}\``);
    }
  }
  finishSection();
  for (const record of segments) {
    // Outside stale and conflicting segments (whose hash is the older source's), the quote is the
    // source the hash was taken from: a mismatch means the quote was edited or two were merged.
    const status = statusById.get(record.id);
    if ((status === 'current' || status === 'missing') && record.translatedFrom === undefined && hashSource(record.source) !== record.sourceHash) {
      fail(
        record.line ?? 0,
        `segment ${record.id}: the quoted source no longer matches its \`source-hash=\` (the quote was edited, or two segments were merged into one)`,
        `${MARKER_DELETED_HINT} If you edited the quote, restore it: change the source file instead, and bitext updates the quote.`,
      );
    }
  }
  return { ...header, segments };
}

function readHeader(yamlText: string, file: string): Omit<BilingualDocument, 'segments'> {
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0) throw new InputError(`broken front matter: ${doc.errors[0]?.message.split('\n')[0]}`, { file, line: (doc.errors[0]?.linePos?.[0]?.line ?? 0) + 1 }, REPAIR_HINT);
  const value = doc.toJS() as Record<string, unknown> | null;
  const get = (key: string): string => {
    const v = value?.[key];
    if (typeof v !== 'string' && typeof v !== 'number') throw new InputError(`the front matter has no \`${key}:\` field`, { file, line: 1 }, REPAIR_HINT);
    return String(v);
  };
  const version = Number(get('bitext'));
  if (version !== FORMAT_VERSION) throw new BitextError(`bilingual document format ${version} is not supported (this bitext reads format ${FORMAT_VERSION})`, { file, line: 2 }, 'Upgrade bitext.');
  return { sourcePath: get('source'), sourceFileHash: get('source-hash'), from: get('from'), to: get('to') };
}

function readAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) attributes.set(match[1] ?? '', match[2] ?? match[3] ?? '');
  return attributes;
}

function readSegmentAttributes(attributes: Map<string, string>, line: number, fail: (line: number, message: string) => never): SegmentRecord {
  const id = attributes.get('id');
  const kind = attributes.get('kind');
  const sourceHash = attributes.get('source-hash');
  if (!id) fail(line, 'segment marker without `id=`');
  if (!kind || !KINDS.includes(kind as SegmentKind)) fail(line, `segment ${id}: unknown kind \`${kind ?? ''}\` (expected one of ${KINDS.join(', ')})`);
  if (!sourceHash || !/^[0-9a-f]{16}$/.test(sourceHash)) fail(line, `segment ${id}: \`source-hash=\` is missing or not a 16-digit hex hash`);
  const record: SegmentRecord = { id: id as SegmentId, kind: kind as SegmentKind, source: '', sourceHash: sourceHash as SourceHash, line };
  const origin = attributes.get('origin');
  if (origin) record.origin = origin;
  const translationHash = attributes.get('translation-hash');
  if (translationHash) record.translationHash = translationHash as TranslationHash;
  if (attributes.get('reviewed') === 'yes') record.reviewed = true;
  const allow = attributes.get('allow');
  if (allow) record.allowedFindings = allow.split(',').filter(Boolean);
  return record;
}

function trimBlank<T extends { text: string }>(body: T[]): T[] {
  let start = 0;
  let end = body.length;
  while (start < end && body[start]?.text.trim() === '') start++;
  while (end > start && body[end - 1]?.text.trim() === '') end--;
  return body.slice(start, end);
}
