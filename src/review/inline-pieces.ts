import type { Nodes } from 'mdast';
import { scanInlineTree } from '../qa/checks/scan-inline.js';
import { parseInlineMarkdown } from './parse-inline-markdown.js';

/**
 * A run of displayed text with its inline Markdown formatting and the sentence pair (bead) it
 * belongs to. `html` marks inline HTML from the document, which is only ever shown as text.
 */
export interface InlinePiece {
  text: string;
  bead?: number;
  strong?: true;
  em?: true;
  del?: true;
  code?: true;
  html?: true;
  /** Link target or image address, shown on hover; the link is never followed. */
  href?: string;
}

/** A sentence's place in the text and the bead it belongs to. */
export interface PlacedSentence {
  start: number;
  end: number;
  bead: number;
}

type Marks = Omit<InlinePiece, 'text' | 'bead'>;

/**
 * The inline Markdown of a segment as display pieces: text, bold, emphasis, strikethrough, code,
 * links (text plus target), inline HTML as literal text; each piece within one sentence. Pure.
 */
export function inlinePieces(text: string, sentences: readonly PlacedSentence[]): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  const beads = beadsByOffset(text.length, sentences);
  const beadAt = (offset: number): number | undefined => {
    const bead = beads?.[offset] ?? -1;
    return bead < 0 ? undefined : bead;
  };
  const push = (value: string, offset: number | undefined, marks: Marks): void => {
    if (value === '') return;
    const bead = offset === undefined ? undefined : beadAt(offset);
    const last = pieces[pieces.length - 1];
    if (last && last.bead === bead && sameMarks(last, marks)) last.text += value;
    else pieces.push({ text: value, ...(bead !== undefined ? { bead } : {}), ...marks });
  };

  const walk = (node: Nodes, marks: Marks): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    switch (node.type) {
      case 'text': {
        // Without sentences every character is in none: one piece.
        if (beads === undefined) return push(node.value, start, marks);
        // A value written as it stands in the text (nearly always) has its characters at their own offsets.
        const offsets = start !== undefined && end !== undefined ? (text.slice(start, end) === node.value ? undefined : mapOffsets(node.value, text, start, end)) : [];
        const offsetOf = (i: number): number | undefined => (offsets === undefined ? start! + i : offsets[i]);
        // One piece per stretch of characters in the same sentence.
        let from = 0;
        for (let i = 1; i <= node.value.length; i++) {
          if (i === node.value.length || beadAt(offsetOf(i - 1) ?? -1) !== beadAt(offsetOf(i) ?? -1)) {
            push(node.value.slice(from, i), offsetOf(from), marks);
            from = i;
          }
        }
        return;
      }
      case 'inlineCode':
        return push(node.value, start, { ...marks, code: true });
      case 'html':
        return push(node.value, start, { ...marks, html: true });
      case 'break':
        return push('\n', start, marks);
      case 'image':
        return push(node.alt || node.url, start, { ...marks, href: node.url });
      case 'footnoteReference':
        return push(`[^${node.label ?? node.identifier}]`, start, marks);
      case 'strong':
        return walkChildren(node, { ...marks, strong: true });
      case 'emphasis':
        return walkChildren(node, { ...marks, em: true });
      case 'delete':
        return walkChildren(node, { ...marks, del: true });
      case 'link':
        return walkChildren(node, { ...marks, href: node.url });
      default:
        if ('children' in node) walkChildren(node, marks);
        else if ('value' in node && typeof node.value === 'string') push(node.value, start, marks);
    }
  };
  const walkChildren = (node: Nodes, marks: Marks): void => {
    if ('children' in node) for (const child of node.children) walk(child, marks);
  };
  // Nearly every segment is prose, bold, italics and code, which the one-pass scanner reads as
  // remark would; the parser takes the rest.
  walk(scanInlineTree(text) ?? parseInlineMarkdown(text), {});
  return pieces;
}

/** The bead of each offset of the text (-1 for none; the first sentence holding it wins), or undefined without sentences. */
function beadsByOffset(length: number, sentences: readonly PlacedSentence[]): Int32Array | undefined {
  if (sentences.length === 0) return undefined;
  const beads = new Int32Array(length).fill(-1);
  for (let k = sentences.length - 1; k >= 0; k--) {
    const { start, end, bead } = sentences[k]!;
    beads.fill(bead, Math.max(0, start), Math.min(length, end));
  }
  return beads;
}

/**
 * Where each character of a text node's value sits in the source text. The value can be shorter
 * than its source (`\*` is `*`, `&amp;` is `&`), so each character is looked up from the last one on.
 */
function mapOffsets(value: string, text: string, start: number, end: number): number[] {
  const offsets: number[] = [];
  let at = start;
  for (const char of value) {
    let found = text.indexOf(char, at);
    if (found < 0 || found >= end) found = Math.min(at, end - 1);
    for (let k = 0; k < char.length; k++) offsets.push(found + k);
    at = found + char.length;
  }
  return offsets;
}

function sameMarks(piece: InlinePiece, marks: Marks): boolean {
  return piece.strong === marks.strong && piece.em === marks.em && piece.del === marks.del && piece.code === marks.code && piece.html === marks.html && piece.href === marks.href;
}
