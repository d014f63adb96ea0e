import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderReviewHtml } from '../../src/review/render-review-html.js';
import type { ReviewModel } from '../../src/review/review-model.js';
import { guideModel, row } from './review-fixtures.js';

const EVIL = `<script>alert(1)</script><img src=x onerror=alert(1)>"'&`;
const EVIL_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;';

const MODEL: ReviewModel = guideModel([
    row({ id: 'h-1', kind: 'heading', source: '快速入门', translation: 'Quick start', bilingualLine: 5, sourceLine: 1 }),
    row({
      id: 'p-2',
      status: 'stale',
      source: '安装需要 Node 20 或更新的版本。',
      previousSource: '安装需要 Node 18 或更高版本。',
      translation: 'Installation requires Node 18 or later.',
      findings: [{ check: 'number-mismatch', message: 'The source has 20; the translation has 18.' }],
      bilingualLine: 11,
      sourceLine: 3,
    }),
    row({ id: 'li-3', kind: 'list-item', status: 'missing', source: '直接运行。' }),
    row({
      id: 'p-4',
      status: 'conflict',
      edited: true,
      reviewed: true,
      origin: 'human',
      source: '配置文件名为 `bitext.config.json`。',
      previousSource: '配置文件在根目录。',
      translation: 'The configuration file is in the root.',
      suggestion: 'The configuration file is named `bitext.config.json`.',
      bilingualLine: 23,
    }),
    row({
      id: 'p-5',
      source: '详见文档。',
      translation: 'See the docs.',
      findings: [
        { check: 'punctuation', message: 'Full stop.' },
        { check: 'length-ratio', message: 'Short.' },
      ],
      bilingualLine: 29,
    }),
], 'bitext 0.1.0');

const html = renderReviewHtml(MODEL);

describe('renderReviewHtml', () => {
  it('is one page that loads nothing: CSP forbids the network and only its own script may run', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).toContain('img-src data:');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0] ?? '').digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(html).not.toMatch(/\b(?:src|href)=|@import|url\(|https?:\/\//);
    expect(scripts[0]).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });

  it('escapes every piece of row and document data', () => {
    const hostile: ReviewModel = {
      title: EVIL,
      sourcePath: EVIL,
      bilingualPath: EVIL,
      from: EVIL,
      to: EVIL,
      generatedBy: EVIL,
      rows: [
        row({
          id: EVIL,
          status: 'conflict',
          edited: true,
          source: EVIL,
          previousSource: `${EVIL}旧`,
          translation: EVIL,
          suggestion: EVIL,
          origin: EVIL,
          findings: [{ check: EVIL, message: EVIL }],
          bilingualLine: 7,
          sourceLine: 2,
        }),
      ],
    };
    const page = renderReviewHtml(hostile);
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).not.toContain('<img');
    expect(page).not.toContain('alert(1)</');
    expect(page).not.toMatch(/onerror=alert\(1\)>/);
    // title, h1, paths (2), 2x lang, generator meta, footer (2), id, source, translation, suggestion, origin, check, message, edit place, source place
    expect(page.split(EVIL_ESCAPED).length - 1).toBeGreaterThanOrEqual(16);
    expect(page).toContain(`data-id="${EVIL_ESCAPED}"`);
    expect(page).toContain(`lang="${EVIL_ESCAPED}"`);
  });

  it('shows summary counts and filter buttons with counts', () => {
    const summary = (name: string): string | undefined =>
      new RegExp(`<li class="sum-${name}"><b>(\\d+)</b>`).exec(html)?.[1];
    expect(summary('total')).toBe('5');
    expect(summary('work')).toBe('4');
    expect(summary('current')).toBe('2');
    expect(summary('stale')).toBe('1');
    expect(summary('missing')).toBe('1');
    expect(summary('conflict')).toBe('1');
    expect(summary('qa')).toBe('3');
    expect(summary('edited')).toBe('1');
    expect(summary('reviewed')).toBe('1');
    const button = (filter: string): string | undefined =>
      new RegExp(`data-filter="${filter}"[^>]*>[^<]*<span class="count">(\\d+)</span>`).exec(html)?.[1];
    expect(button('all')).toBe('5');
    expect(button('stale')).toBe('1');
    expect(button('missing')).toBe('1');
    expect(button('conflict')).toBe('1');
    expect(button('qa')).toBe('2');
    expect(html).toContain('<input id="search" type="search"');
  });

  it('marks each row with its status, whether it needs work and whether it has findings', () => {
    const rows = [...html.matchAll(/<article id="row-\d+" class="row" data-id="([^"]*)" data-status="(\w+)" data-work="(\d)" data-qa="(\d)"/g)];
    expect(rows.map((match) => match.slice(1))).toEqual([
      ['h-1', 'current', '0', '0'],
      ['p-2', 'stale', '1', '1'],
      ['li-3', 'missing', '1', '0'],
      ['p-4', 'conflict', '1', '0'],
      ['p-5', 'current', '1', '1'],
    ]);
  });

  it('shows where to edit each row and where it is in the source', () => {
    expect(html).toContain('<code class="edit-at">translations/guide.en.md:11</code>');
    expect(html).toContain('<code class="edit-at">translations/guide.en.md:23</code>');
    expect(html).toContain('<code class="edit-at">translations/guide.en.md</code>');
    expect(html).toContain('<code>docs/guide.md:3</code>');
  });

  it('shows source and translation side by side with lang attributes', () => {
    expect(html).toContain('<div class="cell source" lang="zh"><span class="cell-label" lang="en">Source</span><p class="text">快速入门</p><p class="raw" data-search>快速入门</p></div>');
    expect(html).toContain('<div class="cell target" lang="en"><span class="cell-label" lang="en">Translation</span><p class="text">Quick start</p><p class="raw" data-search>Quick start</p></div>');
    expect(html).toContain('<p class="text placeholder" lang="en">Not translated yet</p>');
  });

  it('shows the character diff of a changed source and the suggestion beside the edited text', () => {
    expect(html).toContain('安装需要 Node <del>18</del><ins>20</ins> 或更<del>高</del><ins>新的</ins>版本。');
    expect(html).toContain('配置文件<del>在根目录</del><ins>名为 `bitext.config.json`</ins>。');
    expect(html).toMatch(/Edited by a person<\/span><p class="text">The configuration file is in the root\.<\/p>/);
    expect(html).toMatch(/Machine suggestion for the new source<\/span><p class="text">The configuration file is named <code>bitext\.config\.json<\/code>\.<\/p><p class="raw" data-search>The configuration file is named `bitext\.config\.json`\.<\/p>/);
  });

  it('lists QA findings as badges with their messages', () => {
    expect(html).toContain('<li><span class="badge badge-qa">number-mismatch</span> <span class="message">The source has 20; the translation has 18.</span></li>');
    expect(html).toContain('<span class="badge badge-edited">edited</span><span class="badge badge-reviewed">reviewed</span>');
  });

  it('stacks the columns on narrow screens and follows the colour scheme', () => {
    // The browser test checks the real layout; this only pins the breakpoint.
    const narrow = html.indexOf('@media (max-width: 700px) {');
    expect(narrow).toBeGreaterThan(0);
    expect(html.indexOf('.row { grid-template-columns: minmax(0, 1fr); }', narrow)).toBeGreaterThan(narrow);
    expect(html).toContain('@media (prefers-color-scheme: dark)');
  });

  it('renders the same model to the same page', () => {
    expect(renderReviewHtml(MODEL)).toBe(html);
  });
});
