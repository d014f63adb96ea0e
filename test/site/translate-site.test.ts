import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bitext, readText, tempProject, writeFile } from '../helpers/temp-project.js';
import { recordingTranslator } from '../helpers/recording-translator.js';

/** A small page whose body names it, so each output can be traced to its source. */
const page = (tag: string, title = '一篇文章'): string => `---\ntitle: ${title}\n---\n\n# 标题 ${tag}\n\n这是 ${tag} 的第一段。\n\n这是 ${tag} 的第二段。\n`;

/** A Hugo-like site: page bundles with same-named `index.md`, nested folders, an `.mdx` page, a broken file. */
function fixtureSite(): string {
  return tempProject({
    'bitext.config.json': JSON.stringify({ from: 'zh', to: ['en', 'ja'], content: ['content/**/*.md', 'content/**/*.mdx'] }),
    'content/posts/first/index.md': page('PAGE-FIRST'),
    'content/posts/second/index.md': page('PAGE-SECOND'),
    'content/docs/guide/setup/index.md': page('PAGE-SETUP'),
    'content/docs/intro.mdx': `${page('PAGE-MDX')}\nimport X from './x'\n`,
    'content/broken.md': '---\ntitle: [没有闭合\n---\n\n正文。\n',
  });
}

/** Every file below `dir/sub` with its bytes, for before/after comparisons. */
function snapshot(dir: string, sub: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    if (!existsSync(folder)) return;
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'latin1'));
    }
  };
  walk(join(dir, sub));
  return files;
}

describe('translating a whole site in one run', () => {
  it('gives every good file its own outputs in each language, names the broken one, and exits 2', async () => {
    const dir = fixtureSite();
    const result = await bitext(dir, ['translate', '--translator', 'pseudo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/content\/broken\.md:\d+/);
    expect(result.stderr).toContain('1 file(s) could not be processed');

    const pages = { 'posts/first/index': 'PAGE-FIRST', 'posts/second/index': 'PAGE-SECOND', 'docs/guide/setup/index': 'PAGE-SETUP' };
    for (const to of ['en', 'ja']) {
      for (const [path, tag] of Object.entries(pages)) {
        expect(readText(dir, `translations/${path}.${to}.md`)).toContain(tag);
        expect(readText(dir, `translations/${path}.zh-${to}.md`)).toContain(`source: content/${path}.md`);
      }
      expect(readText(dir, `translations/docs/intro.${to}.mdx`)).toContain('PAGE-MDX');
      expect(existsSync(join(dir, `translations/broken.${to}.md`))).toBe(false);
    }
    // One memory for the whole site, keyed by language pair.
    const memory = readText(dir, 'translations/.bitext/memory.json');
    expect(memory).toContain('zh>en:');
    expect(memory).toContain('zh>ja:');
    expect(readdirSync(join(dir, 'translations/posts/first')).sort()).toEqual(['index.en.md', 'index.ja.md', 'index.zh-en.md', 'index.zh-ja.md']);

    // Fix the broken file: the next run translates only it; nothing else is rewritten.
    const before = snapshot(dir, 'translations/posts');
    writeFile(dir, 'content/broken.md', '---\ntitle: 修好了\n---\n\n正文。\n');
    const second = await bitext(dir, ['translate', '--translator', 'pseudo']);
    expect(second.code).toBe(0);
    expect(snapshot(dir, 'translations/posts')).toEqual(before);
    expect(readText(dir, 'translations/broken.ja.md')).toContain('title:');

    const status = await bitext(dir, ['status', '--check']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('en: 5 document(s), 0 need work');
    expect(status.stdout).toContain('ja: 5 document(s), 0 need work');
  });

  it('status over a site: one line per document that needs work, a summary per language, language in the JSON', async () => {
    const dir = fixtureSite();
    writeFile(dir, 'content/broken.md', page('PAGE-FIXED'));
    await bitext(dir, ['translate', '--translator', 'pseudo', '--to', 'en']);
    const status = await bitext(dir, ['status', '--check']);
    expect(status.code).toBe(1);
    const lines = status.stdout.trim().split('\n');
    expect(lines.filter((l) => l.includes('(ja):'))).toHaveLength(5);
    expect(lines.filter((l) => l.includes('(en):'))).toHaveLength(0);
    expect(status.stdout).toContain("content/posts/first/index.md (ja): 0 stale, 4 missing, 0 conflict of 4 (not translated yet)");
    // Five pages of four segments each: the `.mdx` page's `import` line is MDX syntax, not a segment.
    expect(status.stdout).toContain('en: 5 document(s), 0 need work; 20 segments: 20 current');
    expect(status.stdout).toContain('ja: 5 document(s), 5 need work; 20 segments: 0 current');

    const json = JSON.parse((await bitext(dir, ['status', '--json'])).stdout);
    expect(json.documents).toHaveLength(10);
    expect(new Set(json.segments.map((s: { language: string }) => s.language))).toEqual(new Set(['en', 'ja']));
    expect(json.languages.ja.missing).toBe(20);
  });

  it('a file given alone goes to the same place as in a whole-site run', async () => {
    const dir = fixtureSite();
    const result = await bitext(dir, ['translate', 'content/posts/first/index.md', '--translator', 'pseudo', '--to', 'en']);
    expect(result.code).toBe(0);
    expect(readText(dir, 'translations/posts/first/index.en.md')).toContain('PAGE-FIRST');
  });

  it('review --html writes one page per document and language, each from its own bilingual document', async () => {
    const dir = fixtureSite();
    writeFile(dir, 'content/broken.md', page('PAGE-FIXED'));
    expect((await bitext(dir, ['translate', '--translator', 'pseudo'])).code).toBe(0);
    const review = await bitext(dir, ['review', 'content/posts/first/index.md', 'content/docs/intro.mdx', '--html']);
    expect(review.code).toBe(0);
    for (const to of ['en', 'ja']) {
      expect(readText(dir, `translations/posts/first/index.zh-${to}.review.html`)).toContain('PAGE-FIRST');
      expect(readText(dir, `translations/docs/intro.zh-${to}.review.html`)).toContain('PAGE-MDX');
    }
    expect(review.stdout.match(/^wrote /gm)).toHaveLength(4);
  });

  it('sends short documents of one language pair in shared requests, each segment with its own document', async () => {
    const files: Record<string, string> = { 'bitext.config.json': JSON.stringify({ content: ['content/**/*.md'] }) };
    for (let i = 0; i < 12; i++) files[`content/p${i}/index.md`] = page(`DOC${i}`);
    const dir = tempProject(files);
    const recorder = recordingTranslator(dir);
    const result = await bitext(dir, ['translate', '--translator', 'command', '--command', recorder.command, '--to', 'en,ja']);
    expect(result.code).toBe(0);
    // 12 documents × 4 segments × 2 languages fit in a few requests, not 24.
    expect(result.stdout).toMatch(/24 document\(s\) in en, ja: 96 translated, 0 from memory, 0 failed; [2-6] request\(s\)/);
    const sent = recorder.sent() as { id: string; text: string; context?: { before: string[]; after: string[] } }[];
    expect(sent).toHaveLength(96);

    expect(new Set(sent.map((s) => s.id)).size).toBe(96);
    for (let i = 0; i < 12; i++) {
      expect(readText(dir, `translations/p${i}/index.ja.md`)).toContain(`DOC${i}`);
      expect(new Set(readText(dir, `translations/p${i}/index.ja.md`).match(/DOC\d+/g))).toEqual(new Set([`DOC${i}`]));
    }

    // Two documents edited: both paragraphs share one request, each with its own neighbours.
    for (const i of [3, 7]) writeFile(dir, `content/p${i}/index.md`, page(`DOC${i}`).replace('的第一段', '的新第一段'));
    const again = await bitext(dir, ['translate', '--translator', 'command', '--command', recorder.command, '--to', 'en']);
    expect(again.stdout).toContain('1 request(s)');
    const edited = recorder.sent().slice(96) as { text: string; context?: { before: string[]; after: string[] } }[];
    expect(edited.map((s) => [s.text, s.context])).toEqual([3, 7].map((i) => [
      `这是 DOC${i} 的新第一段。`,
      { before: [`标题 DOC${i}`], after: [`这是 DOC${i} 的第二段。`] },
    ]));
  });
});

describe('never two sources on one output', () => {
  const issue = { 'content/a/index.md': '---\ntitle: 第一篇\n---\n\n第一篇的正文。\n', 'content/b/index.md': '---\ntitle: 第二篇\n---\n\n第二篇的正文。\n' };

  it('mirrors the tree: two index.md files get their own outputs, and a\'s are untouched when b is translated', async () => {
    const dir = tempProject(issue);
    expect((await bitext(dir, ['translate', 'content/a/index.md', '--translator', 'pseudo'])).code).toBe(0);
    const before = snapshot(dir, 'translations/a');
    expect([...before.keys()].sort()).toEqual(['translations/a/index.en.md', 'translations/a/index.zh-en.md']);
    const both = await bitext(dir, ['translate', 'content/a/index.md', 'content/b/index.md', '--translator', 'pseudo']);
    expect(both.code).toBe(0);
    expect(snapshot(dir, 'translations/a')).toEqual(before);
    expect(readText(dir, 'translations/b/index.zh-en.md')).toContain('source: content/b/index.md');
    const status = await bitext(dir, ['status', 'content/a/index.md', '--check']);
    expect(status.code).toBe(0);
  });

  it('refuses a layout that maps two sources to one file, naming both, before writing anything', async () => {
    const dir = tempProject({ ...issue, 'bitext.config.json': JSON.stringify({ content: ['content/**/*.md'], layout: 'translations/{to}/{name}{ext}' }) });
    const result = await bitext(dir, ['translate', '--translator', 'pseudo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('content/a/index.md');
    expect(result.stderr).toContain('content/b/index.md');
    expect(existsSync(join(dir, 'translations'))).toBe(false);
  });

  it('never overwrites a bilingual document that belongs to another source that still exists', async () => {
    const dir = tempProject(issue);
    await bitext(dir, ['translate', 'content/a/index.md', '--translator', 'pseudo']);
    const before = snapshot(dir, 'translations');
    // A root that puts b's outputs where a's are.
    writeFile(dir, 'bitext.config.json', JSON.stringify({ root: 'content/b', content: ['content/b/index.md'], out: 'translations/a' }));
    const result = await bitext(dir, ['translate', '--translator', 'pseudo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('belongs to content/a/index.md');
    expect(result.stderr).toContain('bitext mv');
    expect(snapshot(dir, 'translations')).toEqual(before);
  });
});

describe('bitext mv on a site', () => {
  it('moves every language, writes the source header unquoted, and updates the config so status still works', async () => {
    const dir = tempProject({
      'bitext.config.json': '{\n  "to": ["en", "ja"],\n  "content": ["content/a/index.md"]\n}\n',
      'content/a/index.md': page('PAGE-A'),
    });
    expect((await bitext(dir, ['translate', '--translator', 'pseudo'])).code).toBe(0);
    const mv = await bitext(dir, ['mv', 'content/a/index.md', 'content/renamed/index.md']);
    expect(mv.code).toBe(0);
    expect(readText(dir, 'bitext.config.json')).toBe('{\n  "to": ["en", "ja"],\n  "content": ["content/renamed/index.md"]\n}\n');
    for (const to of ['en', 'ja']) {
      expect(readText(dir, `translations/renamed/index.zh-${to}.md`)).toContain('\nsource: content/renamed/index.md\n');
      expect(readText(dir, `translations/renamed/index.${to}.md`)).toContain('PAGE-A');
      expect(existsSync(join(dir, `translations/a/index.zh-${to}.md`))).toBe(false);
    }
    const status = await bitext(dir, ['status', '--check']);
    expect(status.code).toBe(0);
  });
});

describe('site layouts through the CLI', () => {
  it('vitepress: targets inside the content tree are not taken for sources on the next run', async () => {
    const dir = tempProject({
      'bitext.config.json': JSON.stringify({ to: ['en', 'ja'], content: ['docs/**/*.md'], layout: 'vitepress' }),
      'docs/index.md': page('HOME'),
      'docs/guide/start.md': page('START'),
    });
    expect((await bitext(dir, ['translate', '--translator', 'pseudo'])).code).toBe(0);
    expect(readText(dir, 'docs/ja/guide/start.md')).toContain('START');
    expect(readText(dir, 'docs/en/index.md')).toContain('HOME');
    expect(existsSync(join(dir, 'translations/guide/start.zh-ja.md'))).toBe(true);
    const status = await bitext(dir, ['status', '--check']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('en: 2 document(s), 0 need work');
  });

  it('hugo: translations beside the source, excluded files left alone', async () => {
    const dir = tempProject({
      'bitext.config.json': JSON.stringify({ content: ['content/**/*.md'], exclude: ['content/drafts/**'], layout: 'hugo' }),
      'content/posts/hello/index.md': page('HELLO'),
      'content/drafts/wip.md': page('WIP'),
    });
    expect((await bitext(dir, ['translate', '--translator', 'pseudo'])).code).toBe(0);
    expect(readText(dir, 'content/posts/hello/index.en.md')).toContain('HELLO');
    expect(existsSync(join(dir, 'content/drafts/wip.en.md'))).toBe(false);
    expect((await bitext(dir, ['status', '--check'])).code).toBe(0);
    // Another language later: the English versions beside the sources are not sources.
    const ja = await bitext(dir, ['translate', '--translator', 'pseudo', '--to', 'ja']);
    expect(ja.code).toBe(0);
    expect(readdirSync(join(dir, 'content/posts/hello')).sort()).toEqual(['index.en.md', 'index.ja.md', 'index.md']);
  });
});

describe('more layouts through the CLI', () => {
  it('hugo-content-dirs and docusaurus put the translated version where the site generator reads it', async () => {
    const hugo = tempProject({ 'bitext.config.json': JSON.stringify({ content: ['content/zh/**/*.md'], layout: 'hugo-content-dirs' }), 'content/zh/posts/hello/index.md': page('HUGO') });
    expect((await bitext(hugo, ['translate', '--translator', 'pseudo'])).code).toBe(0);
    expect(readText(hugo, 'content/en/posts/hello/index.md')).toContain('HUGO');
    expect(existsSync(join(hugo, 'translations/posts/hello/index.zh-en.md'))).toBe(true);

    const docusaurus = tempProject({ 'bitext.config.json': JSON.stringify({ to: 'ja', content: ['docs/**/*.mdx'], layout: 'docusaurus' }), 'docs/guide/setup.mdx': page('DOCU') });
    expect((await bitext(docusaurus, ['translate', '--translator', 'pseudo'])).code).toBe(0);
    expect(readText(docusaurus, 'i18n/ja/docusaurus-plugin-content-docs/current/guide/setup.mdx')).toContain('DOCU');
    expect((await bitext(docusaurus, ['status', '--check'])).code).toBe(0);
  });

  it('an unknown layout or a bad config field is a usage error naming the config', async () => {
    const dir = tempProject({ 'bitext.config.json': JSON.stringify({ content: ['content/*.md'], layout: 'jekyll' }), 'content/a.md': page('A') });
    const result = await bitext(dir, ['status']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bitext.config.json: unknown layout "jekyll"');
    writeFile(dir, 'bitext.config.json', JSON.stringify({ content: ['content/*.md'], to: [] }));
    expect((await bitext(dir, ['status'])).stderr).toContain('config field "to" must be a string or a non-empty list of strings');
  });
});

describe('several languages, one glossary per pair', () => {
  it('a glossary path with {to} gives each language its own glossary; a dry run estimates shared requests', async () => {
    const files: Record<string, string> = {
      'bitext.config.json': JSON.stringify({ to: ['en', 'ja'], content: ['content/**/*.md'], glossary: 'glossary.{from}-{to}.yaml' }),
      'glossary.zh-en.yaml': '- source: 文章\n  target: article\n',
      'glossary.zh-ja.yaml': '- source: 文章\n  target: 記事\n',
    };
    for (let i = 0; i < 5; i++) files[`content/p${i}/index.md`] = page(`P${i}`);
    const dir = tempProject(files);
    const dry = await bitext(dir, ['translate', '--dry-run', '--translator', 'pseudo']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('en: would send 20 segment(s) of 5 document(s) to pseudo');
    expect(dry.stdout).toMatch(/ja: would send 20 segment\(s\) of 5 document\(s\) to pseudo: \d+ characters, about \d+ input tokens, 1 request\(s\) in all/);
    expect(existsSync(join(dir, 'translations'))).toBe(false);

    await bitext(dir, ['translate', '--translator', 'pseudo']);
    // The pseudo translator keeps no glossary term, so each language's check names its own term.
    const check = await bitext(dir, ['check', '--json']);
    const findings = JSON.parse(check.stdout).findings as { check: string; language: string; message: string }[];
    const glossary = findings.filter((f) => f.check === 'glossary');
    expect(glossary.some((f) => f.language === 'en' && f.message.includes('article'))).toBe(true);
    expect(glossary.some((f) => f.language === 'ja' && f.message.includes('記事'))).toBe(true);
    expect(glossary.some((f) => f.language === 'ja' && f.message.includes('article'))).toBe(false);
  });
});

describe('one request pool for the whole run', () => {
  it('--concurrency bounds the requests in flight across documents and languages, and is reached', async () => {
    const files: Record<string, string> = {
      'bitext.config.json': JSON.stringify({ to: ['en', 'ja'], content: ['content/**/*.md'] }),
      // One segment per request, a short wait in each: many requests overlap if the pool lets them.
      'counting-translator.mjs': `import { appendFileSync } from 'node:fs';
let inFlight = 0;
export function createTranslator({ cwd }) {
  return {
    name: 'counting',
    limits: { maxSegmentsPerRequest: 1, maxCharactersPerRequest: 10000 },
    async translate({ target, segments }) {
      inFlight += 1;
      appendFileSync(cwd + '/in-flight.log', inFlight + '\\n');
      await new Promise((r) => setTimeout(r, 20));
      inFlight -= 1;
      return { translations: segments.map((s) => ({ id: s.id, text: target.toUpperCase() + ' ' + s.text.replace(/[\\u3400-\\u9fff]+/g, 'x') })) };
    },
  };
}
`,
    };
    for (let i = 0; i < 3; i++) files[`content/p${i}/index.md`] = page(`P${i}`);
    const dir = tempProject(files);
    const result = await bitext(dir, ['translate', '--translator', './counting-translator.mjs', '--concurrency', '3']);
    expect(result.stderr).not.toContain('bitext:');
    expect(result.code).toBe(0);
    const counts = readText(dir, 'in-flight.log').trim().split('\n').map(Number);
    expect(counts).toHaveLength(24);
    expect(Math.max(...counts)).toBe(3);
    expect(readText(dir, 'translations/p2/index.ja.md')).toContain('JA ');
    expect(readText(dir, 'translations/p2/index.en.md')).toContain('EN ');
  });
});

describe('diff and accept on nested paths and several languages', () => {
  it('diff shows each language\'s stale segment; accept --to takes one language only', async () => {
    const dir = tempProject({ 'bitext.config.json': JSON.stringify({ to: ['en', 'ja'], content: ['content/**/*.md'] }), 'content/a/b/index.md': page('DEEP') });
    expect((await bitext(dir, ['translate', '--translator', 'pseudo'])).code).toBe(0);
    writeFile(dir, 'content/a/b/index.md', page('DEEP').replace('第一段', '第一小段'));
    const diff = await bitext(dir, ['diff', '--json']);
    const stale = JSON.parse(diff.stdout).segments as { id: string; language: string; source: string }[];
    expect(stale.map((s) => s.language).sort()).toEqual(['en', 'ja']);
    expect(new Set(stale.map((s) => s.source))).toEqual(new Set(['content/a/b/index.md']));
    expect((await bitext(dir, ['diff'])).stdout).toMatch(/content\/a\/b\/index\.md:\d+ \(ja\)/);

    const id = stale[0]?.id ?? '';
    const accept = await bitext(dir, ['accept', id, '--file', 'content/a/b/index.md', '--to', 'ja']);
    expect(accept.code).toBe(0);
    expect(accept.stdout).toContain('translations/a/b/index.zh-ja.md: accepted 1 segment(s)');
    const status = JSON.parse((await bitext(dir, ['status', '--json'])).stdout);
    expect(status.languages.ja.stale).toBe(0);
    expect(status.languages.en.stale).toBe(1);
  });
});
