import { describe, expect, it } from 'vitest';
import { numbers } from '../../../src/qa/checks/numbers.js';
import type { QaContext } from '../../../src/qa/qa-types.js';

const context: QaContext = { glossary: [], sourceLanguage: 'zh', targetLanguage: 'en', medianLengthRatio: undefined };
const check = (source: string, translation: string, options: Partial<QaContext> = {}): string[] =>
  numbers({ id: 's1', source, translation }, { ...context, ...options }).map((finding) => finding.message);

describe('numbers', () => {
  it.each([
    ['三十个例子', '30 examples'],
    ['三十个例子', 'thirty examples'],
    ['大约是30个例子', 'about thirty examples'],
    ['三十五个', 'thirty-five'],
    ['二〇二七年', 'in 2027'],
    ['两千零二十七年', 'by 2027'],
    ['减少了百分之十', 'fell by 10%'],
    ['减少了百分之十', 'fell by ten percent'],
    ['3万个文件', '30,000 files'],
    ['3万个文件', '30 thousand files'],
    ['1.5亿', '150 million'],
    ['两三年后', 'two or three years from now'],
    ['一两年内', 'within a year or two'],
    ['十倍的计算量', '10x more compute'],
    ['十万甚至一百万', '100,000 or even a million'],
    ['一百年后', 'a hundred years from now'],
    ['两个概念', 'both concepts'],
    ['两倍', 'twice as long'],
    ['八月', 'in August'],
    ['第二章', 'chapter two'],
    ['第二章', 'the second chapter'],
    ['2024年5月15日', 'May 15, 2024'],
    ['**GPT-3.5** 于2022年初完成训练', '**GPT-3.5** finished training in early 2022'],
  ])('%s ↔ %s passes', (source, translation) => {
    expect(check(source, translation)).toEqual([]);
  });

  it.each([
    ['一些模型一直在统一的框架下一起工作', 'Some models have always worked together in a unified framework'],
    ['一个月后', 'a month later'],
    ['十分重要', 'very important'],
    ['万一出错', 'in case something goes wrong'],
    ['千万不要删除', 'never delete it'],
    ['数千次尝试', 'thousands of tries'],
    ['几十个例子', 'dozens of examples'],
    ['三思而后行', 'think before you act'],
    ['第一性原理', 'first principles'],
  ])('does not demand a number from %s', (source, translation) => {
    expect(check(source, translation)).toEqual([]);
  });

  it('reports a changed number with what was found instead', () => {
    expect(check('大约是30个例子', 'about 40 examples')).toEqual([
      'number 30 in the source is missing from the translation; found 40',
    ]);
    expect(check('三十个例子', '40 examples')).toEqual([
      'number 30 (三十) in the source is missing from the translation; found 40',
    ]);
  });

  it('reports a missing number', () => {
    expect(check('五分钟后', 'a few minutes later')).toEqual([
      'number 5 (五) in the source is missing from the translation',
    ]);
  });

  it('reports digits the source does not have, but not number words', () => {
    expect(check('很多例子', 'about 40 examples')).toEqual(['number 40 in the translation does not appear in the source']);
    expect(check('这是其中之一', 'this is one of them')).toEqual([]);
  });

  it('ignores numbers inside inline code and link targets', () => {
    expect(check('运行 `sleep 30`，见[说明](https://x.example/v2)', 'Run `sleep 30`, see the [notes](https://x.example/v2)')).toEqual([]);
  });

  it('uses digits only for languages without a number-word reader', () => {
    expect(check('30 exemples', '30 Beispiele', { sourceLanguage: 'fr', targetLanguage: 'de' })).toEqual([]);
    expect(check('30 exemples', 'dreißig Beispiele', { sourceLanguage: 'fr', targetLanguage: 'de' })).toEqual([
      'number 30 in the source is missing from the translation',
    ]);
  });
});
