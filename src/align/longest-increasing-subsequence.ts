/**
 * Positions (ascending) of one longest strictly increasing subsequence of `values`, in
 * O(n log n) by patience sorting.
 */
export function longestIncreasingSubsequence(values: readonly number[]): number[] {
  // tails[k]: position of the smallest value that ends an increasing run of length k + 1.
  const tails: number[] = [];
  const previous = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (values[tails[mid]!]! < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  }
  const result = new Array<number>(tails.length);
  let at = tails.length > 0 ? tails[tails.length - 1]! : -1;
  for (let k = tails.length - 1; k >= 0; k--) {
    result[k] = at;
    at = previous[at]!;
  }
  return result;
}
