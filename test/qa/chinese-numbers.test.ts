import { describe, expect, it } from 'vitest';
import { findChineseNumbers, parseChineseNumeral } from '../../src/qa/chinese-numbers.js';

const values = (text: string): number[] => findChineseNumbers(text).map((mention) => mention.value);

describe('parseChineseNumeral', () => {
  it.each([
    ['三十', 30],
    ['十五', 15],
    ['两千零二十七', 2027],
    ['二〇二七', 2027],
    ['一百零五', 105],
    ['一千二', 1200],
    ['三万五', 35000],
    ['一百万', 1_000_000],
    ['一万亿', 1e12],
    ['3万', 30000],
    ['1.5亿', 150_000_000],
    ['三点五', 3.5],
  ])('%s → %d', (numeral, value) => {
    expect(parseChineseNumeral(numeral)).toBe(value);
  });

  it('rejects what is not a numeral', () => {
    expect(parseChineseNumeral('十百')).toBeUndefined();
    expect(parseChineseNumeral('一五一十')).toBeUndefined();
  });
});

describe('findChineseNumbers', () => {
  it.each([
    ['三十个例子', [30]],
    ['两千零二十七年', [2027]],
    ['二〇二七年', [2027]],
    ['百分之十', [10]],
    ['3万', [30000]],
    ['约 1,200 篇', [1200]],
    ['两个概念', [2]],
    ['五分钟', [5]],
    ['十分钟', [10]],
    ['十倍的计算量', [10]],
    ['一百年后', [100]],
    ['十万甚至一百万', [100_000, 1_000_000]],
    ['两三年后', [2, 3]],
    ['二三十个人', [20, 30]],
    ['第二章', [2]],
    ['八月', [8]],
    ['三点五倍', [3.5]],
    ['二十分', [20]],
    ['三千万', [30_000_000]],
  ])('%s → %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    '一些', '十分重要', '一样', '一直', '统一', '一起', '唯一', '万一出错', '千万不要', '一一检查', '三思而后行',
    '数千次尝试', '几十个', '十几个', '上百人', '五花八门', '三心二意', '百分之百确定', '再三强调',
  ])('%s → none', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('finds a lone 一 before a measure word (the numbers check decides not to require it)', () => {
    expect(values('一个月后')).toEqual([1]);
  });

  it('records where each number is and how it was written', () => {
    expect(findChineseNumbers('大约是30个例子，三十个')).toEqual([
      { value: 30, text: '30', start: 3, end: 5, form: 'digits' },
      { value: 30, text: '三十', start: 9, end: 11, form: 'words' },
    ]);
  });
});
