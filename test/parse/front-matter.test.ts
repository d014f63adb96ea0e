import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { decodeSource } from '../../src/parse/decode-source.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { renderTarget } from '../../src/render/render-target.js';
import { segmentDocument } from '../../src/segment/segment-document.js';
import { bitext, readText, tempProject } from '../helpers/temp-project.js';

function frontMatter(markdown: string) {
  const source = decodeSource(Buffer.from(markdown), 'doc.md');
  const segments = segmentDocument(source.text, parseMarkdown(source.text), { frontMatterFields: ['title', 'summary'], file: 'doc.md' });
  const translate = (map: (text: string) => string): string => renderTarget(source, segments, segments.map((s) => (s.kind === 'front-matter' ? map(s.text) : undefined)));
  return { fields: segments.filter((s) => s.kind === 'front-matter').map((s) => [s.field, s.text]), translate };
}

describe('front matter with CRLF line endings', () => {
  for (const [name, line, value] of [
    ['a double-quoted value', 'title: "标题"', '标题'],
    ['a single-quoted value', "title: '标题'", '标题'],
    ['a plain value', 'title: 标题', '标题'],
    ['a flow sequence before it', 'title: 标题\r\ntags: [a, b]', '标题'],
    ['a flow mapping before it', 'title: 标题\r\nmeta: {a: 1}', '标题'],
    ['a block scalar', 'title: >\r\n  标题', '标题'],
  ] as const) {
    it(`${name} as the last line is read and translated, CRLF kept`, () => {
      const markdown = `---\r\n${line}\r\n---\r\n\r\n正文。\r\n`;
      const { fields, translate } = frontMatter(markdown);
      expect(fields).toEqual([['title', value]]);
      const out = translate(() => 'Title');
      expect(out).toContain('\r\n---\r\n\r\n正文。\r\n');
      expect(out).toMatch(/^---\r\ntitle: (?:"Title"|'Title'|Title|>\r\n {2}Title|Title)/);
      expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    });
  }
});

describe('anchors, aliases and merge keys', () => {
  it('an alias to a value that is itself a reader field: the anchored value is translated once', () => {
    const { fields, translate } = frontMatter('---\ntitle: &t 标题\nsummary: *t\n---\n');
    expect(fields).toEqual([['title', '标题']]);
    expect(translate(() => 'Title')).toBe('---\ntitle: &t Title\nsummary: *t\n---\n');
  });

  it('a merge key: the merged map\'s value is translated where it is written', () => {
    const { fields, translate } = frontMatter('---\ndefaults: &d\n  title: 标题\n  layout: post\n<<: *d\n---\n');
    expect(fields).toEqual([['title', '标题']]);
    expect(translate(() => 'Title')).toBe('---\ndefaults: &d\n  title: Title\n  layout: post\n<<: *d\n---\n');
  });

  it('a field written out wins over the merged one', () => {
    const { fields } = frontMatter('---\ndefaults: &d\n  title: 默认\n<<: *d\ntitle: 标题\n---\n');
    expect(fields).toEqual([['title', '标题']]);
  });

  it('an alias to a value another key uses (a slug) is refused with the reason and what to do', () => {
    let error: unknown;
    try {
      frontMatter('---\nslug: &t 标题\ntitle: *t\n---\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(String((error as Error).message)).toContain('`slug` shares its value');
  });
});

describe('through the CLI', () => {
  it('a CRLF front matter ending in a quoted title is translated and stays current', async () => {
    const dir = tempProject({ 'content/doc.md': '---\r\ntitle: "标题"\r\n---\r\n\r\n正文。\r\n' });
    const result = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo']);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    const out = readText(dir, 'translations/doc.en.md');
    expect(out).toMatch(/^---\r\ntitle: "⟪.+⟫"\r\n---\r\n\r\n⟪.+⟫\r\n$/);
    const status = await bitext(dir, ['status', 'content/doc.md', '--check']);
    expect(status.code, status.stderr + status.stdout).toBe(0);
  });

  it('a title given by an alias is translated, not left behind as current', async () => {
    const dir = tempProject({ 'content/doc.md': '---\ndefaults: &d\n  title: 标题\n<<: *d\n---\n\n正文。\n' });
    const result = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo']);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(readText(dir, 'translations/doc.en.md')).not.toContain('标题');
  });

  it('an alias shared with a non-reader field exits 2 naming the file and line, writing nothing', async () => {
    const dir = tempProject({ 'content/doc.md': '---\nslug: &t 标题\ntitle: *t\n---\n\n正文。\n' });
    const result = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('doc.md:3');
    expect(result.stderr).toContain('slug');
  });
});
