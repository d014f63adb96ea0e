import { describe, expect, it } from 'vitest';
import { inlinePieces } from '../../src/review/inline-pieces.js';
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
