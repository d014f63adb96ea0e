import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBilingual } from '../../../src/bilingual/parse-bilingual.js';
import type { ApiSegment } from '../../../src/review/server/segment-json.js';
import { startReviewServer, type ReviewServer } from '../../../src/review/server/review-server.js';
import { bitext, readText, tempProject } from '../../helpers/temp-project.js';

const SOURCE = '# 标题\n\n第一句话讲的是 GPT-4。第二句话有 **重点** 和 `code`。\n\n最后一段。\n';
const SETTINGS = { from: 'zh', to: 'en', outDir: 'translations', frontMatterFields: ['title', 'summary', 'description'] };

let server: ReviewServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(): Promise<{ dir: string; call: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; json: Record<string, unknown> }> }> {
  const dir = tempProject({ 'content/doc.md': SOURCE });
  expect((await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo'])).code).toBe(0);
  const logged: string[] = [];
  server = await startReviewServer({ settings: { cwd: dir, ...SETTINGS }, files: ['content/doc.md'], glossary: [], port: 0, generatedBy: 'test', log: (t) => logged.push(t) });
  const token = new URL(server.url).searchParams.get('token');
  const base = new URL(server.url).origin;
  return {
    dir,
    call: async (method, path, body, headers = {}) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    },
  };
}

const segments = async (call: Awaited<ReturnType<typeof serve>>['call']): Promise<ApiSegment[]> =>
  (await call('GET', '/api/segments?file=content/doc.md')).json.segments as ApiSegment[];

describe('review server API', () => {
  it('lists documents and segments with versions, sentence pairs and display pieces', async () => {
    const { call } = await serve();
    const documents = await call('GET', '/api/documents');
    expect(documents.status).toBe(200);
    expect(documents.json.documents).toMatchObject([{ file: 'content/doc.md', bilingual: 'translations/doc.zh-en.md', segments: 3, current: 3 }]);
    const [heading, two] = await segments(call);
    expect(heading).toMatchObject({ kind: 'heading', status: 'current', edited: false, reviewed: false, source: '标题', origin: 'pseudo' });
    expect(heading?.translationHash).toMatch(/^[0-9a-f]{16}$/);
    expect(two?.sentences.source).toHaveLength(2);
    // The pseudo translation has no English sentence ends, so both Chinese sentences pair with it.
    expect(two?.sentencePairs).toEqual([{ source: ['第一句话讲的是 GPT-4。', '第二句话有 **重点** 和 `code`。'], translation: [two?.translation] }]);
    expect(two?.pieces.source.filter((piece) => piece.strong).map((piece) => piece.text)).toEqual(['重点']);
    expect(two?.pieces.source.filter((piece) => piece.code).map((piece) => piece.text)).toEqual(['code']);
  });

  it('saves an edit as the person’s translation and answers 409 to a stale base, writing nothing', async () => {
    const { dir, call } = await serve();
    const [heading] = await segments(call);
    const saved = await call('PUT', `/api/segments/${heading?.id}?file=content/doc.md`, { translation: 'Title', base: heading?.translationHash, sourceHash: heading?.sourceHash });
    expect(saved.status).toBe(200);
    expect(saved.json.segment).toMatchObject({ translation: 'Title', origin: 'human', edited: true, status: 'current' });
    expect(readText(dir, 'translations/doc.en.md')).toMatch(/^# Title\n/);
    const before = readText(dir, 'translations/doc.zh-en.md');
    const stale = await call('PUT', `/api/segments/${heading?.id}?file=content/doc.md`, { translation: 'Heading', base: heading?.translationHash });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatch(/changed since it was read/);
    const wrongSource = await call('PUT', `/api/segments/${heading?.id}?file=content/doc.md`, { translation: 'Heading', base: (saved.json.segment as ApiSegment).translationHash, sourceHash: 'feedfeedfeedfeed' });
    expect(wrongSource.status).toBe(409);
    expect(readText(dir, 'translations/doc.zh-en.md')).toBe(before);
  });

  it('answers 409 while another bitext run holds the document lock, and writes nothing', async () => {
    const { dir, call } = await serve();
    const [heading] = await segments(call);
    const before = readText(dir, 'translations/doc.zh-en.md');
    // A live process on this host holds the lock (this test's own process stands in for `translate`).
    writeFileSync(join(dir, 'translations/doc.zh-en.md.lock'), JSON.stringify({ pid: process.pid, host: hostname(), started: 'now' }));
    const locked = await call('PUT', `/api/segments/${heading?.id}?file=content/doc.md`, { translation: 'Title', base: heading?.translationHash });
    expect(locked.status).toBe(409);
    expect(locked.json.error).toMatch(/another bitext run/);
    const accept = await call('POST', `/api/segments/${heading?.id}/accept?file=content/doc.md`, {});
    expect(accept.status).toBe(409);
    expect(readText(dir, 'translations/doc.zh-en.md')).toBe(before);
  });

  it('accepts a segment as reviewed, like `bitext accept`; a suggestion only where there is one', async () => {
    const { dir, call } = await serve();
    const [, two] = await segments(call);
    const accepted = await call('POST', `/api/segments/${two?.id}/accept?file=content/doc.md`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.json.segment).toMatchObject({ reviewed: true, status: 'current' });
    expect(parseBilingual(readText(dir, 'translations/doc.zh-en.md'), 'doc').segments.find((r) => r.id === two?.id)?.reviewed).toBe(true);
    const noSuggestion = await call('POST', `/api/segments/${two?.id}/accept?file=content/doc.md`, { suggestion: true });
    expect(noSuggestion.status).toBe(400);
    expect(noSuggestion.json.error).toMatch(/no machine suggestion/);
  });

  it('checks a draft without writing', async () => {
    const { dir, call } = await serve();
    const [, two] = await segments(call);
    const before = readText(dir, 'translations/doc.zh-en.md');
    const draft = await call('POST', '/api/check?file=content/doc.md', { id: two?.id, translation: 'The first sentence is about GPT-5. The second has **a stress**.' });
    expect(draft.status).toBe(200);
    const checks = (draft.json.findings as Array<{ check: string }>).map((f) => f.check);
    expect(checks).toContain('numbers');
    expect(checks).toContain('inline-structure');
    expect(readText(dir, 'translations/doc.zh-en.md')).toBe(before);
  });

  it('answers bad requests with 400, 404, 405 and 415', async () => {
    const { call } = await serve();
    const [heading] = await segments(call);
    const path = `/api/segments/${heading?.id}?file=content/doc.md`;
    expect((await call('PUT', path, { translation: '  ', base: heading?.translationHash })).status).toBe(400);
    expect((await call('PUT', path, { translation: 5, base: heading?.translationHash })).status).toBe(400);
    expect((await call('PUT', path, '[1]')).status).toBe(400);
    expect((await call('PUT', path, 'translation=x', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await call('PUT', '/api/segments/nope?file=content/doc.md', { translation: 'x', base: 'y' })).status).toBe(404);
    expect((await call('GET', '/api/segments?file=content/other.md')).status).toBe(404);
    expect((await call('GET', path)).status).toBe(405);
    expect((await call('GET', '/nothing')).status).toBe(404);
  });
});

describe('bitext review --serve', () => {
  it('refuses a bad port and --html together with --serve, exit 2, before listening', async () => {
    const dir = tempProject({ 'content/doc.md': SOURCE });
    const badPort = await bitext(dir, ['review', 'content/doc.md', '--serve', '--port', 'http']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('--port must be a port number');
    expect(badPort.stdout).toBe('');
    const both = await bitext(dir, ['review', 'content/doc.md', '--serve', '--html']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--serve and --html do not go together');
  });
});

describe('review server with several documents', () => {
  it('lists each document, needs ?file= for segments, and links the documents on the page', async () => {
    const dir = tempProject({ 'content/a.md': '# 甲\n', 'content/b.md': '# 乙\n' });
    expect((await bitext(dir, ['translate', 'content/a.md', 'content/b.md', '--translator', 'pseudo'])).code).toBe(0);
    server = await startReviewServer({ settings: { cwd: dir, ...SETTINGS }, files: ['content/a.md', 'content/b.md'], glossary: [], port: 0, generatedBy: 'test', log: () => undefined });
    const headers = { Authorization: `Bearer ${new URL(server.url).searchParams.get('token')}` };
    const origin = new URL(server.url).origin;
    const documents = (await (await fetch(`${origin}/api/documents`, { headers })).json()) as { documents: Array<{ file: string }> };
    expect(documents.documents.map((d) => d.file)).toEqual(['content/a.md', 'content/b.md']);
    expect((await fetch(`${origin}/api/segments`, { headers })).status).toBe(400);
    const b = (await (await fetch(`${origin}/api/segments?file=content/b.md`, { headers })).json()) as { segments: ApiSegment[] };
    expect(b.segments.map((s) => s.source)).toEqual(['乙']);
    const page = await (await fetch(`${origin}/?file=content/b.md`, { headers })).text();
    expect(page).toContain('<a href="/?file=content%2Fa.md">content/a.md</a>');
    expect(page).toContain('aria-current="page"');
  });
});
