import { InputError } from '../model/errors.js';

/** A source file as text, with what must be restored byte for byte when writing. */
export interface DecodedSource {
  /** The text without a leading BOM; line endings as in the file. */
  text: string;
  bom: boolean;
  /** The file's line ending, taken from its first line break (LF when it has none). */
  eol: '\n' | '\r\n';
}

const BOM = '\uFEFF';

/** Decodes UTF-8 bytes strictly; invalid bytes are an InputError naming the line. */
export function decodeSource(bytes: Uint8Array, file: string): DecodedSource {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const { line, column } = locateInvalidUtf8(bytes);
    throw new InputError(
      'the file is not valid UTF-8',
      { file, line, column },
      'Save the file as UTF-8 (for example with your editor\'s "Save with encoding" command) and run again.',
    );
  }
  const bom = decoded.startsWith(BOM);
  const text = bom ? decoded.slice(1) : decoded;
  const firstBreak = text.indexOf('\n');
  const eol = firstBreak > 0 && text[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  return { text, bom, eol };
}

/** Restores the BOM that decoding removed. */
export function encodeLikeSource(text: string, source: Pick<DecodedSource, 'bom'>): string {
  return source.bom ? BOM + text : text;
}

/** Finds the line and byte column of the first byte that breaks UTF-8. */
function locateInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) break;
    let ok = i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (!ok) break;
    if (b === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    i += length;
  }
  return { line, column: i - lineStart + 1 };
}

/** Finds the 1-based line and column of offsets in one text, by binary search over its line starts. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  };
}

// Segmentation asks for the position of every segment in the same text: the index of the last
// text asked about is kept, so a document costs one pass instead of one pass per segment.
let lastText: string | undefined;
let lastIndex: ((offset: number) => { line: number; column: number }) | undefined;

/** 1-based line and column of an offset in a text. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  if (lastIndex === undefined || text !== lastText) {
    lastText = text;
    lastIndex = lineIndex(text);
  }
  return lastIndex(offset);
}
