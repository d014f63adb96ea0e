import type { DialectPlugin } from './dialect-plugin.js';

/** CommonMark + GFM (tables, footnotes, task lists, strikethrough, autolinks): always on. */
export const gfmDialect: DialectPlugin = {
  name: 'gfm',
  nodes: {
    paragraph: { role: 'text' },
    heading: { role: 'text', kind: 'heading' },
    tableCell: { role: 'text', kind: 'table-cell', singleLine: true },
    listItem: { role: 'container', kind: 'list-item' },
    blockquote: { role: 'container', kind: 'quote' },
    footnoteDefinition: { role: 'container', kind: 'footnote' },
    code: { role: 'kept' },
    math: { role: 'kept' },
    definition: { role: 'kept' },
    thematicBreak: { role: 'kept' },
    html: { role: 'html' },
  },
};
