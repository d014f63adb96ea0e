import type { Root } from 'mdast';
import { parseMarkdown } from '../parse/parse-markdown.js';
import { blockSignature } from './block-signature.js';

/** The top-level block around a span: the bytes before and after it, and the block's structure. */
export interface BlockContext {
  before: string;
  after: string;
  /** `blockSignature` of the block as it stands in the source, parsed on its own. */
  signature: string;
}

/** Finds the top-level block around a span of the source, for checking a replacement in place. */
export interface BlockContexts {
  around(start: number, end: number): BlockContext;
}

/**
 * Top-level blocks of a source text, parsed once on first use. A replacement is checked by
 * parsing only its own top-level block again: blocks are parsed independently of each other,
 * so that is the context the parser really sees.
 */
export function createBlockContexts(text: string, tree?: Root): BlockContexts {
  let blocks: { start: number; end: number }[] | undefined = tree ? topLevelBlocks(text, tree) : undefined;
  const signatures = new Map<number, string>();
  const locate = (offset: number): { start: number; end: number } => {
    blocks ??= rememberedBlocks(text);
    let low = 0;
    let high = blocks.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const block = blocks[middle] as { start: number; end: number };
      if (offset < block.start) high = middle - 1;
      else if (offset >= block.end) low = middle + 1;
      else return block;
    }
    return { start: 0, end: text.length };
  };
  return {
    around(start, end) {
      const block = locate(start);
      const blockEnd = Math.max(block.end, end);
      let signature = signatures.get(block.start);
      if (signature === undefined) {
        signature = signatureOf(text.slice(block.start, blockEnd));
        signatures.set(block.start, signature);
      }
      return { before: text.slice(block.start, start), after: text.slice(end, blockEnd), signature };
    },
  };
}

/** `blockSignature` of a text parsed on its own. */
export function signatureOf(text: string): string {
  return blockSignature(parseMarkdown(text));
}

// A document is rendered again after each save of a run: its blocks are kept for the last text.
let lastText: string | undefined;
let lastBlocks: { start: number; end: number }[] = [];

function rememberedBlocks(text: string): { start: number; end: number }[] {
  if (text !== lastText) {
    lastBlocks = topLevelBlocks(text, parseMarkdown(text));
    lastText = text;
  }
  return lastBlocks;
}

/** Each top-level block from the start of its first line (indentation and markers included). */
function topLevelBlocks(text: string, tree: Root): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  for (const child of tree.children) {
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    blocks.push({ start: text.lastIndexOf('\n', start - 1) + 1, end });
  }
  return blocks;
}
