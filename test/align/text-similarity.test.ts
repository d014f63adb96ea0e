import { describe, expect, it } from 'vitest';
import { textSimilarity } from '../../src/align/text-similarity.js';
import { seededRandom, syntheticSentence } from '../bench/synthetic-document.js';

describe('textSimilarity', () => {
  it('is 1 for identical texts, including two empty ones', () => {
    expect(textSimilarity('预训练', '预训练')).toBe(1);
    expect(textSimilarity('', '')).toBe(1);
  });

  it('is 0 against an empty text', () => {
    expect(textSimilarity('', '后训练')).toBe(0);
  });

  it('measures kept characters against the longer text, at character level', () => {
    // 「预训练与后训练的本质」→「预训练和后训练的本质区别」 keeps 9 of 12 characters.
    expect(textSimilarity('预训练与后训练的本质', '预训练和后训练的本质区别')).toBeCloseTo(0.75, 10);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(textSimilarity('𠀋𠀋ab', '𠀋𠀋ac')).toBeCloseTo(0.75, 10);
  });

  it('returns 0 once the threshold cannot be reached, and the exact value when it can', () => {
    const a = '我们可以暂停进一步的训练。';
    const b = '我们可以暂停部署。';
    const full = textSimilarity(a, b);
    expect(full).toBeGreaterThan(0);
    expect(textSimilarity(a, b, full)).toBeCloseTo(full, 10);
    expect(textSimilarity(a, b, full + 0.01)).toBe(0);
    expect(textSimilarity('谢谢。', '谢谢你今天来参加我们的播客节目。', 0.5)).toBe(0);
  });

  it('estimates very long texts by bigram overlap instead of a diff', () => {
    const random = seededRandom(3);
    const long = syntheticSentence(random, 5_000, 5_000);
    const edited = long.slice(0, 2_000) + syntheticSentence(random, 200, 200) + long.slice(2_200);
    const start = performance.now();
    expect(textSimilarity(long, edited)).toBeGreaterThan(0.8);
    expect(textSimilarity(long, syntheticSentence(random, 5_000, 5_000))).toBeLessThan(0.5);
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});
