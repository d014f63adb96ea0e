/**
 * For each position in `0..length-1`, how many anchor positions lie strictly before it: the
 * number of the gap between anchors that it falls in. `anchorPositions` must be ascending.
 */
export function gapIndices(length: number, anchorPositions: readonly number[]): Int32Array {
  const gaps = new Int32Array(length);
  let passed = 0;
  for (let i = 0; i < length; i++) {
    while (passed < anchorPositions.length && anchorPositions[passed]! < i) passed++;
    gaps[i] = passed;
  }
  return gaps;
}
