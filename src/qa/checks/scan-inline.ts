import type { InlineSummary } from './inline-summary.js';
import { leftoverStrong } from './tree-summary.js';

// Anything here may start a construct this scanner does not model (links, images, footnotes,
// HTML, autolinks, character references, escapes, strikethrough, tables, tabs): such texts go to
// the full parser. Prose, bold, italics and code spans, nearly every segment, never contain them.
const UNMODELLED = /[[\]<\\~|\t\r]|&#?[a-z0-9]+;|www\.|[a-z]:\/\/|@|mailto:|xmpp:/i;
// A line that could open or close a block: heading, quote, list item, fence, thematic break,
// setext underline; or an empty line, which starts another paragraph.
const BLOCK_LINE = /^ {0,3}(?:[#>=]|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3}|(?:[-*_] *){3,}$|-+ *$)|^[ \t]*$/;

// The characters that start a piece other than literal text.
const SPECIAL = /[`*_]/g;

/** One piece of a scanned text, in order. */
type Piece = { kind: 'text'; value: string } | { kind: 'code'; value: string } | { kind: 'break' } | Delimiter;

/** A run of `*` or `_`, with what it can do by the CommonMark flanking rules (as micromark applies them). */
interface Delimiter {
  kind: 'delimiter';
  marker: string;
  /** Characters not yet used by a span; what is left is literal text. */
  length: number;
  canOpen: boolean;
  canClose: boolean;
  active: boolean;
  /** Spans this run opens, which start at its end. */
  opened: number;
  /** Spans this run closes, which end at its start. */
  closed: number;
}

/**
 * Reads a segment's inline Markdown the way remark (CommonMark + GFM) would, for texts made of
 * prose, `**strong**`, `*emphasis*` and code spans: one pass over the characters instead of a
 * parse. Returns undefined for any text that might hold something else, which the caller must
 * then parse in full. `markdown` has its leading whitespace removed already.
 */
export function scanInline(markdown: string): InlineSummary | undefined {
  if (UNMODELLED.test(markdown)) return undefined;
  const text = markdown.replace(/[ \n]+$/, '');
  if (text !== '' && text.split('\n').some((line) => BLOCK_LINE.test(line))) return undefined;
  const pieces = tokenize(text);
  if (pieces === undefined) return undefined;
  const spans = resolveEmphasis(pieces);
  return summarize(pieces, spans);
}

/** Splits the text into literal text, code spans, line breaks and delimiter runs; undefined for a code span over lines. */
function tokenize(text: string): Piece[] | undefined {
  const pieces: Piece[] = [];
  let literal = '';
  const flush = (): void => {
    if (literal !== '') pieces.push(...lines(literal));
    literal = '';
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '`') {
      const size = runLength(text, i);
      const close = closingBackticks(text, i + size, size);
      if (close === undefined) {
        literal += '`'.repeat(size);
        i += size;
        continue;
      }
      const content = text.slice(i + size, close);
      if (content.includes('\n')) return undefined;
      flush();
      pieces.push({ kind: 'code', value: stripCodePadding(content) });
      i = close + size;
    } else if (char === '*' || char === '_') {
      const size = runLength(text, i);
      flush();
      pieces.push(delimiter(char, size, text[i - 1], text[i + size]));
      i += size;
    } else {
      SPECIAL.lastIndex = i;
      const next = SPECIAL.test(text) ? SPECIAL.lastIndex - 1 : text.length;
      literal += text.slice(i, next);
      i = next;
    }
  }
  flush();
  return pieces;
}

/** Literal text with its line endings: spaces around each are dropped, and two or more before it make a hard break. */
function lines(literal: string): Piece[] {
  if (!literal.includes('\n')) return [{ kind: 'text', value: literal }];
  const pieces: Piece[] = [];
  const parts = literal.split('\n');
  parts.forEach((part, index) => {
    let value = index > 0 ? part.replace(/^ +/, '') : part;
    if (index < parts.length - 1) {
      const trailing = /( *)$/.exec(value)?.[1]?.length ?? 0;
      value = value.slice(0, value.length - trailing);
      if (value !== '') pieces.push({ kind: 'text', value });
      // After a hard break remark drops the line ending itself.
      pieces.push(trailing >= 2 ? { kind: 'break' } : { kind: 'text', value: '\n' });
    } else if (value !== '') {
      pieces.push({ kind: 'text', value });
    }
  });
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

function delimiter(marker: string, length: number, previous: string | undefined, next: string | undefined): Delimiter {
  const before = classify(previous);
  const after = classify(next);
  const open = after === 0 || (after === 2 && before !== 0);
  const close = before === 0 || (before === 2 && after !== 0);
  // `_` inside a word neither opens nor closes; `*` does.
  const canOpen = marker === '*' ? open : open && (before !== 0 || !close);
  const canClose = marker === '*' ? close : close && (after !== 0 || !open);
  return { kind: 'delimiter', marker, length, canOpen, canClose, active: true, opened: 0, closed: 0 };
}

/**
 * Pairs delimiter runs into spans as micromark does: each closer, left to right, takes the nearest
 * earlier opener of the same marker (two characters when both have two, else one), skipping pairs
 * the rule of three forbids; runs between a pair can no longer pair. Returns the span counts.
 */
function resolveEmphasis(pieces: Piece[]): { emphasis: number; strong: number } {
  const spans = { emphasis: 0, strong: 0 };
  pieces.forEach((closer, index) => {
    if (closer.kind !== 'delimiter' || !closer.canClose) return;
    let at = index;
    while (closer.length > 0 && at > 0) {
      at -= 1;
      const opener = pieces[at]!;
      if (opener.kind !== 'delimiter' || !opener.active || !opener.canOpen || opener.length === 0 || opener.marker !== closer.marker) continue;
      if ((opener.canClose || closer.canOpen) && closer.length % 3 !== 0 && (opener.length + closer.length) % 3 === 0) continue;
      const use = opener.length > 1 && closer.length > 1 ? 2 : 1;
      opener.length -= use;
      closer.length -= use;
      opener.opened += 1;
      closer.closed += 1;
      if (use === 2) spans.strong += 1;
      else spans.emphasis += 1;
      for (let between = at + 1; between < index; between++) {
        const piece = pieces[between]!;
        if (piece.kind === 'delimiter') piece.active = false;
      }
      // The closer's remaining characters look again, from just before it.
      at = index;
    }
  });
  return spans;
}

/** The prose and structure of the scanned pieces, with text split where remark would end a text node. */
function summarize(pieces: readonly Piece[], spans: { emphasis: number; strong: number }): InlineSummary {
  const code: string[] = [];
  const textNodes: string[] = [];
  let plain = '';
  let node = '';
  const endNode = (): void => {
    if (node !== '') textNodes.push(node);
    node = '';
  };
  for (const piece of pieces) {
    if (piece.kind === 'text') {
      node += piece.value;
      plain += piece.value;
    } else if (piece.kind === 'code') {
      endNode();
      code.push(piece.value);
      plain += ' ';
    } else if (piece.kind === 'break') {
      endNode();
      plain += '\n';
    } else if (piece.kind === 'delimiter') {
      // Spans end at the start of a run and start at its end; what is left between is literal.
      const literal = piece.marker.repeat(piece.length);
      if (piece.closed > 0) endNode();
      node += literal;
      if (piece.opened > 0) endNode();
      plain += literal;
    }
  }
  endNode();
  const strong = spans.strong + textNodes.reduce((sum, value) => sum + leftoverStrong(value), 0);
  return { plain, structure: { links: [], images: [], code, footnotes: [], html: [], emphasis: spans.emphasis, strong } };
}
