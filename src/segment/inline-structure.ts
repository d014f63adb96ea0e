import type { Nodes } from 'mdast';
import { parseMarkdown } from '../parse/parse-markdown.js';

/** Counts of the inline Markdown a translation must carry through unchanged. */
export interface InlineStructure {
  strong: number;
  emphasis: number;
  delete: number;
  links: string[];
  images: string[];
  code: string[];
}

// Every construct counted below starts with one of these (autolink literals with `www.`, `://`
// or `@`); text without any has an empty structure, and most prose has none.
const MAY_HAVE_STRUCTURE = /[*_~[`<@]|:\/\/|www\./i;

/** Reads the inline structure of a snippet of inline Markdown (parsing it only when it may have one). */
export function inlineStructure(text: string): InlineStructure {
  return MAY_HAVE_STRUCTURE.test(text) ? parsedInlineStructure(text) : { strong: 0, emphasis: 0, delete: 0, links: [], images: [], code: [] };
}

/** The inline structure as the Markdown parser reads it, always parsing (what `inlineStructure` must equal). */
export function parsedInlineStructure(text: string): InlineStructure {
  const structure: InlineStructure = { strong: 0, emphasis: 0, delete: 0, links: [], images: [], code: [] };
  const visit = (node: Nodes): void => {
    if (node.type === 'strong') structure.strong++;
    else if (node.type === 'emphasis') structure.emphasis++;
    else if (node.type === 'delete') structure.delete++;
    else if (node.type === 'link') structure.links.push(node.url);
    else if (node.type === 'image') structure.images.push(node.url);
    else if (node.type === 'inlineCode') structure.code.push(node.value);
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(parseMarkdown(text));
  return structure;
}

/** Describes how two inline structures differ, or undefined when they match. */
export function compareInlineStructure(source: InlineStructure, translation: InlineStructure): string | undefined {
  const problems: string[] = [];
  for (const key of ['strong', 'emphasis', 'delete'] as const) {
    if (source[key] !== translation[key]) problems.push(`${source[key]} ${key} span(s) in the source, ${translation[key]} in the translation`);
  }
  for (const key of ['links', 'images', 'code'] as const) {
    const a = [...source[key]].sort().join('\u0000');
    const b = [...translation[key]].sort().join('\u0000');
    if (a !== b) problems.push(`${key === 'code' ? 'inline code' : key} differ (${source[key].length} in the source, ${translation[key].length} in the translation)`);
  }
  return problems.length > 0 ? problems.join('; ') : undefined;
}
