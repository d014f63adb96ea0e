import type { DialectPlugin } from './dialect-plugin.js';

/**
 * Generic directives (`remark-directive`, as Docusaurus 3 admonitions use them):
 * `:::note[标题]{…}` containers, `::leaf[label]` and `:text[label]{…}`. Names and attributes are
 * kept; labels and content are translated.
 */
export const directivesDialect: DialectPlugin = {
  name: 'directives',
  loadExtensions: async () => [(await import('remark-directive')).default],
  nodes: {
    containerDirective: { role: 'container' },
    leafDirective: { role: 'text', singleLine: true },
    textDirective: { role: 'inline-wrapper' },
  },
};
