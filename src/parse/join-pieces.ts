import type { Root } from 'mdast';

/** One piece of a document parsed on its own, and where it starts in the document. */
export interface ParsedPiece {
  start: number;
  tree: Root;
}

/**
 * Joins the trees of consecutive pieces into the tree of the whole `text`: the top-level blocks in
 * order, every position moved from its piece to the document (offset and line; columns stay, as
 * pieces start at a line start).
 */
export function joinPieces(pieces: readonly ParsedPiece[], text: string): Root {
  const root: Root = { type: 'root', children: [] };
  let line = 1;
  let counted = 0;
  for (const { start, tree } of pieces) {
    line += countLineEndings(text, counted, start);
    counted = start;
    for (const child of tree.children) {
      shiftPositions(child, start, line - 1);
      root.children.push(child);
    }
  }
  const last = pieces.at(-1);
  const end = last?.tree.position?.end;
  if (end) root.position = { start: { line: 1, column: 1, offset: 0 }, end: shiftPoint(end, last.start, line - 1) };
  return root;
}

type Position = NonNullable<Root['position']>;
type Point = Position['start'];

interface Positioned {
  position?: Position | undefined;
  children?: unknown[];
}

/** Moves the positions of a node and everything under it (new objects: parsers may share points). */
function shiftPositions(node: Positioned, offset: number, lines: number): void {
  if (node.position) node.position = { start: shiftPoint(node.position.start, offset, lines), end: shiftPoint(node.position.end, offset, lines) };
  if (Array.isArray(node.children)) for (const child of node.children) shiftPositions(child as Positioned, offset, lines);
}

function shiftPoint(point: Point, offset: number, lines: number): Point {
  return { line: point.line + lines, column: point.column, ...(point.offset !== undefined ? { offset: point.offset + offset } : {}) };
}

/** Line endings (`\r\n`, `\r` or `\n`, as CommonMark counts them) in text[from, to). */
function countLineEndings(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const char = text.charCodeAt(i);
    if (char === 10) count++;
    else if (char === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}
