import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { hanToEnglish, translateMarkdown } from '../helpers/translate-markdown.js';

/** Block node types with nesting, to compare a document's structure. */
function blocks(text: string): string[] {
  const out: string[] = [];
  const visit = (node: Nodes, depth: number): void => {
    out.push(`${depth}:${node.type}`);
    if ('children' in node && !['paragraph', 'heading', 'tableCell'].includes(node.type)) for (const c of node.children) visit(c as Nodes, depth + 1);
  };
  visit(parseMarkdown(text), 0);
  return out;
}

/** Inline node types of the first block, in order. */
function inlines(text: string): string[] {
  const out: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type !== 'root' && node.type !== 'paragraph') out.push(node.type);
    if ('children' in node) for (const c of node.children) visit(c as Nodes);
  };
  visit(parseMarkdown(text));
  return out;
}

describe('nothing is escaped that the parser does not read as a new block', () => {
  const cases: [string, string, string][] = [
    ['inline HTML at the start of a paragraph', '<kbd>Ctrl</kbd> + <kbd>C</kbd> 复制。\n', '<kbd>Ctrl</kbd> + <kbd>C</kbd> en。\n'],
    ['inline HTML at the start of a list item', '- <kbd>Ctrl</kbd> 复制\n', '- <kbd>Ctrl</kbd> en\n'],
    ['a code span of three backticks at the start', '``` 代码 ``` 后面的文字\n', '``` 代码 ``` en\n'],
    ['a code span that is not a fence', '```foo`` 文字\n', '```foo`` en\n'],
    ['a numbered heading', '### 1. 术语\n', '### 1. en\n'],
    ['a table cell starting with a dash', '| 甲 | 乙 |\n|---|---|\n| - 无 | + 有 |\n', '| en | en |\n|---|---|\n| - en | + en |\n'],
    ['a continuation line indented four spaces', '第一行\n    - 第二行\n', 'en\n    - en\n'],
    ['`[x]:` on a continuation line (not a definition)', '说明\n[x]: 不是定义\n', 'en\n[x]: en\n'],
    ['a `<` that is not HTML', '< 100 毫秒\n', '< 100 en\n'],
    ['a `<` autolink at the start', '<https://example.com> 是网站\n', '<https://example.com> en\n'],
    ['a lazy continuation in a quote', '> 引用\n    - 懒惰行\n', '> en\n    - en\n'],
    ['a number that is not a list item', '2024年是一年\n', '2024en\n'],
  ];
  for (const [name, source, expected] of cases) {
    it(name, () => {
      const out = translateMarkdown(source, hanToEnglish);
      expect(out).toBe(expected);
      expect(blocks(out)).toEqual(blocks(source));
    });
  }

  it('a translation that starts with an HTML placeholder is not escaped', () => {
    const out = translateMarkdown('按 <kbd>Ctrl</kbd> 复制。\n', (wire) => wire.replace('按 ', '').replace(' 复制。', ' to copy.'));
    expect(out).toBe('<kbd>Ctrl</kbd> to copy.\n');
    expect(inlines(out)).toEqual(['html', 'text', 'html', 'text']);
  });

  it('a translation that moves a code span to a line start keeps it a code span', () => {
    const out = translateMarkdown('第一行 ```a``` 文字\n第二行\n', (wire) => wire.replace('第一行 ⟦1⟧ 文字\n第二行', 'line one\n⟦1⟧ text'));
    expect(out).toBe('line one\n```a``` text\n');
    expect(inlines(out)).toContain('inlineCode');
  });
});

describe('a line is escaped or joined where it would start a block', () => {
  const cases: [string, string, string][] = [
    ['a list marker on a continuation line', '- not a list', 'en\n\\- not a list\n'],
    ['an ordered list item starting at 1', '1. one', 'en\n1\\. one\n'],
    ['a heading marker', '# not a heading', 'en\n\\# not a heading\n'],
    ['a setext underline', '===', 'en\n\\===\n'],
    ['a thematic break', '***', 'en\n\\***\n'],
    ['a fence', '```', 'en\n\\```\n'],
    ['a quote', '> not a quote', 'en\n\\> not a quote\n'],
    ['a block-level HTML tag (joined: an escape would show the tag)', '<div>x</div>', 'en <div>x</div>\n'],
  ];
  for (const [name, line, expected] of cases) {
    it(name, () => {
      const source = '中文第一行\n中文第二行\n';
      const out = translateMarkdown(source, () => `en\n${line}`);
      expect(out).toBe(expected);
      expect(blocks(out)).toEqual(blocks(source));
    });
  }

  it('the first line of a paragraph is escaped where it would start a block', () => {
    for (const [translation, expected] of [
      ['- x', '\\- x'],
      ['1. x', '1\\. x'],
      ['2023. x', '2023\\. x'],
      ['# x', '\\# x'],
      ['<div>x', '\\<div>x'],
      ['[x]: /url', '\\[x]: /url'],
      ['| a |', '| a |'],
    ]) {
      expect(translateMarkdown('中文\n', () => translation as string)).toBe(`${expected}\n`);
    }
  });

  it('a translation never adds a table, a paragraph or a block', () => {
    const source = '第一段，很长。\n\n- 列表项\n\n> 引用\n';
    for (const reply of ['\n\n| a | b |\n|---|---|', 'a\r- b', 'a\r\rb', 'one\n\ntwo', '| a | b |\n|---|---|\n| c | d |', 'a | b\n--|--', '$$\nx\n$$', '[^1]: note', '\n\n<script>x</script>', '```\ncode\n```']) {
      const out = translateMarkdown(source, () => reply);
      expect(blocks(out), JSON.stringify(reply)).toEqual(blocks(source));
    }
  });
});

describe('line endings', () => {
  it('each line of a paragraph keeps its own line ending (LF, CRLF mixed)', () => {
    const source = '第一行\r\n第二行\n第三行\r\n\r\n- 项一\n  续行\r\n  三行\n';
    const out = translateMarkdown(source, hanToEnglish);
    expect(out).toBe('en\r\nen\nen\r\n\r\n- en\n  en\r\n  en\n');
  });

  it('a translation with more lines than the source repeats the last line break inside the paragraph', () => {
    const out = translateMarkdown('第一行\n第二行\r\n第三行\n', () => 'a\nb\nc\nd');
    expect(out).toBe('a\nb\r\nc\r\nd\n');
  });
});
