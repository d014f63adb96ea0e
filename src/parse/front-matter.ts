import { isMap, isScalar, parseDocument, Scalar } from 'yaml';
import { InputError } from '../model/errors.js';

/** A translatable string value in the YAML front matter, located in the document text. */
export interface FrontMatterField {
  field: string;
  value: string;
  /** Offsets of the scalar's source (quotes included) in the document text. */
  start: number;
  end: number;
  /** Indentation continuation lines of this value use. */
  indent: number;
}

/**
 * Finds the requested string fields of a YAML front matter block. `offset` is where the YAML
 * text starts in the document, so positions can be reported in document lines.
 */
export function readFrontMatterFields(
  yamlText: string,
  offset: number,
  fields: readonly string[],
  where: { file: string; firstLine: number },
): FrontMatterField[] {
  const doc = parseDocument(yamlText, { prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    throw new InputError(
      `broken front matter: ${error.message.split('\n')[0]}`,
      { file: where.file, line: pos ? where.firstLine + pos.line - 1 : where.firstLine, column: pos?.col },
      'Fix the YAML between the two `---` lines (quote values that contain `: ` or start with a special character) and run again.',
    );
  }
  if (doc.contents === null) return [];
  if (!isMap(doc.contents)) {
    throw new InputError('front matter must be a YAML mapping of `key: value` lines', { file: where.file, line: where.firstLine }, 'Write the front matter as `key: value` lines.');
  }
  const found: FrontMatterField[] = [];
  for (const item of doc.contents.items) {
    if (!isScalar(item.key) || !fields.includes(String(item.key.value))) continue;
    const value = item.value;
    if (!isScalar(value) || typeof value.value !== 'string' || !value.range) continue;
    if (value.value.trim() === '') continue;
    const keyRange = item.key.range;
    const lineStart = yamlText.lastIndexOf('\n', (keyRange?.[0] ?? 0) - 1) + 1;
    const keyIndent = (keyRange?.[0] ?? 0) - lineStart;
    // With CRLF line endings the YAML parser keeps a trailing `\r` in plain scalars.
    let end = value.range[1];
    while (end > value.range[0] && yamlText[end - 1] === '\r') end--;
    found.push({
      field: String(item.key.value),
      value: value.value.replace(/\r/g, '').trim(),
      start: offset + value.range[0],
      end: offset + end,
      indent: keyIndent + 2,
    });
  }
  return found;
}

/** Writes a translated value as YAML: plain when that reads back identically, else quoted. */
export function formatYamlScalar(value: string, originalSource: string): string {
  const oneLine = value.replace(/\s*\n\s*/g, ' ').trim();
  if (originalSource.startsWith("'")) return `'${oneLine.replace(/'/g, "''")}'`;
  if (!originalSource.startsWith('"') && readsBackAsPlain(oneLine)) return oneLine;
  return JSON.stringify(oneLine);
}

function readsBackAsPlain(value: string): boolean {
  if (value === '') return false;
  const doc = parseDocument(`k: ${value}\n`);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return false;
  const node = doc.contents.items[0]?.value;
  return isScalar(node) && node.type === Scalar.PLAIN && node.value === value;
}
