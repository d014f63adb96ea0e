import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInline } from '../../../src/qa/checks/parse-inline.js';
import { scanInline, scanInlineTree } from '../../../src/qa/checks/scan-inline.js';
import { treeSummary } from '../../../src/qa/checks/tree-summary.js';
import { seededRandom } from '../../bench/synthetic-document.js';

/** What remark makes of the text, the reference the scanner must match. */
const parsed = (text: string) => treeSummary(parseInline(text));


const REPO = new URL('../../..', import.meta.url).pathname;

describe('scanInline', () => {
  it('reads bold, italics, code and prose as remark does', () => {
    const cases = [
      '保持**“人类在环”**的挑战',
      'the challenge of keeping **“humans in the loop”**',
      '**强化学习**和*泛化*',
      '运行 `npm test` 和 ``a ` b`` 以及 ` x `',
      '***三重*** 与 **a*b*c** 与 *a**b**c*',
      'snake_case_name and _italic_ and __strong__ and _a_b',
      'a **b\nc** d  \ne',
      'line one   \nline two\n   indented continuation',
      '`unclosed and **bold**',
      '*foo**bar**baz*',
      '**foo*bar*baz**',
      'foo***bar***baz',
      '*(**foo**)*',
      '**a** **b** *c* __d__ _e_',
      '价格是**30%**，而非*三成*。',
      '“**引号**”内外 **“引号”** 以及 **(括号)**的',
      '',
      '   ',
      '*',
      '** **',
      'a * b * c',
      '1*2*3 and 1_2_3',
      'x `a\nb` y',
    ];
    for (const text of cases) {
      const scanned = scanInline(text.trimStart());
      if (scanned !== undefined) expect(scanned, text).toEqual(parsed(text.trimStart()));
    }
    // The scanner must take the everyday cases on itself, or it saves nothing.
    expect(scanInline('保持**“人类在环”**的挑战')).toBeDefined();
    expect(scanInline('a **b\nc** d  \ne')).toBeDefined();
  });

  it('leaves links, HTML, escapes, entities, URLs and block syntax to the parser', () => {
    for (const text of [
      '见[文档](https://a.example/x)',
      '![图](p.png)',
      'a <b>c</b>',
      'a \\* b',
      'a &amp; b',
      'see https://a.example or www.a.example or a@b.example',
      '~~gone~~',
      '| a | b |',
      '# heading',
      'text\n- item',
      'text\n---',
      'one\n\ntwo',
      '1. first',
    ]) {
      expect(scanInline(text), text).toBeUndefined();
    }
  });

  it('matches remark on every paragraph of the committed post and its translation', () => {
    const texts = ['content/john-schulman-interview.md', 'translations/john-schulman-interview.en.md']
      .flatMap((file) => readFileSync(`${REPO}/${file}`, 'utf8').split(/\n\n+/))
      // Segments are the text of a heading, not its `###`; the front matter is not Markdown.
      .filter((block) => !block.startsWith('---'))
      .map((block) => block.replace(/^#{1,6} /, '').trimStart());
    let scanned = 0;
    for (const text of texts) {
      const summary = scanInline(text);
      if (summary === undefined) continue;
      scanned += 1;
      expect(summary, text).toEqual(parsed(text));
    }
    expect(scanned).toBeGreaterThan(texts.length * 0.9);
  });

  it('matches remark on thousands of random mixes of delimiters, code, punctuation and line breaks', () => {
    const atoms = ['*', '**', '***', '_', '__', '`', '``', 'a', 'b c', '中文', '，', '。', '“', '”', '(', ')', ' ', '  \n', '\n', '1', '"', '.', '-', '%'];
    const random = seededRandom(20261125);
    let compared = 0;
    for (let n = 0; n < 1_500; n++) {
      const length = 1 + Math.floor(random() * 12);
      let text = '';
      for (let i = 0; i < length; i++) text += atoms[Math.floor(random() * atoms.length)];
      text = text.trimStart();
      const summary = scanInline(text);
      if (summary === undefined) continue;
      compared += 1;
      expect(summary, JSON.stringify(text)).toEqual(parsed(text));
    }
    expect(compared).toBeGreaterThan(750);
  });
});

describe('scanInlineTree', () => {
  /** Every text the random mixes are made of: delimiters, code, CJK and Latin prose, punctuation, line ends. */
  const atoms = ['*', '**', '***', '_', '__', '`', '``', 'a', 'b c', '中文', '，', '。', '“', '”', '(', ')', ' ', '  \n', ' \n ', '\n', '1', '"', '.', '-', '%', '😀'];

  it('builds the tree remark builds, positions included, or leaves the text to it', () => {
    const random = seededRandom(20261126);
    let compared = 0;
    for (let n = 0; n < 3_000; n++) {
      const length = 1 + Math.floor(random() * 14);
      let text = '';
      for (let i = 0; i < length; i++) text += atoms[Math.floor(random() * atoms.length)];
      const tree = scanInlineTree(text);
      if (tree === undefined) continue;
      compared += 1;
      expect(tree, JSON.stringify(text)).toEqual(parseInline(text));
    }
    expect(compared).toBeGreaterThan(1_000);
  });

  it('builds the tree of every paragraph of the committed post and its translation', () => {
    const texts = ['content/john-schulman-interview.md', 'translations/john-schulman-interview.en.md']
      .flatMap((file) => readFileSync(`${REPO}/${file}`, 'utf8').split(/\n\n+/))
      .filter((block) => !block.startsWith('---'))
      .map((block) => block.replace(/^#{1,6} /, '').trim());
    let scanned = 0;
    for (const text of texts) {
      const tree = scanInlineTree(text);
      if (tree === undefined) continue;
      scanned += 1;
      expect(tree, text).toEqual(parseInline(text));
    }
    expect(scanned).toBeGreaterThan(texts.length * 0.9);
  });

  it('leaves whitespace at either end, and whatever scanInline leaves, to the parser', () => {
    for (const text of [' a', 'a ', 'a\n', '\na', 'a [b](c)', 'x\n\ny', '# h', '`a\nb`']) expect(scanInlineTree(text), text).toBeUndefined();
    expect(scanInlineTree('')).toEqual(parseInline(''));
  });
});
