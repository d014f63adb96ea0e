import type { Nodes } from 'mdast';

// Nodes whose content is inline (or literal): their inside never changes the block structure.
const LEAVES = new Set(['paragraph', 'heading', 'tableCell', 'code', 'html', 'math', 'definition', 'thematicBreak', 'yaml']);

/**
 * The block structure of a parsed tree as one string: every block node's type and the details
 * that change how it renders (heading depth, list kind, task state, looseness), with nesting.
 * Inline content is left out: it is what a translation is allowed to change.
 */
export function blockSignature(node: Nodes): string {
  let detail = '';
  if (node.type === 'heading') detail = `${node.depth}`;
  else if (node.type === 'list') detail = `${node.ordered ? 'ol' : 'ul'}${node.spread ? ' loose' : ''}`;
  else if (node.type === 'listItem') detail = `${node.checked ?? ''}${node.spread ? ' loose' : ''}`;
  else if (node.type === 'table') detail = (node.align ?? []).join(',');
  const head = detail ? `${node.type}:${detail}` : node.type;
  if (LEAVES.has(node.type) || !('children' in node)) return head;
  return `${head}(${node.children.map((child) => blockSignature(child as Nodes)).join(' ')})`;
}
