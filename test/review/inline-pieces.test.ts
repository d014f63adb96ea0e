import { describe, expect, it } from 'vitest';
import { DEFAULT_FRONT_MATTER_FIELDS } from '../../src/segment/default-front-matter-fields.js';
import { loadDocument } from '../../src/engine/load-document.js';
import { scanInlineTree } from '../../src/qa/checks/scan-inline.js';
import { inlinePieces } from '../../src/review/inline-pieces.js';
import { parseInlineMarkdown } from '../../src/review/parse-inline-markdown.js';
import { renderInlineHtml } from '../../src/review/render-inline-html.js';

describe('inlinePieces', () => {
  it('turns inline Markdown into display runs: bold, emphasis, strikethrough, code, links with their target', () => {
    expect(inlinePieces('A **bold *both*** and `x < y` ~~old~~ [site](https://example.com "t").', [])).toEqual([
      { text: 'A ' },
      { text: 'bold ', strong: true },
      { text: 'both', strong: true, em: true },
      { text: ' and ' },
      { text: 'x < y', code: true },
      { text: ' ' },
      { text: 'old', del: true },
      { text: ' ' },
      { text: 'site', href: 'https://example.com' },
      { text: '.' },
    ]);
  });

  it('keeps inline HTML as literal text, and a list or heading marker as text', () => {
    expect(inlinePieces('<b onclick="x()">hi</b>', [])).toEqual([{ text: '<b onclick="x()">', html: true }, { text: 'hi' }, { text: '</b>', html: true }]);
    expect(inlinePieces('1. Introduction', [])).toEqual([{ text: '1. Introduction' }]);
    expect(inlinePieces('# 3 things', [])).toEqual([{ text: '# 3 things' }]);
  });

  it('cuts runs at sentence boundaries, also inside bold, and maps escapes back to their place', () => {
    const text = 'One. **Two. Three.** Four\\*.';
    const sentences = [
      { start: 0, end: 4, bead: 0 },
      { start: 5, end: 11, bead: 1 }, // **Two.
      { start: 12, end: 20, bead: 2 }, // Three.**
      { start: 21, end: text.length, bead: 3 }, // Four\*.
    ];
    expect(inlinePieces(text, sentences)).toEqual([
      { text: 'One.', bead: 0 },
      { text: ' ' },
      { text: 'Two.', bead: 1, strong: true },
      { text: ' ', strong: true },
      { text: 'Three.', bead: 2, strong: true },
      { text: ' ' },
      { text: 'Four*.', bead: 3 },
    ]);
  });
});

describe('renderInlineHtml', () => {
  it('escapes every piece and groups sentences into spans', () => {
    const html = renderInlineHtml(
      [
        { text: '<img src=x onerror=alert(1)>', html: true, bead: 0 },
        { text: ' "quoted"', bead: 0 },
        { text: 'link', href: 'javascript:alert(1)" onmouseover="x', bead: 1 },
      ],
      true,
    );
    expect(html).toBe(
      '<span class="sent" data-bead="0" tabindex="0"><code class="html" title="inline HTML, shown as text">&lt;img src=x onerror=alert(1)&gt;</code> &quot;quoted&quot;</span>' +
        '<span class="sent" data-bead="1" tabindex="0"><span class="link" title="javascript:alert(1)&quot; onmouseover=&quot;x">link</span></span>',
    );
  });
});

describe('inlinePieces: the one-pass scanner in place of a parse', () => {
  const REPO = new URL('../..', import.meta.url).pathname;

  /** Every text the review page of the committed post shows: sources, translations, suggestions. */
  async function postTexts(): Promise<string[]> {
    const settings = { cwd: REPO, from: 'zh', to: 'en', outDir: 'translations', frontMatterFields: DEFAULT_FRONT_MATTER_FIELDS };
    const document = await loadDocument('content/john-schulman-interview.md', settings);
    return document.state.entries.flatMap((entry) => [entry.segment.text, entry.record?.translation ?? '', entry.record?.suggestion?.text ?? ''].filter((text) => text !== ''));
  }

  it('reads every text of the committed post as the parser does, and takes all of them', async () => {
    const texts = await postTexts();
    expect(texts.length).toBeGreaterThan(300);
    for (const text of texts) expect(scanInlineTree(text), text).toEqual(parseInlineMarkdown(text));
  });

  it('gives the parser texts it does not model, and matches it on those it takes', () => {
    const tricky = [
      '`unclosed code and **bold**',
      '``a ` b`` and ` x ` and `` ` ``',
      '***a*** **a*b*c** *a**b**c* a * b * c a**b',
      '**“引号”**的 and 价格是**30%**，而非*三成*。',
      'snake_case_name _x_ __y__',
      '<b>html</b> and <br>',
      'a [link](https://example.com "t") and ![img](p.png) and [^1]',
      'https://example.com www.example.com a@b.example',
      'a \\* escaped & an &amp; entity',
      '~~gone~~ and | a | b |',
      '# not a heading',
      '- not a list',
      '> not a quote',
      '1. not a list',
      '1) not a list either',
      '```\nnot a fence\n```',
      '~~~',
      '***',
      'Setext?\n---',
      'Setext?\n===',
      'one\n\ntwo',
      'line  \nbreak and line \n  joined',
      '    indented',
      ' leading space',
      'trailing space ',
      'tab\there',
    ];
    let taken = 0;
    for (const text of tricky) {
      const tree = scanInlineTree(text);
      if (tree === undefined) continue;
      taken += 1;
      expect(tree, text).toEqual(parseInlineMarkdown(text));
    }
    // The first five are prose, bold, italics and code, which the scanner must take.
    expect(taken).toBeGreaterThanOrEqual(5);
    for (const text of tricky.slice(5)) if (text !== 'line  \nbreak and line \n  joined') expect(scanInlineTree(text), text).toBeUndefined();
    // The page shows the parser's reading whichever path a text takes.
    expect(inlinePieces('# 3 things, `a', [])).toEqual([{ text: '# 3 things, `a' }]);
    expect(inlinePieces('**a** `b`  \nc', [])).toEqual([{ text: 'a', strong: true }, { text: ' ' }, { text: 'b', code: true }, { text: '\nc' }]);
  });
});
