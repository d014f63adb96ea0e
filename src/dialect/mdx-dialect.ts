import type { DialectPlugin } from './dialect-plugin.js';
import { hideHeadingIds } from './heading-ids-dialect.js';

/**
 * MDX (`remark-mdx`): imports, exports, expressions and JSX tags with their attributes are kept
 * byte for byte; the text children of JSX elements are translated as Markdown.
 */
export const mdxDialect: DialectPlugin = {
  name: 'mdx',
  loadExtensions: async () => [(await import('remark-mdx')).default],
  nodes: {
    mdxjsEsm: { role: 'kept' },
    mdxFlowExpression: { role: 'kept' },
    mdxJsxFlowElement: { role: 'container' },
    mdxTextExpression: { role: 'inline-kept' },
    mdxJsxTextElement: { role: 'inline-wrapper' },
  },
  // Docusaurus reads `## 标题 {#id}` in MDX too, though `{#id}` is no JavaScript expression.
  prepare: hideHeadingIds,
};
