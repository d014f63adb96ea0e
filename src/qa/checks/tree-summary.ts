import type { Nodes, Root } from 'mdast';
import type { InlineStructure, InlineSummary } from './inline-summary.js';
import { DEFAULT_HTML_ATTRIBUTES } from '../../segment/segment-document.js';

const TEXT_ATTRIBUTES = new RegExp(`(\\s(?:${DEFAULT_HTML_ATTRIBUTES.join('|')})\\s*=\\s*)(?:"[^"]*"|'[^']*')`, 'gi');

/** The prose and structure of a parsed snippet (for texts the one-pass scanner leaves to the parser). */
export function treeSummary(tree: Root): InlineSummary {
  const structure: InlineStructure = { links: [], images: [], code: [], footnotes: [], html: [], emphasis: 0, strong: 0 };
  let plain = '';
  const visit = (node: Nodes): void => {
    plain += plainOf(node, plain);
    collect(node, structure);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return { plain, structure };
}

/** What a node adds to the prose before its children. */
function plainOf(node: Nodes, before: string): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'paragraph':
    case 'heading':
      return before === '' ? '' : '\n';
    case 'image':
      return node.alt ?? '';
    case 'break':
      return '\n';
    // A space keeps the words around a code span apart (`3` in `x`3 must not join a number).
    case 'inlineCode':
    case 'html':
      return ' ';
    default:
      return '';
  }
}

function collect(node: Nodes, structure: InlineStructure): void {
  switch (node.type) {
    case 'link':
      structure.links.push(node.url);
      break;
    case 'linkReference':
      structure.links.push(`[${node.identifier}]`);
      break;
    case 'image':
      structure.images.push(node.url);
      break;
    case 'imageReference':
      structure.images.push(`[${node.identifier}]`);
      break;
    case 'inlineCode':
      structure.code.push(node.value);
      break;
    case 'footnoteReference':
      structure.footnotes.push(node.identifier);
      break;
    case 'html':
      // Reader-facing attribute values (`alt`, `title`) are translated; the rest of the tag must match.
      structure.html.push(node.value.replace(TEXT_ATTRIBUTES, '$1""'));
      break;
    case 'emphasis':
      structure.emphasis += 1;
      break;
    case 'strong':
      structure.strong += 1;
      break;
    case 'text':
      structure.strong += leftoverStrong(node.value);
      break;
    default:
      break;
  }
}

/**
 * CommonMark leaves `**“人类在环”**的` unparsed (a closing `**` after punctuation needs space or
 * punctuation after it), yet the writer meant bold: such leftover pairs in one text node count.
 */
export function leftoverStrong(text: string): number {
  return Math.floor((text.split('**').length - 1) / 2);
}
