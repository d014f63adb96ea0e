import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBilingual } from '../../src/bilingual/parse-bilingual.js';
import { compareBlockStructure } from '../../src/translate/block-structure.js';
import { REPO } from '../helpers/temp-project.js';

describe('compareBlockStructure', () => {
  it('accepts every reviewed translation of the post (no false alarm on real prose)', () => {
    const path = join(REPO, 'translations', 'john-schulman-interview.zh-en.md');
    const doc = parseBilingual(readFileSync(path, 'utf8'), path);
    const rejected = doc.segments.map((s) => [s.id, compareBlockStructure(s.source, s.translation ?? '')]).filter(([, problem]) => problem);
    expect(rejected).toEqual([]);
    expect(doc.segments.length).toBe(180);
  });

  it('accepts what the source already has, and ordinary text that only looks like syntax mid-line', () => {
    expect(compareBlockStructure('第一项\n- 第二项', 'first item\n- second item')).toBeUndefined();
    expect(compareBlockStructure('⟦0⟧ 加粗', '⟦0⟧ bold')).toBeUndefined();
    expect(compareBlockStructure('比较 a < b', 'compare a < b, and 3 > 2 - 1 | x')).toBeUndefined();
    expect(compareBlockStructure('年份', '1984 was the year')).toBeUndefined();
  });

  it.each([
    ['a table', 'text\n| a | b |\n|---|---|', /adds a table/],
    ['a list item', 'text\n* item', /adds a list item/],
    ['an ordered list item', 'text\n2) item', /adds a list item/],
    ['a setext heading', 'text\n===', /adds a heading/],
    ['a fence', 'text\n~~~\ncode\n~~~', /adds a code fence/],
    ['a thematic break', 'text\n\n- - -', /adds a (thematic break|blank line)/],
    ['a comment', 'text <!-- hidden -->', /raw HTML \(<!--\)/],
    ['an iframe', 'text <iframe src=x>', /raw HTML \(<iframe>\)/],
  ])('rejects %s', (_name, translation, problem) => {
    expect(compareBlockStructure('一段文字', translation)).toMatch(problem);
  });
});
