import type { DialectPlugin, KeptRange } from './dialect-plugin.js';

// `{#id}` at the end of a heading line (Docusaurus, VitePress, Hugo, Pandoc attribute syntax).
const HEADING_ID = /[ \t]\{#[^\s{}]+\}[ \t]*$/;

/** The explicit id at the end of a heading's text, `## 标题 {#my-id}`, or undefined. */
export function explicitHeadingId(headingText: string): string | undefined {
  const match = HEADING_ID.exec(headingText);
  return match ? match[0].trim().slice(2, -1) : undefined;
}

/** Heading ids `## 标题 {#my-id}`: kept as a protected span, never sent. */
export const headingIdsDialect: DialectPlugin = {
  name: 'heading-ids',
  blockRanges: (text, node, start, end): KeptRange[] => {
    if (node.type !== 'heading') return [];
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    const from = Math.max(start, lineStart);
    const match = HEADING_ID.exec(text.slice(from, end));
    if (!match) return [];
    const at = from + match.index + match[0].indexOf('{');
    return [{ start: at, end: at + match[0].trim().length }];
  },
};

/** Replaces `{#id}` after a heading by same-length private-use brackets so MDX does not read it as an expression. */
export function hideHeadingIds(text: string): string {
  return text.replace(/^( {0,3}#{1,6}[ \t].*[ \t])\{(#[^\s{}]+)\}([ \t]*\r?)$/gm, '$1\uE000$2\uE001$3');
}
