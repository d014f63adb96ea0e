import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { micromark } from 'micromark';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { maskProtected } from '../../src/segment/mask-protected.js';
import { segmentDocument } from '../../src/segment/segment-document.js';
import { hanToEnglish, translateMarkdown } from '../helpers/translate-markdown.js';

function wireOf(markdown: string): string {
  const [segment] = segmentDocument(markdown, parseMarkdown(markdown));
  if (!segment) throw new Error('no segment');
  return maskProtected(segment.text, segment.protectedSpans).wire;
}

/** Every link and image of a document: url and title as the parser reads them. */
function links(markdown: string): string[] {
  const out: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'image') out.push(`${node.type} ${node.url} ${node.title ?? ''}`);
    if ('children' in node) for (const c of node.children) visit(c as Nodes);
  };
  visit(parseMarkdown(markdown));
  return out;
}

describe('link destinations are protected as the parser reads them', () => {
  it('a no-break space is part of the destination, not a title separator', () => {
    const source = '[链接](/url\u00a0"标题") 文字\n';
    expect(wireOf(source)).toBe('[链接](⟦1⟧) 文字');
    const out = translateMarkdown(source, hanToEnglish);
    expect(links(out)).toEqual(links(source));
  });

  for (const [name, source] of [
    ['a double-quoted title', '[链接](/a/b "标题") 文字\n'],
    ['a single-quoted title', "[链接](/a/b '标题') 文字\n"],
    ['a title in parentheses', '[链接](/a/b (标题)) 文字\n'],
    ['an angle-bracket destination with a space', '[链接](</a b> "标题") 文字\n'],
    ['a title with an escaped quote', '[链接](/a "标\\"题") 文字\n'],
    ['a title on the next line', '[链接](/a\n"标题") 文字\n'],
    ['an image', '![图片](/img.png "标题") 文字\n'],
    ['a destination with balanced parentheses', '[链接](/a(b)c "标题") 文字\n'],
  ] as const) {
    it(`${name}: the URL is kept, the title is translated`, () => {
      expect(wireOf(source)).not.toContain('/a');
      const out = translateMarkdown(source, hanToEnglish);
      const [before] = links(source);
      const [after] = links(out);
      expect(after?.split(' ').slice(0, 2)).toEqual(before?.split(' ').slice(0, 2));
      expect(after).not.toMatch(/[\u4e00-\u9fff]/);
      expect(after?.split(' ').slice(2).join(' ')).not.toBe('');
    });
  }

  it('a destination without a title is protected whole', () => {
    expect(wireOf('[链接](/a "x" 文字\n')).toContain('文字');
    expect(wireOf('[链接](/a/b) 文字\n')).toBe('[链接](⟦1⟧) 文字');
  });
});

/** The `href`s of the links a document renders to. */
function hrefs(markdown: string): string[] {
  return [...micromark(markdown).matchAll(/<a href="([^"]*)"/g)].map((m) => m[1] ?? '');
}

describe('reference labels', () => {
  for (const label of ['bar\\\\', 'a\\]b', '标签', 'x\\\\\\]']) {
    it(`a shortcut reference labelled [${label}] still links after its text is translated`, () => {
      const source = `[${label}] 文字\n\n[${label}]: /uri\n`;
      const out = translateMarkdown(source, (wire) => `changed ${hanToEnglish(wire)}`);
      expect(hrefs(source)).toEqual(['/uri']);
      expect(hrefs(out)).toEqual(['/uri']);
      expect(out).toContain('changed');
    });
  }

  it('a shortcut reference whose text holds code is left alone when its text is unchanged', () => {
    const source = '文字 [看 `代码`] 文字\n\n[看 `代码`]: /uri\n';
    expect(translateMarkdown(source, (wire) => wire)).toBe(source);
    const out = translateMarkdown(source, hanToEnglish);
    expect(out).toBe('en [en `代码`][看 `代码`] en\n\n[看 `代码`]: /uri\n');
    expect(hrefs(out)).toEqual(['/uri']);
  });

  it('a full reference whose label ends in an escaped backslash keeps it', () => {
    const source = '[文字][bar\\\\]\n\n[bar\\\\]: /uri\n';
    const out = translateMarkdown(source, hanToEnglish);
    expect(out).toBe('[en][bar\\\\]\n\n[bar\\\\]: /uri\n');
    expect(hrefs(out)).toEqual(['/uri']);
  });
});
