/**
 * Sorted distinct character bigrams of `text`, each pair of UTF-16 units hashed into 30 bits: a
 * cheap fingerprint for overlap tests that needs no word boundaries (Chinese, Japanese).
 */
export function bigramSet(text: string): Uint32Array {
  if (text.length < 2) return new Uint32Array(0);
  const codes = new Uint32Array(text.length - 1);
  for (let i = 0; i < codes.length; i++) {
    // 30 bits keep the codes small integers for V8 (fast Map keys); the rare collision only
    // makes two bigrams look alike in a prefilter.
    codes[i] = (text.charCodeAt(i) * 65_599 + text.charCodeAt(i + 1)) & 0x3fffffff;
  }
  codes.sort();
  let distinct = 0;
  for (let i = 0; i < codes.length; i++) {
    if (i === 0 || codes[i] !== codes[distinct - 1]) codes[distinct++] = codes[i]!;
  }
  return codes.subarray(0, distinct);
}
