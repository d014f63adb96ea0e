import { type Document, isAlias, isMap, isScalar, isSeq, parseDocument, Scalar, visit } from 'yaml';
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
  // With CRLF endings the text handed over ends in the `\r` of the last line; a lone CR after a
  // quoted value or a flow collection is not a line break to the YAML parser.
  const doc = parseDocument(yamlText.endsWith('\r') ? yamlText.slice(0, -1) : yamlText, { prettyErrors: false });
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
  const lineOf = (index: number): number => where.firstLine + (yamlText.slice(0, index).match(/\n/g)?.length ?? 0);
  const found: FrontMatterField[] = [];
  const taken = new Set<number>();
  const add = (field: string, value: unknown, keyStart: number): void => {
    const scalar = isAlias(value) ? value.resolve(doc) : value;
    if (!isScalar(scalar) || typeof scalar.value !== 'string' || !scalar.range) return;
    if (scalar.value.trim() === '' || taken.has(scalar.range[0])) return;
    if (isAlias(value) || scalar.anchor) checkAnchorUses(doc, scalar, fields, { file: where.file, line: lineOf(keyStart) });
    taken.add(scalar.range[0]);
    // The value's own key sets the indentation of its continuation lines (for an alias, that is
    // the anchored value's key).
    const ownKeyStart = isAlias(value) ? keyOfValue(doc, scalar) ?? keyStart : keyStart;
    const lineStart = yamlText.lastIndexOf('\n', ownKeyStart - 1) + 1;
    // With CRLF line endings the YAML parser keeps a trailing `\r` in plain scalars.
    let end = scalar.range[1];
    while (end > scalar.range[0] && yamlText[end - 1] === '\r') end--;
    found.push({
      field,
      value: scalar.value.replace(/\r/g, '').trim(),
      start: offset + scalar.range[0],
      end: offset + end,
      indent: ownKeyStart - lineStart + 2,
    });
  };
  const direct = new Set<string>();
  for (const item of doc.contents.items) {
    if (!isScalar(item.key)) continue;
    const key = String(item.key.value);
    direct.add(key);
    if (fields.includes(key)) add(key, item.value, item.key.range?.[0] ?? 0);
  }
  // Merge keys (`<<: *defaults`): a field not written out takes the merged map's value.
  for (const item of doc.contents.items) {
    if (!isScalar(item.key) || String(item.key.value) !== '<<') continue;
    const sources = isSeq(item.value) ? item.value.items : [item.value];
    for (const source of sources) {
      const map = isAlias(source) ? source.resolve(doc) : source;
      if (!isMap(map)) continue;
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (!fields.includes(key) || direct.has(key)) continue;
        direct.add(key);
        add(key, pair.value, pair.key.range?.[0] ?? 0);
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A value shared through an anchor (`&t` … `*t`) is translated where it is written, so every key
 * that uses it changes: refuse when one of them is not a reader-facing field (a slug, an id).
 */
function checkAnchorUses(doc: Document, scalar: Scalar, fields: readonly string[], where: { file: string; line: number }): void {
  const anchor = scalar.anchor;
  const keys: string[] = [];
  const own = keyOfValue(doc, scalar, true);
  if (own !== undefined) keys.push(own);
  if (anchor) {
    visit(doc, {
      Pair(_, pair) {
        if (isAlias(pair.value) && pair.value.source === anchor && isScalar(pair.key)) keys.push(String(pair.key.value));
      },
    });
  }
  const other = keys.find((key) => !fields.includes(key));
  if (other === undefined) return;
  throw new InputError(
    `front matter: \`${other}\` shares its value with a translated field through the anchor \`&${anchor ?? ''}\`; translating it would change \`${other}\` too`,
    where,
    `Write the translated field's value out instead of the alias \`*${anchor ?? ''}\`, or add \`${other}\` to the front-matter fields if it is meant for readers.`,
  );
}

/** The key (name, or with `start` its offset) of the pair whose value is `node`. */
function keyOfValue(doc: Document, node: Scalar, name: true): string | undefined;
function keyOfValue(doc: Document, node: Scalar): number | undefined;
function keyOfValue(doc: Document, node: Scalar, name?: true): string | number | undefined {
  let result: string | number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (pair.value === node && isScalar(pair.key)) {
        result = name ? String(pair.key.value) : pair.key.range?.[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return result;
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
