import type { FenceLine, KeptRange } from '../dialect/dialect-plugin.js';
import type { Range } from './html-runs.js';

/** A part of a block to segment, with what differs from the block's own placement. */
export interface Piece extends Range {
  placement?: { singleLine?: boolean; atBlockStart?: boolean };
}

/**
 * Cuts a block at the lines that are syntax of their own (`::: tip 标题`): the text before and
 * after each is a piece, the fence's title a single-line piece, the rest of the fence kept.
 */
export function splitAtFenceLines(text: string, start: number, end: number, fenceLine: ((line: string) => FenceLine | undefined) | undefined): Piece[] {
  if (!fenceLine) return [{ start, end }];
  const pieces: Piece[] = [];
  let pieceStart = start;
  let lineStart = start;
  while (lineStart <= end) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    const prefix = lineStart === start ? '' : (/^[ \t>]*/.exec(text.slice(lineStart, lineEnd))?.[0] ?? '');
    const contentStart = lineStart + prefix.length;
    const fence = fenceLine(text.slice(contentStart, lineEnd));
    if (fence) {
      const before = trimEnd(text, pieceStart, lineStart);
      if (before > pieceStart) pieces.push({ start: pieceStart, end: before, ...(pieceStart === start ? {} : { placement: { atBlockStart: false } }) });
      if (fence.label) pieces.push({ start: contentStart + fence.label.start, end: contentStart + fence.label.end, placement: { singleLine: true, atBlockStart: false } });
      pieceStart = lineEnd + 1;
      if (pieceStart <= end) pieceStart += /^[ \t>]*/.exec(text.slice(pieceStart, end))?.[0].length ?? 0;
    }
    if (lineEnd >= end) break;
    lineStart = lineEnd + 1;
  }
  if (pieceStart < end) pieces.push({ start: pieceStart, end, ...(pieceStart === start ? {} : { placement: { atBlockStart: false } }) });
  return pieces;
}

/**
 * Leaves a dialect's kept syntax at the start or end of a piece (`{{% notice %}}` lines, a heading's
 * `{#id}`) out of the segment, so the translator cannot move it away from its place.
 */
export function trimKeptEdges(text: string, piece: Piece, kept: readonly KeptRange[]): Piece {
  let { start, end } = piece;
  for (let changed = true; changed && start < end; ) {
    changed = false;
    const head = kept.find((k) => k.start <= start && k.end > start);
    if (head) {
      start = Math.min(end, head.end);
      const gap = /^\s*/.exec(text.slice(start, end))?.[0] ?? '';
      start += gap.length;
      if (gap.includes('\n')) start += /^[ \t>]*/.exec(text.slice(start, end))?.[0].length ?? 0;
      changed = true;
    }
    const tail = kept.find((k) => k.start < end && k.end >= end);
    if (tail && start < end) {
      end = Math.max(start, tail.start);
      while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
      changed = true;
    }
  }
  return { ...piece, start, end };
}

/** The offset before the line break (and `\r`) that ends at `lineStart`. */
function trimEnd(text: string, from: number, lineStart: number): number {
  let at = lineStart;
  while (at > from && (text[at - 1] === '\n' || text[at - 1] === '\r')) at--;
  return at;
}
