import type { DialectPlugin, FenceLine } from './dialect-plugin.js';

// markdown-it-container fences: `::: tip 标题`, `:::warning`, `:::` (VitePress, dumi, VuePress).
const FENCE = /^(:{3,})[ \t]*([A-Za-z][\w-]*)?[ \t]*(.*?)[ \t]*$/;

/**
 * markdown-it-container fences (`::: tip 标题` … `:::`), which CommonMark reads as paragraph text:
 * the fence line is kept, its title translated, the content between translated as Markdown.
 */
export const containersDialect: DialectPlugin = {
  name: 'containers',
  fenceLine: (line): FenceLine | undefined => {
    const match = FENCE.exec(line.replace(/\r$/, ''));
    if (!match) return undefined;
    const title = match[3] ?? '';
    // `{…}` after the name is an attribute list (`:::info{title=…}`), not a title.
    if (title === '' || title.startsWith('{')) return {};
    const start = line.indexOf(title, (match[1]?.length ?? 0) + (match[2]?.length ?? 0));
    return { label: { start, end: start + title.length } };
  },
  slugStyle: 'vitepress',
};
