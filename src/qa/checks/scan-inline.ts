import type { Emphasis, Paragraph, PhrasingContent, Root, Strong, Text } from 'mdast';
import { memoByText } from '../memo-by-text.js';
import type { InlineSummary } from './inline-summary.js';
import { treeSummary } from './tree-summary.js';

type Point = NonNullable<Root['position']>['start'];

// Anything here may start a construct this scanner does not model (links, images, footnotes,
// HTML, autolinks, character references, escapes, strikethrough, tables, tabs): such texts go to
// the full parser. Prose, bold, italics and code spans, nearly every segment, never contain them.
const UNMODELLED = /[[\]<\\~|\t\r]|&#?[a-z0-9]+;|www\.|[a-z]:\/\/|@|mailto:|xmpp:/i;
// A line that could open or close a block: heading, quote, list item, fence, thematic break,
// setext underline; or an empty line, which starts another paragraph.
const BLOCK_LINE = /^ {0,3}(?:[#>=]|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3}|(?:[-*_] *){3,}$|-+ *$)|^[ \t]*$/;

// The characters that start a piece other than literal text.
const SPECIAL = /[`*_\n]/g;

/**
 * One piece of a scanned text, in order, with its place in the text (UTF-16 offsets, end
 * exclusive): literal text, a line ending (`\n` as remark keeps it), a code span, a hard break.
 */
type Piece =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'line'; start: number; end: number }
  | { kind: 'code'; value: string; start: number; end: number }
  | { kind: 'break'; start: number; end: number }
  | Delimiter;

/** A run of `*` or `_`, with what it can do by the CommonMark flanking rules (as micromark applies them). */
interface Delimiter {
  kind: 'delimiter';
  marker: string;
  start: number;
  size: number;
  /** Characters not yet used by a span; what is left is literal text. */
  length: number;
  canOpen: boolean;
  canClose: boolean;
  active: boolean;
  /** The spans this run opens, innermost first: each takes characters from the run's end. */
  opened: Span[];
  /** The spans this run closes, innermost first: each takes characters from the run's start. */
  closed: Span[];
}

/** An emphasis (one marker character on each side) or strong (two) span found by the pairing. */
interface Span {
  size: 1 | 2;
  node?: Emphasis | Strong;
}

/**
 * Reads a segment's inline Markdown the way remark (CommonMark + GFM) would, for texts made of
 * prose, `**strong**`, `*emphasis*` and code spans: one pass over the characters instead of a
 * parse. Returns undefined for any text that might hold something else, which the caller must
 * then parse in full. `markdown` has its leading whitespace removed already.
 */
export function scanInline(markdown: string): InlineSummary | undefined {
  const tree = scanInlineTree(markdown.replace(/[ \n]+$/, ''));
  return tree && treeSummary(tree);
}

// QA reads every text of a document and the review page shows the same texts again: each tree is
// built once per run (bounded, so that a large project does not hold them all).
const inlineTrees = memoByText((text: string): Root | null => buildInlineTree(text) ?? null);

/**
 * The syntax tree remark (CommonMark + GFM) makes of a text of prose, `**strong**`, `*emphasis*`,
 * code spans and line breaks, positions included, built in one pass; undefined for any other text
 * (anything else, or whitespace at either end), which the caller parses in full. Shared between
 * callers: never change it.
 */
export function scanInlineTree(text: string): Root | undefined {
  return inlineTrees(text) ?? undefined;
}

function buildInlineTree(text: string): Root | undefined {
  if (UNMODELLED.test(text) || /^[ \n]|[ \n]$/.test(text)) return undefined;
  if (text === '') return { type: 'root', children: [], position: { start: point([0], 0), end: point([0], 0) } };
  if (text.split('\n').some((line) => BLOCK_LINE.test(line))) return undefined;
  const pieces = tokenize(text);
  if (pieces === undefined) return undefined;
  resolveEmphasis(pieces);
  return buildTree(text, pieces);
}

/** Splits the text into literal text, line endings, code spans, hard breaks and delimiter runs; undefined for a code span over lines. */
function tokenize(text: string): Piece[] | undefined {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '`') {
      const size = runLength(text, i);
      const close = closingBackticks(text, i + size, size);
      if (close === undefined) {
        pieces.push({ kind: 'text', start: i, end: i + size });
        i += size;
        continue;
      }
      const content = text.slice(i + size, close);
      if (content.includes('\n')) return undefined;
      pieces.push({ kind: 'code', value: stripCodePadding(content), start: i, end: close + size });
      i = close + size;
    } else if (char === '*' || char === '_') {
      const size = runLength(text, i);
      pieces.push(delimiter(char, i, size, text[i - 1], text[i + size]));
      i += size;
    } else if (char === '\n') {
      // Spaces around a line ending are dropped; two or more before it make a hard break, which
      // takes the line ending with it.
      let trailing = i;
      while (text[trailing - 1] === ' ') trailing -= 1;
      const last = pieces[pieces.length - 1];
      if (trailing < i && last?.kind === 'text' && last.end === i) {
        if (trailing > last.start) last.end = trailing;
        else pieces.pop();
      }
      pieces.push(i - trailing >= 2 ? { kind: 'break', start: trailing, end: i + 1 } : { kind: 'line', start: i, end: i + 1 });
      i += 1;
      while (text[i] === ' ') i += 1;
    } else {
      SPECIAL.lastIndex = i;
      const next = SPECIAL.test(text) ? SPECIAL.lastIndex - 1 : text.length;
      pieces.push({ kind: 'text', start: i, end: next });
      i = next;
    }
  }
  return pieces;
}

function runLength(text: string, start: number): number {
  let end = start;
  while (text[end] === text[start]) end += 1;
  return end - start;
}

/** Where a run of exactly `size` backticks starts after `from`, if any. */
function closingBackticks(text: string, from: number, size: number): number | undefined {
  let i = text.indexOf('`', from);
  while (i >= 0) {
    const length = runLength(text, i);
    if (length === size) return i;
    i = text.indexOf('`', i + length);
  }
  return undefined;
}

/** One space is dropped from each end of a code span's content when both ends have one and it is not all spaces. */
function stripCodePadding(content: string): string {
  return content.length > 2 && content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content) ? content.slice(1, -1) : content;
}

/** 1 for whitespace (and the ends of the text), 2 for punctuation or a symbol, 0 otherwise, as micromark classifies. */
function classify(char: string | undefined): 0 | 1 | 2 {
  if (char === undefined || /\s/.test(char)) return 1;
  return /\p{P}|\p{S}/u.test(char) ? 2 : 0;
}

function delimiter(marker: string, start: number, size: number, previous: string | undefined, next: string | undefined): Delimiter {
  const before = classify(previous);
  const after = classify(next);
  const open = after === 0 || (after === 2 && before !== 0);
  const close = before === 0 || (before === 2 && after !== 0);
  // `_` inside a word neither opens nor closes; `*` does.
  const canOpen = marker === '*' ? open : open && (before !== 0 || !close);
  const canClose = marker === '*' ? close : close && (after !== 0 || !open);
  return { kind: 'delimiter', marker, start, size, length: size, canOpen, canClose, active: true, opened: [], closed: [] };
}

/**
 * Pairs delimiter runs into spans as micromark does: each closer, left to right, takes the nearest
 * earlier opener of the same marker (two characters when both have two, else one), skipping pairs
 * the rule of three forbids; runs between a pair can no longer pair.
 */
function resolveEmphasis(pieces: Piece[]): void {
  pieces.forEach((closer, index) => {
    if (closer.kind !== 'delimiter' || !closer.canClose) return;
    let at = index;
    while (closer.length > 0 && at > 0) {
      at -= 1;
      const opener = pieces[at]!;
      if (opener.kind !== 'delimiter' || !opener.active || !opener.canOpen || opener.length === 0 || opener.marker !== closer.marker) continue;
      if ((opener.canClose || closer.canOpen) && closer.length % 3 !== 0 && (opener.length + closer.length) % 3 === 0) continue;
      const span: Span = { size: opener.length > 1 && closer.length > 1 ? 2 : 1 };
      opener.length -= span.size;
      closer.length -= span.size;
      opener.opened.push(span);
      closer.closed.push(span);
      for (let between = at + 1; between < index; between++) {
        const piece = pieces[between]!;
        if (piece.kind === 'delimiter') piece.active = false;
      }
      // The closer's remaining characters look again, from just before it.
      at = index;
    }
  });
}

/**
 * The tree of the paired pieces, as mdast-util-from-markdown builds it: adjacent literal text and
 * line endings make one text node, unused delimiter characters are literal text, and a span
 * starts at its opening marker and ends after its closing one. Undefined if spans would overlap.
 */
function buildTree(text: string, pieces: readonly Piece[]): Root | undefined {
  const lines = lineStarts(text);
  const at = (offset: number): Point => point(lines, offset);
  const paragraph: Paragraph = { type: 'paragraph', children: [], position: { start: at(0), end: at(text.length) } };
  const stack: Array<{ parent: { children: PhrasingContent[] }; span?: Span }> = [{ parent: paragraph }];
  const current = (): PhrasingContent[] => stack[stack.length - 1]!.parent.children;
  const addText = (start: number, end: number, value: string): void => {
    if (start === end) return;
    const children = current();
    const last = children[children.length - 1];
    if (last?.type === 'text') {
      last.value += value;
      (last.position as { end: Point }).end = at(end);
    } else {
      children.push({ type: 'text', value, position: { start: at(start), end: at(end) } } satisfies Text);
    }
  };
  for (const piece of pieces) {
    switch (piece.kind) {
      case 'text':
        addText(piece.start, piece.end, text.slice(piece.start, piece.end));
        break;
      case 'line':
        addText(piece.start, piece.end, '\n');
        break;
      case 'code':
        current().push({ type: 'inlineCode', value: piece.value, position: { start: at(piece.start), end: at(piece.end) } });
        break;
      case 'break':
        current().push({ type: 'break', position: { start: at(piece.start), end: at(piece.end) } });
        break;
      case 'delimiter': {
        let offset = piece.start;
        for (const span of piece.closed) {
          const top = stack.pop();
          if (top?.span !== span || !span.node?.position) return undefined;
          offset += span.size;
          span.node.position.end = at(offset);
        }
        addText(offset, offset + piece.length, piece.marker.repeat(piece.length));
        offset += piece.length;
        // Innermost first means the outermost span's marker comes first in the text.
        for (const span of [...piece.opened].reverse()) {
          const node: Emphasis | Strong = { type: span.size === 2 ? 'strong' : 'emphasis', children: [], position: { start: at(offset), end: at(offset) } };
          current().push(node);
          span.node = node;
          stack.push({ parent: node, span });
          offset += span.size;
        }
        break;
      }
    }
  }
  if (stack.length !== 1) return undefined;
  return { type: 'root', children: [paragraph], position: { start: at(0), end: at(text.length) } };
}

/** Offsets where each line of the text starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** A position as unist writes it: 1-based line and column, 0-based offset. */
function point(lines: readonly number[], offset: number): Point {
  let line = lines.length - 1;
  while (line > 0 && lines[line]! > offset) line -= 1;
  return { line: line + 1, column: offset - lines[line]! + 1, offset };
}
