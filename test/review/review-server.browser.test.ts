import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseBilingual } from '../../src/bilingual/parse-bilingual.js';
import { runCli } from '../../src/cli/run-cli.js';
import type { SegmentRecord } from '../../src/model/types.js';
import { bitext, readText, tempProject, writeFile } from '../helpers/temp-project.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

const HOSTILE = '<script>window.__pwned=1</script> 和 <img src=x onerror="window.__pwned=1">';
const SOURCE = `---
title: 测试文档
---

# 标题

第一句话讲的是 GPT-4 的训练。第二句话有 **重点** 和 \`code\`。

这一段会被人修改。

示例：${HOSTILE} 都是文字。

这一段会有冲突。
`;

interface Served {
  dir: string;
  url: string;
  origin: string;
  token: string;
  stop: () => Promise<void>;
  stderr: () => string;
}

/** A project with the pseudo translation of SOURCE, one segment in conflict, served by `review --serve` in-process. */
async function serveProject(): Promise<Served> {
  const dir = tempProject({ 'content/doc.md': SOURCE });
  expect((await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo'])).code).toBe(0);
  // A person rewrites the last paragraph's translation, then the source of that paragraph changes:
  // the next run keeps the person's text and adds its own suggestion beside it (a conflict).
  const conflict = records(dir).find((r) => r.source === '这一段会有冲突。');
  const twoSentences = records(dir).find((r) => r.source.startsWith('第一句话'));
  writeFile(
    dir,
    'translations/doc.zh-en.md',
    readText(dir, 'translations/doc.zh-en.md')
      .replace(conflict?.translation ?? '?', 'The person wrote this.')
      // The pseudo translator writes no sentence an English splitter recognises; a person fixes that.
      .replace(twoSentences?.translation ?? '?', 'The first sentence is about training GPT-4. The second has an **emphasis** and `code`.'),
  );
  writeFile(dir, 'content/doc.md', SOURCE.replace('这一段会有冲突。', '这一段现在有冲突了。'));
  // Exit code 1: the run reports the conflict it left for a person.
  expect((await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo'])).code).toBe(1);
  expect(records(dir).find((r) => r.id === conflict?.id)?.suggestion).toBeDefined();

  const controller = new AbortController();
  let stdout = '';
  let stderr = '';
  const run = runCli(['review', 'content/doc.md', '--serve', '--port', '0'], {
    cwd: dir,
    env: { PATH: process.env.PATH },
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    signal: controller.signal,
  });
  await expect.poll(() => stdout, { timeout: 20_000 }).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+\n$/);
  const url = stdout.trim();
  return {
    dir,
    url,
    origin: new URL(url).origin,
    token: new URL(url).searchParams.get('token') ?? '',
    stop: async () => {
      controller.abort();
      expect(await run).toBe(0);
    },
    stderr: () => stderr,
  };
}

function records(dir: string): SegmentRecord[] {
  return parseBilingual(readText(dir, 'translations/doc.zh-en.md'), 'doc.zh-en.md').segments;
}

function record(dir: string, source: string): SegmentRecord {
  const found = records(dir).find((r) => r.source === source);
  if (!found) throw new Error(`no record for ${source}`);
  return found;
}

/** A raw HTTP request, so that Host and Origin can be anything (fetch would not allow it). */
function rawRequest(served: Served, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  const { port } = new URL(served.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: Number(port), method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const describeInChromium = hasChromium ? describe : describe.skip;
const title = hasChromium
  ? 'review server in headless Chromium'
  : `review server in headless Chromium: SKIPPED because ${CHROMIUM} does not exist (apt-get install -y chromium)`;

describeInChromium(title, () => {
  let browser: Browser;
  let served: Served;
  let page: Page;
  let problems: string[];
  let requests: string[];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    served = await serveProject();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = [];
    requests = [];
    page.on('console', (message) => {
      // A 409 or 403 the test provokes is logged by Chromium as a failed resource; anything else is a problem.
      if (message.type() === 'error' && !/status of (409|403)/.test(message.text())) problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(served.url);
  }, 60_000);

  afterEach(async () => {
    await page?.context().close();
    if (served) await served.stop().catch(() => undefined);
  });

  /** Nothing went wrong in the page and nothing was requested anywhere but this server. */
  function expectClean(): void {
    expect(problems).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(new URL(url).origin).toBe(served.origin);
  }

  const row = (source: string) => page.locator('.row', { has: page.locator('.source .raw', { hasText: new RegExp(`^${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });

  it('edits a translation in place and saves it: bilingual document and English version change, marked as a person’s edit', async () => {
    const target = row('这一段会被人修改。');
    await target.locator('.row-head').click();
    await target.focus();
    await page.keyboard.press('Enter');
    const editor = target.locator('textarea.editor');
    await expect.poll(() => editor.isVisible()).toBe(true);
    await editor.fill('This paragraph was **changed** by a reviewer.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => target.locator('.notice').textContent()).toBe('Saved');

    const saved = record(served.dir, '这一段会被人修改。');
    expect(saved.translation).toBe('This paragraph was **changed** by a reviewer.');
    expect(saved.origin).toBe('human');
    expect(readText(served.dir, 'translations/doc.en.md')).toContain('This paragraph was **changed** by a reviewer.');
    // The row now shows the saved text, rendered, with the edited badge.
    expect(await target.locator('.target .text').textContent()).toBe('This paragraph was changed by a reviewer.');
    expect(await target.locator('.target .text strong').textContent()).toBe('changed');
    expect(await target.locator('.badges').textContent()).toContain('edited');
    // The token left the address bar once the page had it in its cookie; a reload still works.
    expect(page.url()).toBe(`${served.origin}/?file=content%2Fdoc.md`);
    await page.reload();
    expect(await row('这一段会被人修改。').locator('.target .raw').textContent()).toBe('This paragraph was **changed** by a reviewer.');
    expectClean();
  });

  it('re-checks QA while typing, and Esc cancels without writing', async () => {
    const before = readText(served.dir, 'translations/doc.zh-en.md');
    const target = row('这一段会被人修改。');
    await target.locator('[data-act="edit"]').click();
    await target.locator('textarea.editor').fill('There are 42 reasons.');
    await expect.poll(() => target.locator('.draft-findings').textContent()).toContain('42');
    await target.locator('textarea.editor').fill('这一段');
    await expect.poll(() => target.locator('.draft-findings').textContent()).not.toContain('42');
    await page.keyboard.press('Escape');
    expect(await target.locator('textarea').count()).toBe(0);
    expect(readText(served.dir, 'translations/doc.zh-en.md')).toBe(before);
    expectClean();
  });

  it('answers 409 to a save based on a stale version, and the page says so and keeps the text', async () => {
    const target = row('这一段会被人修改。');
    await target.locator('[data-act="edit"]').click();
    await target.locator('textarea.editor').fill('My version.');
    // Meanwhile another editor saves the same pair through the API.
    const id = await target.getAttribute('data-id');
    const other = await rawRequest(served, {
      method: 'PUT',
      path: `/api/segments/${id}?file=content/doc.md`,
      headers: { Host: new URL(served.url).host, Authorization: `Bearer ${served.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ translation: 'Their version.', base: await target.getAttribute('data-hash') }),
    });
    expect(other.status).toBe(200);
    await target.locator('textarea.editor').press('Control+Enter');
    await expect.poll(() => target.locator('.notice').textContent()).toMatch(/^Not saved: .*changed since it was read/);
    expect(await target.locator('textarea.editor').inputValue()).toBe('My version.');
    expect(record(served.dir, '这一段会被人修改。').translation).toBe('Their version.');
    // The same request again, straight to the API, is a 409 too.
    const again = await rawRequest(served, {
      method: 'PUT',
      path: `/api/segments/${id}?file=content/doc.md`,
      headers: { Host: new URL(served.url).host, Authorization: `Bearer ${served.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ translation: 'My version.', base: await target.getAttribute('data-hash') }),
    });
    expect(again.status).toBe(409);
    expect(record(served.dir, '这一段会被人修改。').translation).toBe('Their version.');
    expect(problems).toEqual([]);
  });

  it("accepts a conflict's suggestion, and accepts a pair with `a`; the count of what needs work goes down", async () => {
    const work = async (): Promise<number> => Number(await page.locator('.sum-work b').textContent());
    const start = await work();
    const conflict = row('这一段现在有冲突了。');
    expect(await conflict.getAttribute('data-status')).toBe('conflict');
    const suggestion = record(served.dir, '这一段现在有冲突了。').suggestion?.text;
    await conflict.locator('[data-act="accept-suggestion"]').click();
    await expect.poll(() => conflict.getAttribute('data-status')).toBe('current');
    const accepted = record(served.dir, '这一段现在有冲突了。');
    expect(accepted.translation).toBe(suggestion);
    expect(accepted.reviewed).toBe(true);
    expect(accepted.suggestion).toBeUndefined();
    expect(readText(served.dir, 'translations/doc.en.md')).toContain(suggestion ?? '?');
    expect(await work()).toBe(start - 1);

    const heading = row('标题');
    await heading.focus();
    await page.keyboard.press('a');
    await expect.poll(() => heading.getAttribute('data-reviewed')).toBe('1');
    expect(record(served.dir, '标题').reviewed).toBe(true);
    expect(await work()).toBe(start - 2);
    expectClean();
  });

  it('refuses requests without the token, with a foreign Host or from a foreign Origin (403), and writes nothing', async () => {
    const host = new URL(served.url).host;
    const auth = { Authorization: `Bearer ${served.token}` };
    expect((await rawRequest(served, { path: '/api/documents', headers: { Host: host } })).status).toBe(403);
    expect((await rawRequest(served, { path: '/?file=content/doc.md', headers: { Host: host } })).status).toBe(403);
    expect((await rawRequest(served, { path: '/api/documents', headers: { Host: host, Authorization: 'Bearer wrong' } })).status).toBe(403);
    expect((await rawRequest(served, { path: '/api/documents', headers: { Host: host, ...auth } })).status).toBe(200);
    expect((await rawRequest(served, { path: `/api/documents?token=${served.token}`, headers: { Host: host } })).status).toBe(200);
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends its own Host.
    expect((await rawRequest(served, { path: '/api/documents', headers: { Host: `evil.example:${new URL(served.url).port}`, ...auth } })).status).toBe(403);
    const before = readText(served.dir, 'translations/doc.zh-en.md');
    const id = record(served.dir, '标题').id;
    const put = await rawRequest(served, {
      method: 'PUT',
      path: `/api/segments/${id}?file=content/doc.md`,
      headers: { Host: host, ...auth, Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      body: JSON.stringify({ translation: 'Pwned', base: 'x' }),
    });
    expect(put.status).toBe(403);
    const accept = await rawRequest(served, {
      method: 'POST',
      path: `/api/segments/${id}/accept?file=content/doc.md`,
      headers: { Host: host, ...auth, Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(accept.status).toBe(403);
    expect(readText(served.dir, 'translations/doc.zh-en.md')).toBe(before);
    // Only the files the server was started with can be named.
    expect((await rawRequest(served, { path: '/api/segments?file=../../etc/passwd', headers: { Host: host, ...auth } })).status).toBe(404);
  });

  it('shows hostile text in the document as text, and runs no script from it', async () => {
    const hostile = page.locator('.row', { has: page.locator('.source .raw', { hasText: '示例：' }) });
    expect(await hostile.locator('.source .raw').textContent()).toBe(`示例：${HOSTILE} 都是文字。`);
    expect(await hostile.locator('.source .text').textContent()).toBe(`示例：${HOSTILE} 都是文字。`);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expectClean();
  });

  it('lights the counterpart sentence on hover in the served page', async () => {
    const pair = row('第一句话讲的是 GPT-4 的训练。第二句话有 **重点** 和 `code`。');
    expect(await pair.locator('.source .sent').count()).toBe(2);
    await pair.locator('.source .sent').nth(1).hover();
    expect(await pair.locator('.target .sent.is-pair').count()).toBe(1);
    expect(await pair.locator('.target .sent.is-pair code').textContent()).toBe('code');
    expectClean();
  });

  it('says clearly when the server is gone', async () => {
    await served.stop();
    const target = row('这一段会被人修改。');
    await target.locator('[data-act="edit"]').click();
    await target.locator('textarea.editor').fill('Too late.');
    await target.locator('textarea.editor').press('Control+Enter');
    await expect.poll(() => page.locator('#server-gone').isVisible()).toBe(true);
    expect(await page.locator('#server-gone').textContent()).toContain('not answering');
    expect(await target.locator('.notice').textContent()).toBe('Not saved: the review server is not answering.');
    expect(await target.locator('textarea.editor').inputValue()).toBe('Too late.');
  });
});
