import { allNodes, parseInline } from './parse-inline.js';

/**
 * The prose of a segment: text and image descriptions, without Markdown syntax, URLs, inline code
 * or HTML. Those are copied, not translated, and would otherwise count as numbers or leftover
 * source text; the inline-structure check compares them.
 */
export function plainText(markdown: string): string {
  let text = '';
  for (const node of allNodes(parseInline(markdown))) {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'paragraph' || node.type === 'heading') text += text === '' ? '' : '\n';
    else if (node.type === 'image') text += node.alt ?? '';
    else if (node.type === 'break') text += '\n';
    // A space keeps the words around a code span apart (`3` in `x`3 must not join a number).
    else if (node.type === 'inlineCode' || node.type === 'html') text += ' ';
  }
  return text;
}
