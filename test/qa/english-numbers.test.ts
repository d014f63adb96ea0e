import { describe, expect, it } from 'vitest';
import { findEnglishNumbers } from '../../src/qa/english-numbers.js';

const values = (text: string): number[] => findEnglishNumbers(text).map((mention) => mention.value);

describe('findEnglishNumbers', () => {
  it.each([
    ['30 examples', [30]],
    ['thirty examples', [30]],
    ['thirty-five', [35]],
    ['two hundred', [200]],
    ['two hundred and five people', [205]],
    ['a hundred thousand or even a million', [100_000, 1_000_000]],
    ['one or two years', [1, 2]],
    ['Two or three years', [2, 3]],
    ['nineteen hundred', [1900]],
    ['the twenty-first century', [21]],
    ['chapter two', [2]],
    ['the second question', [2]],
    ['tenfold', [10]],
    ['twice as long', [2]],
    // Names an object inherits are words like any other, not numbers.
    ['the constructors call toString and valueOf', []],
    ['a constructor, hasOwnProperty or __proto__', []],
    ['in August', [8]],
    ['30,000 and 1.5 million', [30_000, 1_500_000]],
    ['a 7B model', [7e9]],
    ['3.5%', [3.5]],
    ['10x more compute', [10]],
    ['one, two', [1, 2]],
  ])('%s → %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each(['someone', 'anyone else', 'we may go', 'a march', 'often', 'tension'])('%s → none', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('tells digits from words', () => {
    expect(findEnglishNumbers('40 or forty').map((mention) => mention.form)).toEqual(['digits', 'words']);
  });
});
