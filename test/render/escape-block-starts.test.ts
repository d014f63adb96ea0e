import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/parse/decode-source.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { renderTarget } from '../../src/render/render-target.js';
import { segmentDocument } from '../../src/segment/segment-document.js';

/** The block structure of a document: node types, nesting shown by depth. */
function blockShape(text: string): string[] {
  const shape: string[] = [];
  const visit = (node: Nodes, depth: number): void => {
    if (['paragraph', 'heading', 'list', 'listItem', 'blockquote', 'table', 'tableCell', 'code', 'html', 'thematicBreak', 'yaml'].includes(node.type)) shape.push(`${depth}:${node.type}`);
    if ('children' in node && !['paragraph', 'heading', 'tableCell'].includes(node.type)) for (const c of node.children) visit(c as Nodes, depth + 1);
  };
  visit(parseMarkdown(text), 0);
  return shape;
}

const SOURCE = '# 标题\n\n第一段\n第二行。\n\n- 列表项\n  续行\n\n> 引用\n> 第二行\n\n| 甲 | 乙 |\n|---|---|\n| 丙 | 丁 |\n\n最后。\n';
const DANGEROUS = ['- not a list', '# not a heading', '> not a quote', '+ plus', '1. one', '2023. year', '---', '===', '```', '<div>x</div>', '<!-- c -->', '[x]: http://y', '* * *', '| a | b |', '    indented'];

describe('a translation can never change the document structure', () => {
  for (const danger of DANGEROUS) {
    it(`a translation "${danger}" at the start of every segment and of its lines`, () => {
      const source = decodeSource(Buffer.from(SOURCE), 'doc.md');
      const segments = segmentDocument(source.text, parseMarkdown(source.text));
      const translations = segments.map(() => `${danger}\n${danger} again\n${danger}`);
      const out = renderTarget(source, segments, translations);
      expect(blockShape(out)).toEqual(blockShape(SOURCE));
    });
  }

  it('headings and table cells stay on one line; pipes in cells are escaped', () => {
    const source = decodeSource(Buffer.from(SOURCE), 'doc.md');
    const segments = segmentDocument(source.text, parseMarkdown(source.text));
    const out = renderTarget(source, segments, segments.map((s) => (s.kind === 'table-cell' ? 'a | b' : 'line one\nline two')));
    expect(out).toContain('# line one line two\n');
    expect(out).toContain('| a \\| b | a \\| b |');
    expect(out).toContain('- line one\n  line two');
    expect(out).toContain('> line one\n> line two');
  });

  it('a heading ending in # keeps its text', () => {
    const source = decodeSource(Buffer.from('## 标题\n'), 'doc.md');
    const segments = segmentDocument(source.text, parseMarkdown(source.text));
    const out = renderTarget(source, segments, ['Learning C #']);
    const tree = parseMarkdown(out);
    const heading = tree.children[0];
    expect(heading?.type === 'heading' && heading.children.map((c) => ('value' in c ? c.value : '')).join('')).toBe('Learning C #');
  });
});
