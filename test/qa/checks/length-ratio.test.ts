import { describe, expect, it } from 'vitest';
import { lengthRatio, medianLengthRatio } from '../../../src/qa/checks/length-ratio.js';
import type { QaContext, QaPair } from '../../../src/qa/qa-types.js';

const source = '这是一个足够长的句子，用来计算译文与原文的长度比例。'; // 26 characters
const translation = (length: number): string => 'x'.repeat(length);
const context = (medianLengthRatio: number | undefined): QaContext => ({
  glossary: [],
  sourceLanguage: 'zh',
  targetLanguage: 'en',
  medianLengthRatio,
});

describe('medianLengthRatio', () => {
  it('is the median over pairs with at least 20 source characters and a translation', () => {
    const pairs: QaPair[] = [
      { id: 'a', source, translation: translation(26) },
      { id: 'b', source, translation: translation(78) },
      { id: 'c', source, translation: translation(52) },
      { id: 'short', source: '短句', translation: translation(500) },
      { id: 'missing', source },
      { id: 'empty', source, translation: '' },
    ];
    expect(medianLengthRatio(pairs)).toBe(2);
  });

  it('averages the two middle ratios of an even count, and is undefined with no qualifying pair', () => {
    expect(medianLengthRatio([{ id: 'a', source, translation: translation(26) }, { id: 'b', source, translation: translation(52) }])).toBe(1.5);
    expect(medianLengthRatio([{ id: 'short', source: '短句', translation: 'Short' }])).toBeUndefined();
  });

  it('measures prose, not Markdown syntax or URLs', () => {
    const link = `[${source}](https://example.com/a/very/long/address/that/would/double/the/length)`;
    expect(medianLengthRatio([{ id: 'a', source: link, translation: `[${translation(52)}](https://example.com/a/very/long/address/that/would/double/the/length)` }])).toBe(2);
  });
});

describe('length-ratio', () => {
  const check = (length: number, median: number | undefined): string[] =>
    lengthRatio({ id: 's1', source, translation: translation(length) }, context(median)).map((finding) => finding.message);

  it('accepts ratios within median / 2.5 and median × 2.5', () => {
    expect(check(26, 2)).toEqual([]); // ratio 1 ≥ 0.8
    expect(check(130, 2)).toEqual([]); // ratio 5 ≤ 5
  });

  it('reports a translation far shorter or longer than the norm', () => {
    expect(check(13, 2)).toEqual([
      "the translation is 0.5 times as long as the source; the document's median is 2, so between 0.8 and 5 is expected",
    ]);
    expect(check(156, 2)).toHaveLength(1);
  });

  it('skips sources under 20 characters and documents without a median', () => {
    expect(lengthRatio({ id: 's1', source: '短句', translation: translation(100) }, context(2))).toEqual([]);
    expect(check(1, undefined)).toEqual([]);
  });
});
