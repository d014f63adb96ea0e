import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReviewHtml } from '../../src/review/render-review-html.js';
import { alignReviewRows } from '../../src/review/sentences/align-review-rows.js';
import type { ReviewModel, ReviewRow } from '../../src/review/review-model.js';
import { CHROMIUM, chromiumTitle, HAS_CHROMIUM } from '../helpers/chromium.js';

const OUTPUT_DIR = fileURLToPath(new URL('../../test-output/', import.meta.url));

const SCRIPT_INJECTION = '<script>window.__pwned=1</script>';
const IMG_INJECTION = '<img src=x onerror="window.__pwned=1">';

type RowSpec = Partial<ReviewRow> & Pick<ReviewRow, 'id' | 'source'>;

// A realistic guide: mostly current rows, with stale, missing, conflict and QA rows spread through it.
const SPECS: RowSpec[] = [
  { id: 'h-quick-start', kind: 'heading', source: '快速入门', translation: 'Quick start' },
  { id: 'p-intro', source: 'bitext 把 Markdown 文档翻译成双语文档，每个原文段落都和译文一一对应。', translation: 'bitext translates Markdown documents into bilingual documents in which every source paragraph lines up with its translation.' },
  {
    id: 'p-install',
    status: 'stale',
    source: '安装需要 Node 20 或更新的版本。',
    previousSource: '安装需要 Node 18 或更高版本。',
    translation: 'Installation requires Node 18 or later.',
    findings: [{ check: 'number-mismatch', message: 'The source has 20; the translation has 18.' }],
  },
  { id: 'li-npm', kind: 'list-item', source: '使用 `npm install -g bitext` 全局安装。', translation: 'Install it globally with `npm install -g bitext`.' },
  { id: 'li-npx', kind: 'list-item', status: 'missing', source: '或者用 `npx bitext` 直接运行，不需要安装。' },
  { id: 'h-config', kind: 'heading', source: '配置', translation: 'Configuration' },
  {
    id: 'p-config',
    status: 'conflict',
    edited: true,
    origin: 'human',
    source: '配置文件放在项目根目录，名为 `bitext.config.json`。',
    previousSource: '配置文件放在项目根目录下。',
    translation: 'The configuration file lives in the root of the project.',
    suggestion: 'The configuration file lives in the project root and is named `bitext.config.json`.',
  },
  { id: 'p-languages', source: '默认从中文翻译成英文，\n也可以在配置里改成其他语言。', translation: 'By default it translates from Chinese to English;\nthe configuration can name other languages.' },
  { id: 'tc-option', kind: 'table-cell', source: '选项', translation: 'Option' },
  { id: 'tc-default', kind: 'table-cell', source: '默认值', translation: 'Default' },
  {
    id: 'tc-concurrency',
    kind: 'table-cell',
    source: '同时发送 4 个请求',
    translation: 'Send 5 requests at a time',
    findings: [{ check: 'number-mismatch', message: 'The source has 4; the translation has 5.' }],
  },
  { id: 'h-translate', kind: 'heading', source: '翻译文档', translation: 'Translating a document' },
  {
    id: 'p-translate',
    status: 'stale',
    reviewed: true,
    source: '运行 `bitext translate docs/guide.md`，译文写入 `translations/` 目录。',
    previousSource: '运行 `bitext translate docs/guide.md`，译文会写到 `out/` 目录。',
    translation: 'Run `bitext translate docs/guide.md`; the translation is written to the `out/` folder.',
  },
  { id: 'p-dry-run', source: '加上 `--dry-run` 只显示会发送哪些段落，不会真的调用翻译服务。', translation: 'Add `--dry-run` to only show which segments would be sent, without calling the translation service.' },
  { id: 'q-note', kind: 'quote', status: 'missing', source: '注意：翻译服务可能收费。' },
  {
    id: 'p-injection',
    source: `示例：${SCRIPT_INJECTION} 和 ${IMG_INJECTION} 都应该显示成文字。`,
    translation: `Example: ${IMG_INJECTION} and ${SCRIPT_INJECTION} must both show as text.`,
    findings: [{ check: 'html-mismatch', message: `Tags differ: ${SCRIPT_INJECTION}` }],
  },
  { id: 'h-review', kind: 'heading', source: '审阅译文', translation: 'Reviewing translations' },
  { id: 'p-review', source: '`bitext review` 生成一个静态网页，左边是原文，右边是译文。', translation: '`bitext review` generates a static web page with the source on the left and the translation on the right.' },
  {
    id: 'p-keys',
    status: 'conflict',
    edited: true,
    origin: 'human',
    source: '按 j 和 k 在需要处理的段落之间跳转，按 / 搜索。',
    previousSource: '按 j 和 k 在段落之间跳转。',
    translation: 'Press j and k to jump between paragraphs.',
    suggestion: 'Press j and k to jump between the segments that need work, and / to search.',
    findings: [{ check: 'length-ratio', message: 'The translation is much shorter than the source.' }],
  },
  { id: 'li-stale', kind: 'list-item', source: '过期：原文改过了，译文还没更新。', translation: 'Stale: the source changed and the translation has not caught up.' },
  { id: 'li-missing', kind: 'list-item', source: '缺失：还没有译文。', translation: 'Missing: there is no translation yet.' },
  { id: 'li-conflict', kind: 'list-item', source: '冲突：有人改过译文，之后原文又变了。', translation: 'Conflict: a person edited the translation and then the source changed.' },
  { id: 'h-check', kind: 'heading', status: 'missing', source: '在持续集成中检查' },
  {
    id: 'p-check',
    status: 'stale',
    source: '`bitext check` 在有过期或缺失的段落时以状态码 1 退出。',
    previousSource: '`bitext check` 在有过期段落时返回 1。',
    translation: '`bitext check` returns 1 when there are stale segments.',
  },
  { id: 'p-exit', source: '出错时以状态码 2 退出。', translation: 'It exits with status 2 on errors.' },
  {
    id: 'fn-1',
    kind: 'footnote',
    source: '详见 https://example.com/bitext/docs 。',
    translation: 'See https://example.com/bitext/doc for details.',
    findings: [
      { check: 'url-mismatch', message: 'The URL https://example.com/bitext/docs is missing from the translation.' },
      { check: 'punctuation', message: 'The source ends with a full-width full stop.' },
    ],
  },
  { id: 'h-faq', kind: 'heading', source: '常见问题', translation: 'FAQ', origin: 'pseudo' },
  { id: 'p-faq-1', source: '为什么不用逐词对比？因为中文没有空格，所以按字符对比。', translation: 'Why not compare word by word? Chinese has no spaces, so bitext compares characters.' },
  { id: 'p-faq-2', status: 'missing', source: '可以离线使用吗？可以，用 `pseudo` 翻译器测试整个流程。' },
  { id: 'p-thanks', source: '感谢所有贡献者。', translation: 'Thanks to all contributors.', reviewed: true },
];

const MODEL: ReviewModel = {
  title: `bitext 使用指南 </title>${SCRIPT_INJECTION}`,
  sourcePath: 'docs/guide.md',
  bilingualPath: 'translations/guide.en.md',
  from: 'zh',
  to: 'en',
  generatedBy: 'bitext 0.1.0 (test)',
  rows: SPECS.map(
    (spec, index): ReviewRow => ({
      kind: 'paragraph',
      status: spec.translation === undefined ? 'missing' : 'current',
      edited: false,
      reviewed: false,
      origin: spec.translation === undefined ? undefined : 'openai:gpt-4o-mini',
      findings: [],
      bilingualLine: 5 + index * 6,
      sourceLine: 3 + index * 2,
      ...spec,
    }),
  ),
};

const ids = (keep: (row: ReviewRow) => boolean): string[] => MODEL.rows.filter(keep).map((row) => row.id);
const ALL = ids(() => true);
const NEEDS_WORK = ids((row) => row.status !== 'current' || row.findings.length > 0);

interface OpenPage {
  page: Page;
  problems: string[];
  requests: string[];
}

const describeInChromium = HAS_CHROMIUM ? describe : describe.skip;
const title = chromiumTitle('review page in headless Chromium');

describeInChromium(title, () => {
  let browser: Browser;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bitext-review-'));
    const file = join(dir, 'review.html');
    await writeFile(file, renderReviewHtml(alignReviewRows(MODEL, [])));
    url = pathToFileURL(file).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function open(
    viewport = { width: 1280, height: 900 },
    colorScheme: 'light' | 'dark' = 'light',
  ): Promise<OpenPage> {
    const context = await browser.newContext({ viewport, colorScheme });
    const page = await context.newPage();
    const result: OpenPage = { page, problems: [], requests: [] };
    page.on('console', (message) => {
      if (message.type() === 'error') result.problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => result.problems.push(`page error: ${error.message}`));
    page.on('request', (request) => result.requests.push(request.url()));
    await page.goto(url);
    return result;
  }

  /** The page stayed clean: no errors, nothing fetched but the document, no injected script ran. */
  async function expectClean({ page, problems, requests }: OpenPage): Promise<void> {
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
  }

  const visibleIds = (page: Page): Promise<string[]> =>
    page.locator('.row:not([hidden])').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id') ?? ''));

  const activeId = (page: Page): Promise<unknown> =>
    page.evaluate("document.activeElement && document.activeElement.getAttribute('data-id')");

  it('loads without errors or network and shows injected markup as text', async () => {
    const opened = await open();
    const { page } = opened;
    await expect.poll(() => visibleIds(page)).toEqual(ALL);
    await expect(page.title()).resolves.toBe(`Review: ${MODEL.title}`);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(page.locator('script').count()).resolves.toBe(1);
    const injection = page.locator('[data-id="p-injection"]');
    await expect(injection.locator('.source .text').textContent()).resolves.toBe(SPECS[15]?.source);
    await expect(injection.locator('.target .text').textContent()).resolves.toBe(SPECS[15]?.translation);
    expect(await page.getByText(SCRIPT_INJECTION).first().isVisible()).toBe(true);
    expect(await page.locator('h1').textContent()).toBe(MODEL.title);
    await expectClean(opened);
  });

  it('shows exactly the expected rows for each filter, with counts on the buttons', async () => {
    const opened = await open();
    const { page } = opened;
    const expected: Record<string, string[]> = {
      stale: ids((row) => row.status === 'stale'),
      missing: ids((row) => row.status === 'missing'),
      conflict: ids((row) => row.status === 'conflict'),
      qa: ids((row) => row.findings.length > 0),
      all: ALL,
    };
    for (const [filter, rows] of Object.entries(expected)) {
      expect(rows.length).toBeGreaterThan(0);
      const button = page.locator(`button[data-filter="${filter}"]`);
      await expect(button.locator('.count').textContent()).resolves.toBe(String(rows.length));
      await button.click();
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      expect(await visibleIds(page)).toEqual(rows);
      expect(await page.locator('#shown').textContent()).toBe(`${rows.length} of ${ALL.length} shown`);
    }
    await expectClean(opened);
  });

  it('filters rows by searched text, together with the status filter', async () => {
    const opened = await open();
    const { page } = opened;
    await page.fill('#search', '翻译');
    expect(await visibleIds(page)).toEqual(ids((row) => `${row.source}\n${row.translation ?? ''}`.includes('翻译')));
    await page.fill('#search', 'CONFIGURATION FILE');
    expect(await visibleIds(page)).toEqual(['p-config']);
    await page.click('button[data-filter="stale"]');
    expect(await visibleIds(page)).toEqual([]);
    expect(await page.locator('#empty').isVisible()).toBe(true);
    await page.click('button[data-filter="all"]');
    await page.fill('#search', '');
    expect(await visibleIds(page)).toEqual(ALL);
    await expectClean(opened);
  });

  it('moves through the rows needing work with j and back with k', async () => {
    const opened = await open();
    const { page } = opened;
    const forward: unknown[] = [];
    for (let i = 0; i < NEEDS_WORK.length + 2; i++) {
      await page.keyboard.press('j');
      forward.push(await activeId(page));
      const box = await page.locator('.row.is-active').boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 900).toBe(true);
      expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    }
    const last = NEEDS_WORK[NEEDS_WORK.length - 1];
    expect(forward).toEqual([...NEEDS_WORK, last, last]);

    const back: unknown[] = [];
    for (let i = 0; i < NEEDS_WORK.length - 1; i++) {
      await page.keyboard.press('k');
      back.push(await activeId(page));
    }
    expect(back).toEqual(NEEDS_WORK.slice(0, -1).reverse());

    await page.keyboard.press('ArrowDown');
    expect(await activeId(page)).toBe(NEEDS_WORK[1]);
    await page.keyboard.press('ArrowUp');
    expect(await activeId(page)).toBe(NEEDS_WORK[0]);

    await page.keyboard.press('/');
    expect(await page.evaluate('document.activeElement.id')).toBe('search');
    expect(await page.inputValue('#search')).toBe('');
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    expect(await activeId(page)).toBe(NEEDS_WORK[1]);
    await expectClean(opened);
  });

  it('only stops at visible rows when a filter is on', async () => {
    const opened = await open();
    const { page } = opened;
    await page.click('button[data-filter="missing"]');
    const missing = ids((row) => row.status === 'missing');
    const seen: unknown[] = [];
    for (let i = 0; i < missing.length; i++) {
      await page.keyboard.press('j');
      seen.push(await activeId(page));
    }
    expect(seen).toEqual(missing);
    await expectClean(opened);
  });

  it('shows where to edit each row and the source diff of stale rows', async () => {
    const opened = await open();
    const { page } = opened;
    const install = page.locator('[data-id="p-install"]');
    const row = MODEL.rows.find((r) => r.id === 'p-install');
    expect(await install.locator('.edit-at').textContent()).toBe(`translations/guide.en.md:${row?.bilingualLine}`);
    expect(await install.locator('del').allTextContents()).toEqual(['18', '高']);
    expect(await install.locator('ins').allTextContents()).toEqual(['20', '新的']);
    expect(await install.locator('.source').getAttribute('lang')).toBe('zh');
    expect(await install.locator('.target').getAttribute('lang')).toBe('en');
    const config = page.locator('[data-id="p-config"]');
    expect(await config.locator('.version .text').allTextContents()).toEqual([
      'The configuration file lives in the root of the project.',
      'The configuration file lives in the project root and is named bitext.config.json.',
    ]);
    expect(await config.locator('.version .text code').allTextContents()).toEqual(['bitext.config.json']);
    await expectClean(opened);
  });

  it('renders inline Markdown, links as text with their target, and shows the raw text on request', async () => {
    const opened = await open();
    const { page } = opened;
    const npm = page.locator('[data-id="li-npm"] .target .text');
    expect(await npm.locator('code').textContent()).toBe('npm install -g bitext');
    expect(await npm.textContent()).toBe('Install it globally with npm install -g bitext.');
    expect(await page.locator('a').count()).toBe(0);
    const toggle = page.locator('#raw-toggle');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await npm.isVisible()).toBe(false);
    const raw = page.locator('[data-id="li-npm"] .target .raw');
    expect(await raw.isVisible()).toBe(true);
    expect(await raw.textContent()).toBe('Install it globally with `npm install -g bitext`.');
    await toggle.click();
    expect(await npm.isVisible()).toBe(true);
    await expectClean(opened);
  });

  it('lights the counterpart of a sentence on hover and on focus', async () => {
    const opened = await open();
    const { page } = opened;
    const row = page.locator('[data-id="p-faq-1"]');
    const source = row.locator('.source .sent');
    const target = row.locator('.target .sent');
    expect(await source.allTextContents()).toEqual(['为什么不用逐词对比？', '因为中文没有空格，所以按字符对比。']);
    expect(await target.allTextContents()).toEqual(['Why not compare word by word?', 'Chinese has no spaces, so bitext compares characters.']);
    await source.nth(0).hover();
    expect(await row.locator('.is-pair').allTextContents()).toEqual(['为什么不用逐词对比？', 'Why not compare word by word?']);
    await target.nth(1).focus();
    expect(await row.locator('.is-pair').allTextContents()).toEqual(['因为中文没有空格，所以按字符对比。', 'Chinese has no spaces, so bitext compares characters.']);
    expect(await page.evaluate("getComputedStyle(document.querySelector('[data-id=\"p-faq-1\"] .target .sent.is-pair')).backgroundColor")).not.toBe('rgba(0, 0, 0, 0)');
    await expectClean(opened);
  });

  it('stacks source above translation on a 400px screen, without sideways scrolling', async () => {
    const opened = await open({ width: 400, height: 800 });
    const { page } = opened;
    for (const id of ['p-intro', 'p-config', 'fn-1']) {
      const source = await page.locator(`[data-id="${id}"] .cell.source`).boundingBox();
      const target = await page.locator(`[data-id="${id}"] .cell.target`).boundingBox();
      if (!source || !target) throw new Error(`row ${id} has no box`);
      expect(target.y).toBeGreaterThanOrEqual(source.y + source.height - 1);
      expect(Math.abs(target.x - source.x)).toBeLessThan(1);
      expect(Math.abs(target.width - source.width)).toBeLessThan(1);
    }
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(400);
    await mkdir(OUTPUT_DIR, { recursive: true });
    await page.keyboard.press('j');
    await page.screenshot({ path: join(OUTPUT_DIR, 'review-page-narrow.png') });
    await expectClean(opened);
  });

  it('saves screenshots of the page in light and dark mode', async () => {
    await mkdir(OUTPUT_DIR, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const opened = await open({ width: 1280, height: 900 }, scheme);
      const { page } = opened;
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      const name = scheme === 'light' ? 'review-page.png' : 'review-page-dark.png';
      await page.screenshot({ path: join(OUTPUT_DIR, name) });
      await expectClean(opened);
    }
  });
});
