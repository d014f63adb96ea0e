const CJK = /[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]/gu;

/** A rough token count: one per CJK character, one per four other characters. */
export function estimateTokens(text: string): number {
  const length = [...text].length;
  const cjk = text.match(CJK)?.length ?? 0;
  return Math.ceil(cjk + (length - cjk) / 4);
}
