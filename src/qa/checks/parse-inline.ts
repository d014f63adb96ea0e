import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Parses a segment's inline Markdown as a standalone snippet. Leading whitespace is dropped first
 * so that an indented translation is not read as a code block (the whitespace check covers it).
 */
export function parseInline(markdown: string): Root {
  return processor.parse(markdown.trimStart());
}

/** Every node of `tree` in document order, the root included. */
export function allNodes(tree: Nodes): Nodes[] {
  const nodes: Nodes[] = [tree];
  if ('children' in tree) for (const child of tree.children) nodes.push(...allNodes(child));
  return nodes;
}
