import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

// Several checks read the same text and a parse costs far more than any check, so recent trees are
// kept. Bounded so that checking a large project does not hold every tree in memory.
const CACHE_SIZE = 256;
const cache = new Map<string, Root>();

/**
 * Parses a segment's inline Markdown as a standalone snippet. Leading whitespace is dropped first
 * so that an indented translation is not read as a code block (the whitespace check covers it).
 * The tree is shared between callers: read it, never change it.
 */
export function parseInline(markdown: string): Root {
  const text = markdown.trimStart();
  let tree = cache.get(text);
  if (tree === undefined) {
    tree = processor.parse(text);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
    cache.set(text, tree);
  }
  return tree;
}

/** Every node of `tree` in document order, the root included. */
export function allNodes(tree: Nodes): Nodes[] {
  const nodes: Nodes[] = [tree];
  if ('children' in tree) for (const child of tree.children) nodes.push(...allNodes(child));
  return nodes;
}
