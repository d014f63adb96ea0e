import { describe, expect, it } from 'vitest';
import { brackets } from '../../../src/qa/checks/brackets.js';

const check = (source: string, translation: string): string[] =>
  brackets({ id: 's1', source, translation }).map((finding) => finding.message);

describe('brackets', () => {
  it('accepts balanced brackets and quotes of every kind', () => {
    expect(check('（如图）', '(see figure) [a] {b} “c” ‘d’ 「e」 《f》 （g） "h"')).toEqual([]);
  });

  it('reports an unclosed or a stray bracket', () => {
    expect(check('写入 `report.json`（默认位于根目录）。', 'Written to `report.json` (by default in the root.')).toEqual([
      'unbalanced () in the translation: 1 opening, 0 closing',
    ]);
    expect(check('见上文', 'see above)')).toEqual(['unbalanced () in the translation: 0 opening, 1 closing']);
    expect(check('“机器翻译”', '“Machine translation')).toEqual(['unbalanced “” in the translation: 1 opening, 0 closing']);
    expect(check('《手册》', '《Manual')).toEqual(['unbalanced 《》 in the translation: 1 opening, 0 closing']);
  });

  it('reports an odd number of ASCII double quotes', () => {
    expect(check('他说“好”', 'He said "fine')).toEqual(['odd number of " in the translation (1)']);
  });

  it('does not count apostrophes', () => {
    expect(check('不要', "don't, it's the models' turn")).toEqual([]);
    expect(check('不要', 'don’t, it’s the models’ turn, ‘rock’n’roll’')).toEqual([]);
  });

  it('reports an opening ‘ left unclosed', () => {
    expect(check('“好”', '‘fine')).toEqual(['unbalanced ‘’ in the translation: 1 opening, 0 closing']);
  });

  it('says nothing when the source itself is unbalanced', () => {
    expect(check('1）第一步', '1) the first step')).toEqual([]);
    expect(check('他说"好', 'He said "fine')).toEqual([]);
  });
});
