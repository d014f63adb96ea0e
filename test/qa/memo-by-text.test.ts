import { describe, expect, it } from 'vitest';
import { findChineseNumbers } from '../../src/qa/chinese-numbers.js';
import { memoByText } from '../../src/qa/memo-by-text.js';

describe('memoByText', () => {
  it('answers each text once, keeps at most `size` answers and drops the oldest first', () => {
    const asked: string[] = [];
    const length = memoByText((text: string) => {
      asked.push(text);
      return text.length;
    }, 2);
    expect([length('a'), length('bb'), length('a'), length('bb')]).toEqual([1, 2, 1, 2]);
    expect(asked).toEqual(['a', 'bb']);
    length('ccc');
    length('bb');
    length('a');
    expect(asked).toEqual(['a', 'bb', 'ccc', 'a']);
  });

  it('gives the number finders the same answer however often a text is asked about', () => {
    const first = findChineseNumbers('两三年前，我们用了30个例子。');
    expect(first.map((mention) => mention.value)).toEqual([2, 3, 30]);
    expect(findChineseNumbers('两三年前，我们用了30个例子。')).toEqual(first);
  });
});
