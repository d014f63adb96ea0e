import GithubSlugger from 'github-slugger';
import type { Nodes } from 'mdast';
import type { SlugStyle } from '../dialect/dialect-plugin.js';
import { parseMarkdown } from '../parse/parse-markdown.js';

/** Gives each heading of one document its fragment id, in document order (repeats get `-1`, `-2`). */
export interface HeadingSlugger {
  slug(headingMarkdown: string): string;
}

/** A slugger following GitHub's rules (`github-slugger`) or the site's (`vitepress`). */
export function createHeadingSlugger(style: SlugStyle = 'github'): HeadingSlugger {
  if (style === 'github') {
    const slugger = new GithubSlugger();
    return { slug: (markdown) => slugger.slug(plainText(markdown)) };
  }
  const seen = new Map<string, number>();
  return {
    slug: (markdown) => {
      const base = vitepressSlug(plainText(markdown));
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      return count === 0 ? base : `${base}-${count}`;
    },
  };
}

/** VitePress's `slugify` (@mdit-vue/shared): special characters become `-`, a leading digit gets `_`. */
function vitepressSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(/[\u0000-\u001f]/g, '')
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(\d)/, '_$1')
    .toLowerCase();
}

// Heading text without any of these reads as itself (autolink literals keep their text).
const MAY_HAVE_SYNTAX = /[\\`*_~[\]!<>&#\r\0]/;

/** The text a reader sees in a heading: Markdown syntax and HTML tags removed, code text kept. */
export function plainText(markdown: string): string {
  const line = markdown.replace(/\s*\n\s*/g, ' ');
  return MAY_HAVE_SYNTAX.test(line) ? parsedPlainText(line) : line.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** The plain text of a heading as the Markdown parser reads it, always parsing (what `plainText` must equal). */
export function parsedPlainText(markdown: string): string {
  let text = '';
  const visit = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  // Parsed as a heading's content, so `3. 结果` stays text instead of opening a list.
  visit(parseMarkdown(`# ${markdown.replace(/\s*\n\s*/g, ' ')}`));
  return text;
}
