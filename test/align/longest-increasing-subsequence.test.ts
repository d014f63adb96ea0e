import { describe, expect, it } from 'vitest';
import { longestIncreasingSubsequence } from '../../src/align/longest-increasing-subsequence.js';

/** Brute-force length of the longest strictly increasing subsequence. */
function bruteLength(values: number[]): number {
  let best = 0;
  for (let mask = 0; mask < 1 << values.length; mask++) {
    const picked = values.filter((_, i) => mask & (1 << i));
    if (picked.every((v, i) => i === 0 || v > picked[i - 1]!)) best = Math.max(best, picked.length);
  }
  return best;
}

describe('longestIncreasingSubsequence', () => {
  it('handles empty and single inputs', () => {
    expect(longestIncreasingSubsequence([])).toEqual([]);
    expect(longestIncreasingSubsequence([5])).toEqual([0]);
  });

  it('returns ascending positions of strictly increasing values', () => {
    const values = [3, 1, 2, 5, 4, 6];
    const positions = longestIncreasingSubsequence(values);
    expect(positions).toHaveLength(4);
    expect(positions.map((p) => values[p]!)).toEqual([1, 2, 4, 6]);
  });

  it('keeps a sorted input whole and one element of a reversed one', () => {
    expect(longestIncreasingSubsequence([0, 1, 2, 3])).toEqual([0, 1, 2, 3]);
    expect(longestIncreasingSubsequence([3, 2, 1, 0])).toHaveLength(1);
  });

  it('matches a brute force on many small permutations', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 10) }, () => Math.floor(random() * 8));
      const positions = longestIncreasingSubsequence(values);
      expect(positions).toHaveLength(bruteLength(values));
      for (let i = 1; i < positions.length; i++) {
        expect(positions[i]!).toBeGreaterThan(positions[i - 1]!);
        expect(values[positions[i]!]!).toBeGreaterThan(values[positions[i - 1]!]!);
      }
    }
  });
});
