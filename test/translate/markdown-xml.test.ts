import { describe, it, expect } from 'vitest';
import { markdownToXml, xmlToMarkdown } from '../../src/translate/markdown-xml.js';

describe('markdownToXml', () => {
  it('turns emphasis, links on tokens and tokens into tags', () => {
    expect(markdownToXml('这是**粗体**和*斜体*，见⟦0⟧与[文档](⟦1⟧)。').xml).toBe(
      '这是<b>粗体</b>和<i>斜体</i>，见<x id="0"/>与<a id="1">文档</a>。',
    );
    expect(markdownToXml('_a_ __b__').xml).toBe('<i>a</i> <b>b</b>');
    expect(markdownToXml('***both***').xml).toBe('<i><b>both</b></i>');
    expect(markdownToXml('[**粗** ⟦2⟧](⟦3⟧)').xml).toBe('<a id="3"><b>粗</b> <x id="2"/></a>');
  });

  it('escapes XML special characters and keeps what is not emphasis as text', () => {
    expect(markdownToXml('a < b & c > d &amp; e').xml).toBe('a &lt; b &amp; c &gt; d &amp;amp; e');
    expect(markdownToXml('snake_case_name and \\*not\\* and ** x**').xml).toBe('snake_case_name and \\*not\\* and ** x**');
    expect(markdownToXml('[t](https://example.com) [r][ref]').xml).toBe('[t](https://example.com) [r][ref]');
  });

  it.each([
    '这是**粗体**和*斜体*以及_下划线_，还有⟦0⟧和[链接](⟦1⟧)。',
    '__strong__ and _em_ and *em* and **strong**',
    '***both*** **a *b* c** *a **b** c*',
    'a < b & c > d &amp; e "quoted" \'single\'',
    '2*3*4 snake_case_name \\*escaped\\*',
    '- 列表 **x**\n1. 项目 ⟦0⟧\n> 引用',
    '# 标题 *t*',
    '[**粗体链接**](⟦2⟧) ⟦3⟧⟦4⟧ [ref][x] [t](http://a.b)',
    'line one  \nline two\\\nline three',
    '',
  ])('round-trips %j exactly', (text) => {
    const { xml, mapping } = markdownToXml(text);
    expect(xmlToMarkdown(xml, mapping)).toBe(text);
  });
});

describe('xmlToMarkdown', () => {
  const plain = { bold: [], italic: [] };

  it('maps a translated XML text back to Markdown', () => {
    const { mapping } = markdownToXml('__粗体__ 和 _斜体_');
    // DeepL moved the italic word first: markers follow tags, not positions.
    expect(xmlToMarkdown('<i>Italic</i> and <b>bold</b> <a id="4">link</a>', mapping)).toBe('_Italic_ and __bold__ [link](⟦4⟧)');
  });

  it('accepts the tag spellings a service may return and decodes entities', () => {
    expect(xmlToMarkdown('see <x id="0"></x> and <x id = "1" /> &quot;x&quot; &#39;y&#x27; &lt;z&gt;', plain)).toBe(`see ⟦0⟧ and ⟦1⟧ "x" 'y' <z>`);
  });

  it('moves whitespace a service put inside an element outside the markers', () => {
    expect(xmlToMarkdown('The<b> bold </b>word', plain)).toBe('The **bold** word');
    expect(xmlToMarkdown('<i> </i>x', plain)).toBe(' x');
  });

  it('uses * instead of _ where the element touches a word', () => {
    expect(xmlToMarkdown('un<i>believ</i>able', { bold: [], italic: ['_'] })).toBe('un*believ*able');
    expect(xmlToMarkdown('a <i>word</i> b', { bold: [], italic: ['_'] })).toBe('a _word_ b');
  });

  it('throws on unknown or unbalanced tags', () => {
    expect(() => xmlToMarkdown('<span>x</span>', plain)).toThrow(/unknown tag/);
    expect(() => xmlToMarkdown('<b>x</i>', plain)).toThrow(/unbalanced/);
    expect(() => xmlToMarkdown('<b>x', plain)).toThrow(/unclosed/);
    expect(() => xmlToMarkdown('<a>x</a>', plain)).toThrow(/numeric id/);
    expect(() => xmlToMarkdown('1 < 2', plain)).toThrow(/unexpected/);
  });
});
