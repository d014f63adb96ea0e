import { describe, expect, it } from 'vitest';
import type { SlugStyle } from '../../src/dialect/dialect-plugin.js';
import { decodeSource } from '../../src/parse/decode-source.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { renderTarget } from '../../src/render/render-target.js';
import { unmatchedFragments } from '../../src/render/rewrite-heading-links.js';
import { segmentDocument } from '../../src/segment/segment-document.js';
import { bitext, readText, tempProject } from '../helpers/temp-project.js';

/** Renders `text` with each segment replaced through `translate`. */
function render(text: string, translate: Record<string, string>, style: SlugStyle = 'github'): string {
  const source = decodeSource(Buffer.from(text), 'doc.md');
  const segments = segmentDocument(source.text, parseMarkdown(source.text));
  return renderTarget(source, segments, segments.map((s) => translate[s.text] ?? s.text), { slugStyle: style });
}

const DOC = '## 3. 关键结果\n\n## 背景 {#background}\n\n见[关键结果](#3-关键结果)和[背景](#background)，以及<a href="#3-关键结果">这里</a>。\n\n[坏链接](#不存在)\n';

describe('links into the document follow its translated headings', () => {
  it('rewrites a fragment to the GitHub slug of the translated heading; an explicit {#id} wins', () => {
    const out = render(DOC, { '3. 关键结果': '3. Key results', 背景: 'Background' });
    expect(out).toContain('## 3. Key results\n');
    expect(out).toContain('## Background {#background}\n');
    expect(out).toContain('(#3-key-results)');
    expect(out).toContain('(#background)');
    expect(out).toContain('<a href="#3-key-results">');
    expect(out).toContain('[坏链接](#不存在)');
  });

  it('rewrites percent-encoded fragments and the second of two equal headings', () => {
    const doc = '# 简介\n\n# 简介\n\n[第二个](#简介-1)和[编码的](#%E7%AE%80%E4%BB%8B)\n';
    const out = render(doc, { 简介: 'Intro' });
    expect(out).toContain('(#intro-1)');
    expect(out).toContain('(#intro)');
  });

  it('uses the site slug rules where the dialect says so (VitePress)', () => {
    const out = render('## 1. 开始\n\n[去](#_1-开始)\n', { '1. 开始': '1. Getting Started' }, 'vitepress');
    expect(out).toContain('(#_1-getting-started)');
  });

  it('keeps the source bytes when headings are unchanged', () => {
    expect(render(DOC, {})).toBe(DOC);
  });

  it('reports fragments that match no heading, with their line', () => {
    const source = decodeSource(Buffer.from(DOC), 'doc.md');
    const segments = segmentDocument(source.text, parseMarkdown(source.text));
    expect(unmatchedFragments(source.text, segments)).toEqual([{ fragment: '不存在', line: 7 }]);
  });

  it('the translate summary warns about them', async () => {
    const dir = tempProject({ 'content/doc.md': DOC });
    const result = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('warning content/doc.md:7: the link to #不存在 matches no heading');
    const target = readText(dir, 'translations/doc.en.md');
    const heading = /^## (.+)$/m.exec(target)?.[1] ?? '';
    expect(heading).not.toMatch(/关键/);
    expect(target).not.toContain('(#3-关键结果)');
  });
});
