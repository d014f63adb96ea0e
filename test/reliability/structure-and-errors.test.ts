import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallDocument } from '../helpers/run-bitext.js';
import { bitext, readText, tempProject, writeFile } from '../helpers/temp-project.js';

const TRANSLATOR_URL = JSON.stringify(new URL('../../dist/translate/translator.js', import.meta.url).pathname);

/** A module translator that answers in English and adds `extra` to the paragraph numbered 2. */
function injectingTranslator(extra: string): string {
  return `export function createTranslator() {
  return { name: 'inject', limits: { maxSegmentsPerRequest: 20, maxCharactersPerRequest: 10000 },
    async translate({ segments }) {
      return { translations: segments.map((s) => {
        const n = (s.text.match(/\\d+/) ?? ['0'])[0];
        const text = s.text.startsWith('标题') ? 'Title' : 'Paragraph ' + n + ': we discussed how the model is trained and evaluated, number ' + n + '.';
        return { id: s.id, text: n === '2' && !s.text.startsWith('标题') ? text + ${JSON.stringify(extra)} : text };
      }) };
    } };
}`;
}

describe('a translation that changes the block structure is rejected', () => {
  const injections: [string, string][] = [
    ['a table', '\n\n| a | b |\n|---|---|'],
    ['a table without a blank line', '\n| a | b |\n|---|---|'],
    ['raw HTML', ' <script>alert(1)</script>'],
    ['a heading', '\n# Heading'],
    ['a list', '\n- item'],
    ['a quote', '\n> quoted'],
    ['a code fence', '\n```\ncode\n```'],
    ['a thematic break', '\n\n***'],
    ['a paragraph split', '\n\nA second paragraph.'],
  ];
  for (const [name, extra] of injections) {
    it(`${name} in a paragraph's translation never reaches the translated version`, async () => {
      const dir = tempProject({ 'content/doc.md': smallDocument(3), 'inject.mjs': injectingTranslator(extra) });
      const run = await bitext(dir, ['translate', 'content/doc.md', '--translator', './inject.mjs', '--max-attempts', '1']);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.stdout).toMatch(/failed s[0-9a-f]+: the translation adds/);
      const target = readText(dir, 'translations/doc.en.md');
      expect(target).toContain('Paragraph 1:');
      expect(target).toContain('Paragraph 3:');
      expect(target).not.toContain(extra.trim().split('\n').pop());
    });
  }

  it('a translation keeping the structure of a source with HTML and a list-like line is accepted', async () => {
    const dir = tempProject({ 'content/doc.md': smallDocument(3), 'inject.mjs': injectingTranslator(' (see 3 + 4 < 8)') });
    const run = await bitext(dir, ['translate', 'content/doc.md', '--translator', './inject.mjs', '--max-attempts', '1']);
    expect(run.code, run.stdout).toBe(0);
  });
});

describe('file-system errors say path: what happened: what to do, exit 2', () => {
  it('an output path that is a folder (EISDIR)', async () => {
    const dir = tempProject({ 'content/doc.md': smallDocument(2) });
    mkdirSync(join(dir, 'translations/doc.en.md'), { recursive: true });
    const run = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('unexpected error');
    expect(run.stderr).toMatch(/doc\.en\.md: is a folder, not a file \(EISDIR/);
    expect(run.stderr).toMatch(/Rename or remove the folder/);
  });

  it('an output folder that is a file (ENOTDIR / EEXIST)', async () => {
    const dir = tempProject({ 'content/doc.md': smallDocument(2), 'out': 'not a folder' });
    const run = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo', '--out', 'out']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('unexpected error');
    expect(run.stderr).toMatch(/out.*: .*\((ENOTDIR|EEXIST)/);
  });

  it('a read-only output folder (EACCES), where permissions apply', async () => {
    const dir = tempProject({ 'content/doc.md': smallDocument(2) });
    mkdirSync(join(dir, 'translations'));
    chmodSync(join(dir, 'translations'), 0o555);
    const run = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo']);
    chmodSync(join(dir, 'translations'), 0o755);
    // root writes anyway; everyone else must get the clear error.
    if (process.getuid?.() === 0) expect(run.code).toBe(0);
    else {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/permission denied \(EACCES/);
    }
  });

  it('a memory file whose entries are null or malformed names the file and the entry', async () => {
    const dir = tempProject({ 'content/doc.md': smallDocument(2) });
    for (const [entries, expected] of [
      ['[null]', 'entry 1 of the translation memory is null'],
      ['[{"key":"zh>en:1","source":"a","translation":"b","origin":"x"}, {"key":"k","source":1}]', 'entry 2 of the translation memory has no string `source`'],
    ] as const) {
      writeFile(dir, 'translations/.bitext/memory.json', `{"bitext-memory":1,"entries":${entries}}`);
      const run = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`translations/.bitext/memory.json: ${expected}`);
      expect(run.stderr).toContain('Remove that entry');
      expect(run.stderr).not.toContain('unexpected error');
      expect(readFileSync(join(dir, 'translations/.bitext/memory.json'), 'utf8')).toContain(entries);
    }
  });
});

describe('errors are recognised by shape, not instanceof', () => {
  const foreign = (body: string) => `class TranslatorError extends Error { constructor(m, o) { super(m); this.name = 'TranslatorError'; this.kind = o.kind; this.retryAfterMs = o.retryAfterMs; } }
let calls = 0;
export function createTranslator() { return { name: 'plugin', limits: { maxSegmentsPerRequest: 1, maxCharactersPerRequest: 10000 }, async translate({ segments }) { calls++; ${body} } }; }`;

  it('an auth error from another copy of bitext stops the run', async () => {
    const dir = tempProject({ 'content/doc.md': smallDocument(8), 'plugin.mjs': foreign("throw new TranslatorError('key rejected', { kind: 'auth' });") });
    writeFile(dir, 'plugin.mjs', `${foreign("require_calls(); throw new TranslatorError('key rejected', { kind: 'auth' });")}\nimport { appendFileSync } from 'node:fs';\nfunction require_calls() { appendFileSync(${JSON.stringify(join(dir, 'calls.log'))}, 'x'); }`);
    const run = await bitext(dir, ['translate', 'content/doc.md', '--translator', './plugin.mjs', '--concurrency', '1']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('stopped: key rejected');
    expect(readFileSync(join(dir, 'calls.log'), 'utf8').length).toBe(1);
  });

  it('a plain object shaped like a rate-limit TranslatorError is retried after its retryAfterMs', async () => {
    const dir = tempProject({ 'content/doc.md': smallDocument(1) });
    writeFile(dir, 'plugin.mjs', foreign("if (calls === 1) throw { name: 'TranslatorError', kind: 'rate-limit', retryAfterMs: 1500, message: 'slow down' }; return { translations: segments.map((s) => ({ id: s.id, text: 'Paragraph one: we discussed how the model is trained and evaluated.' })) };"));
    const run = await bitext(dir, ['translate', 'content/doc.md', '--translator', './plugin.mjs', '--concurrency', '1']);
    expect(run.stderr).toMatch(/retrying in 1\.5 s \(attempt 2\): rate-limit: slow down/);
    expect(run.code, run.stdout).toBe(0);
  });
});
