import { longestIncreasingSubsequence } from './longest-increasing-subsequence.js';

/** A segment paired with a record. */
export interface Pair {
  segment: number;
  record: number;
}

/**
 * Splits pairs into the largest set that keeps document order on both sides (a longest
 * increasing subsequence of record indices, taken in segment order) and the rest, which moved.
 */
export function orderAnchors(pairs: readonly Pair[]): { inOrder: Pair[]; outOfOrder: Pair[] } {
  const sorted = [...pairs].sort((a, b) => a.segment - b.segment);
  const keep = new Uint8Array(sorted.length);
  for (const position of longestIncreasingSubsequence(sorted.map((p) => p.record))) keep[position] = 1;
  const inOrder: Pair[] = [];
  const outOfOrder: Pair[] = [];
  sorted.forEach((pair, i) => (keep[i] ? inOrder : outOfOrder).push(pair));
  return { inOrder, outOfOrder };
}
