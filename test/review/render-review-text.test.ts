import { describe, expect, it } from 'vitest';
import { renderReviewText } from '../../src/review/render-review-text.js';
import type { ReviewModel } from '../../src/review/review-model.js';
import { guideModel, row } from './review-fixtures.js';

const MODEL: ReviewModel = guideModel([
    row({ id: 'h-1', kind: 'heading', source: '快速入门', translation: 'Quick start', origin: 'pseudo', bilingualLine: 5 }),
    row({
      id: 'p-2',
      status: 'stale',
      reviewed: true,
      source: '安装需要 Node 20 或更新的版本。',
      previousSource: '安装需要 Node 18 或更高版本。',
      translation: 'Installation requires Node 18 or later.',
      origin: 'openai:gpt-4o-mini',
      findings: [{ check: 'number-mismatch', message: 'The source has 20; the translation has 18.' }],
      bilingualLine: 11,
    }),
    row({ id: 'li-3', kind: 'list-item', status: 'missing', source: '用 `npx bitext` 直接运行。', sourceLine: 9 }),
    row({
      id: 'p-4',
      status: 'conflict',
      edited: true,
      source: '配置文件名为 `bitext.config.json`。',
      previousSource: '配置文件在根目录。',
      translation: 'The configuration file is in the root.',
      suggestion: 'The configuration file is named `bitext.config.json`.',
      origin: 'human',
      bilingualLine: 23,
    }),
], 'bitext test');

// Display columns, counting CJK characters as two; enough for the texts in these tests.
const columns = (line: string): number =>
  [...line.replace(/\u001b\[[\d;]*m/g, '')].reduce((w, c) => w + (/[\u2e80-\ua4cf\uff00-\uff60]/u.test(c) ? 2 : 1), 0);

describe('renderReviewText', () => {
  it('lists every pair with its header, source, translation, diff, suggestion and findings', () => {
    expect(renderReviewText(MODEL, { color: false })).toBe(
      [
        'Review: 使用指南',
        'docs/guide.md (zh) → translations/guide.en.md (en)',
        '4 segments: 1 current, 1 stale, 1 missing, 1 conflict · 1 edited · 1 reviewed · 1 QA finding in 1 segment',
        '',
        'h-1 · heading · current · pseudo · translations/guide.en.md:5',
        '  source       快速入门',
        '  translation  Quick start',
        '',
        'p-2 · paragraph · stale · reviewed · openai:gpt-4o-mini · translations/guide.en.md:11',
        '  source       安装需要 Node 20 或更新的版本。',
        '  changed      安装需要 Node [-18-]{+20+} 或更[-高-]{+新的+}版本。',
        '  translation  Installation requires Node 18 or later.',
        '  qa           number-mismatch: The source has 20; the translation has 18.',
        '',
        'li-3 · list-item · missing · docs/guide.md:9',
        '  source       用 `npx bitext` 直接运行。',
        '  translation  (missing)',
        '',
        'p-4 · paragraph · conflict · edited · human · translations/guide.en.md:23',
        '  source       配置文件名为 `bitext.config.json`。',
        '  changed      配置文件[-在根目录-]{+名为 `bitext.config.json`+}。',
        '  translation  The configuration file is in the root.',
        '  suggestion   The configuration file is named `bitext.config.json`.',
        '',
      ].join('\n'),
    );
  });

  it('lists only the rows asked for', () => {
    const ids = (only: 'stale' | 'missing' | 'conflict' | 'qa'): string[] =>
      [...renderReviewText(MODEL, { color: false, only }).matchAll(/^(\S+) · /gm)].map((match) => match[1] ?? '');
    expect(ids('stale')).toEqual(['p-2']);
    expect(ids('missing')).toEqual(['li-3']);
    expect(ids('conflict')).toEqual(['p-4']);
    expect(ids('qa')).toEqual(['p-2']);
    expect(renderReviewText(MODEL, { color: false, only: 'stale' })).toContain('\nShowing 1 stale segment.\n');
    const clean: ReviewModel = { ...MODEL, rows: MODEL.rows.slice(0, 1) };
    expect(renderReviewText(clean, { color: false, only: 'qa' })).toMatch(/\nNo segments with QA findings\.\n$/);
    expect(renderReviewText({ ...MODEL, rows: [] }, { color: false })).toMatch(/\nNo segments\.\n$/);
  });

  it('colours only with color, and the same text shows through', () => {
    const plain = renderReviewText(MODEL, { color: false });
    const coloured = renderReviewText(MODEL, { color: true });
    expect(plain).not.toContain('\u001b');
    expect(coloured).toContain('\u001b[31;9m18\u001b[0m\u001b[32;4m20\u001b[0m');
    expect(coloured).toContain('\u001b[33mstale\u001b[0m');
    const stripped = coloured.replace(/\u001b\[[\d;]*m/g, '');
    expect(stripped.replace('[-', '').length).toBeLessThan(plain.length);
    expect(stripped).toContain('安装需要 Node 1820 或更高新的版本。');
  });

  it('never passes control characters from the document to the terminal', () => {
    const hostile: ReviewModel = {
      ...MODEL,
      title: 'T\u001b]0;owned\u0007',
      rows: [
        row({
          id: 'p\u001b[2J',
          status: 'stale',
          source: '新\u001b[31m文',
          previousSource: '旧\u009b31m文',
          translation: 'x\ry',
          findings: [{ check: 'c\u001b', message: 'm\u0000' }],
        }),
      ],
    };
    for (const color of [false, true]) {
      const text = renderReviewText(hostile, { color });
      const ours = text.replace(/\u001b\[(?:0|1|2|3[1-6]|31;9|32;4|1;33)m/g, '');
      expect(ours).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(text).toContain('\u241b[2J');
      expect(text).toContain('x\u240dy');
    }
  });

  it('wraps to the width, CJK characters taking two columns, under the label column', () => {
    const long: ReviewModel = {
      ...MODEL,
      rows: [
        row({
          id: 'p-long',
          status: 'stale',
          source: '运行 `bitext translate docs/guide.md`，译文写入 `translations/` 目录，已有的译文不会被覆盖，除非原文改变了。',
          previousSource: '运行 `bitext translate docs/guide.md`，译文会写到 `out/` 目录，已有的译文不会被覆盖。',
          translation:
            'Run `bitext translate docs/guide.md`; the translation is written to the `translations/` folder, and existing translations are kept unless the source changed.',
          bilingualLine: 3,
        }),
      ],
    };
    for (const color of [false, true]) {
      const lines = renderReviewText(long, { color, width: 50 }).split('\n');
      const header = lines.findIndex((line) => line.replace(/\u001b\[[\d;]*m/g, '').startsWith('p-long'));
      expect(header).toBeGreaterThan(0);
      const body = lines.slice(header + 1, -1);
      expect(body.length).toBeGreaterThan(6);
      for (const line of body) {
        expect(columns(line)).toBeLessThanOrEqual(50);
        expect(line.replace(/\u001b\[[\d;]*m/g, '')).toMatch(/^ {2}(?:source|changed|translation) +\S|^ {15}\S/);
        expect(line.replace(/\u001b\[[\d;]*m/g, '').slice(15)).not.toMatch(/^[，。、]/);
        // A colour opened on a line is closed on it, so indentation never shows struck through.
        const lastOpen = Math.max(line.lastIndexOf('\u001b[31;9m'), line.lastIndexOf('\u001b[32;4m'));
        if (lastOpen >= 0) expect(line.indexOf('\u001b[0m', lastOpen)).toBeGreaterThan(lastOpen);
      }
      const wrapped = body.map((line) => line.replace(/\u001b\[[\d;]*m/g, '').slice(15)).join('');
      expect(wrapped.replace(/ /g, '')).toContain(long.rows[0]?.source.replace(/ /g, ''));
    }
  });

  it('does not wrap without a width', () => {
    const text = renderReviewText(MODEL, { color: false });
    expect(text).toContain('  translation  Installation requires Node 18 or later.\n');
    expect(text.split('\n').filter((line) => line.startsWith(' '.repeat(15)))).toEqual([]);
  });
});
