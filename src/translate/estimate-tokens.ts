const CJK = /[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]/gu;

/** A rough token count, as estimate-plan makes it: one per CJK character, one per four others. */
export function estimateTokens(text: string): number {
  const length = [...text].length;
  const cjk = text.match(CJK)?.length ?? 0;
  return Math.ceil(cjk + (length - cjk) / 4);
}
