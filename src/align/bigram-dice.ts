/** Dice coefficient of two sorted bigram sets, 2·|A∩B| / (|A|+|B|); 1 when both are empty. */
export function bigramDice(a: Uint32Array, b: Uint32Array): number {
  if (a.length + b.length === 0) return 1;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}
