import { describe, expect, it } from 'vitest';
import { checkLayout, documentPaths, type PathSettings } from '../../src/store/project-paths.js';

const settings = (layout: string, root = '/site/content'): PathSettings => ({ root, outDir: '/site/translations', layout, cwd: '/site', from: 'zh' });

describe('documentPaths: where outputs go, one pure function for every layout', () => {
  it('keeps today\'s flat names for a file at the root of the content folder', () => {
    expect(documentPaths('/site/content/post.md', settings('mirror'), 'en')).toMatchObject({ target: '/site/translations/post.en.md', bilingual: '/site/translations/post.zh-en.md', memory: '/site/translations/.bitext/memory.json' });
    expect(documentPaths('/site/content/post.zh.md', settings('mirror'), 'en').target).toBe('/site/translations/post.en.md');
  });

  it('puts each layout\'s target where its site generator looks, and the bilingual document under out, mirroring the tree', () => {
    const source = '/site/content/guide/setup/index.mdx';
    const expected: Record<string, string> = {
      mirror: '/site/translations/guide/setup/index.ja.mdx',
      hugo: '/site/content/guide/setup/index.ja.mdx',
      'hugo-content-dirs': '/site/ja/guide/setup/index.mdx',
      docusaurus: '/site/i18n/ja/docusaurus-plugin-content-docs/current/guide/setup/index.mdx',
      vitepress: '/site/content/ja/guide/setup/index.mdx',
      '{root}/../l10n/{to}/{dir}/{name}.{from}{ext}': '/site/l10n/ja/guide/setup/index.zh.mdx',
    };
    for (const [layout, target] of Object.entries(expected)) {
      expect(documentPaths(source, settings(layout), 'ja'), layout).toEqual({ target, bilingual: '/site/translations/guide/setup/index.zh-ja.mdx', memory: '/site/translations/.bitext/memory.json' });
    }
  });

  it('refuses a source outside the root, and templates that would share files', () => {
    expect(() => documentPaths('/site/drafts/a.md', settings('mirror'), 'en')).toThrow(/outside the content root/);
    expect(() => checkLayout('jekyll')).toThrow(/unknown layout/);
    expect(() => checkLayout('out/{name}{ext}')).toThrow(/\{to\}/);
    expect(() => checkLayout('out/{to}/index.md')).toThrow(/\{path\} or \{name\}/);
    expect(() => checkLayout('out/{to}/{slug}')).toThrow(/unknown placeholder \{slug\}/);
    expect(() => checkLayout('out/{to}/{path}')).not.toThrow();
  });
});
