import { po as poFormat, type GetTextTranslation, type GetTextTranslations } from 'gettext-parser';
import { InputError } from '../model/errors.js';
import type { ExchangeFile, ImportedFile, ImportedUnit } from './exchange-types.js';
import { placeholdersOf, placeholderToken, toWire } from './inline-text.js';

const SOURCE_HEADER = 'X-Bitext-Source';
const SOURCE_LANGUAGE_HEADER = 'X-Source-Language';
/** `#. ⟦1⟧ = "<original>"`: how a placeholder's original is shown to the translator. */
const PLACEHOLDER_COMMENT = /^⟦(\d+)⟧ = (".*")$/;

/**
 * Writes a gettext PO file: `msgctxt` is the segment id, protected spans stay `⟦n⟧` tokens with
 * their originals in an extracted comment, stale and conflicting segments are `fuzzy` with the
 * previous source as `#| msgid`.
 */
export function renderPo(file: ExchangeFile): string {
  const translations: GetTextTranslations['translations'] = {};
  for (const unit of file.units) {
    const extracted = [`kind: ${unit.kind}`, ...placeholdersOf(unit.source).map((p) => `${placeholderToken(p)} = ${JSON.stringify(p.original)}`)];
    if (unit.suggestion !== undefined) extracted.push(`machine suggestion: ${unit.suggestion.replace(/\n/g, ' ')}`);
    const needsReview = unit.status === 'stale' || unit.status === 'conflict';
    const entry: GetTextTranslation = {
      msgctxt: unit.id,
      msgid: toWire(unit.source),
      msgstr: [unit.target !== undefined ? toWire(unit.target) : ''],
      comments: {
        reference: `${unit.line ? `${file.sourcePath}:${unit.line}` : file.sourcePath}`,
        extracted: extracted.join('\n'),
        ...(needsReview ? { flag: 'fuzzy' } : {}),
        ...(needsReview && unit.previousSource !== undefined ? { previous: `msgid ${quotePo(unit.previousSource)}` } : {}),
      },
    };
    translations[unit.id] = { [entry.msgid]: entry };
  }
  const table: GetTextTranslations = { charset: 'utf-8', headers: headersOf(file), translations };
  return poFormat.compile(table, { foldLength: 0 }).toString('utf8') + '\n';
}

function headersOf(file: ExchangeFile): Record<string, string> {
  const headers: [string, string][] = [
    ['Project-Id-Version', file.sourcePath],
    ['PO-Revision-Date', file.writtenAt ?? '1970-01-01 00:00+0000'],
    ['Last-Translator', 'bitext'],
    ['Language-Team', file.to],
    ['Language', file.to],
    ['MIME-Version', '1.0'],
    ['Content-Type', 'text/plain; charset=UTF-8'],
    ['Content-Transfer-Encoding', '8bit'],
    ['X-Generator', 'bitext'],
    [SOURCE_HEADER, file.sourcePath],
    [SOURCE_LANGUAGE_HEADER, file.from],
  ];
  return Object.fromEntries(headers);
}

/** A PO string literal on one line. */
function quotePo(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

/** Reads a PO file back: one unit per entry with a `msgctxt`; `fuzzy` or empty means not done. */
export function parsePo(text: string, fileDisplay: string): ImportedFile {
  let table: GetTextTranslations;
  try {
    table = poFormat.parse(text, { validation: true });
  } catch (error) {
    throw new InputError(`not a valid PO file: ${(error as Error).message}`, { file: fileDisplay }, 'Check it with `msgfmt --check`, or export it afresh.');
  }
  const headers = table.headers;
  const units: ImportedUnit[] = [];
  for (const [context, messages] of Object.entries(table.translations)) {
    for (const message of Object.values(messages)) {
      if (context === '' && message.msgid === '') continue;
      if (!message.msgctxt) throw new InputError(`the entry "${message.msgid.slice(0, 40)}" has no msgctxt (segment id)`, { file: fileDisplay }, 'Keep the msgctxt lines bitext wrote.');
      const target = message.msgstr[0] ?? '';
      const fuzzy = (message.comments?.flag ?? '').split(',').some((f) => f.trim() === 'fuzzy');
      units.push({
        id: message.msgctxt,
        source: message.msgid,
        sourceOriginals: originalsFromComment(message.comments?.extracted ?? ''),
        ...(target !== '' ? { target } : {}),
        confirmed: !fuzzy && target !== '',
      });
    }
  }
  return { sourcePath: headerValue(headers, SOURCE_HEADER) ?? headerValue(headers, 'Project-Id-Version') ?? '', from: headerValue(headers, SOURCE_LANGUAGE_HEADER) ?? '', to: headerValue(headers, 'Language') ?? '', units };
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? headers[key] : undefined;
}

function originalsFromComment(extracted: string): Map<number, string> {
  const originals = new Map<number, string>();
  for (const line of extracted.split('\n')) {
    const match = PLACEHOLDER_COMMENT.exec(line.trim());
    if (!match) continue;
    try {
      originals.set(Number(match[1]), JSON.parse(match[2] as string) as string);
    } catch {
      // A comment a translator changed: the source check then relies on the token text alone.
    }
  }
  return originals;
}
