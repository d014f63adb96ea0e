/** A sentence as offsets into its segment text (UTF-16, end exclusive), surrounding spaces left out. */
export interface SentenceSpan {
  start: number;
  end: number;
}

// Sentence ends of Chinese and Japanese text; `；` ends a clause a translator often makes a sentence.
const CJK_END = /[。！？；!?]/u;
const CJK_ENDS = new RegExp(CJK_END.source, 'gu');
// Closing quotes and brackets that belong to the sentence they end: `他说：“好。”` is one sentence.
const CLOSERS = /[”’」』）)"'】》〉…]/u;

/**
 * Splits a segment's inline Markdown into sentences. Chinese (and Japanese) text ends a sentence
 * at `。！？；` plus any closing quotes; other languages use `Intl.Segmenter`. A line break always
 * ends a sentence, and nothing inside inline code is a sentence end.
 */
export function splitSentences(text: string, language: string): SentenceSpan[] {
  const code = codeRanges(text);
  const inCode = (offset: number): boolean => code.some(([start, end]) => offset >= start && offset < end);
  const cuts = /^(zh|ja)\b/i.test(language) ? cjkCuts(text, inCode) : segmenterCuts(text, language, inCode);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (!inCode(i)) cuts.add(i + 1);
  cuts.add(text.length);
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const span = trimSpan(text, start, cut);
    if (span) spans.push(span);
    start = cut;
  }
  return mergeStrays(text, spans);
}

function cjkCuts(text: string, inCode: (offset: number) => boolean): Set<number> {
  const cuts = new Set<number>();
  CJK_ENDS.lastIndex = 0;
  for (let found = CJK_ENDS.exec(text); found !== null; found = CJK_ENDS.exec(text)) {
    const i = found.index;
    if (inCode(i)) continue;
    let end = i + 1;
    // A run such as `？！` or `。”` ends once; a `**` after it closes a bold span only when one is open.
    for (;;) {
      const char = text[end] ?? '';
      if (CJK_END.test(char) || CLOSERS.test(char)) end++;
      else if ((text.startsWith('**', end) || text.startsWith('__', end)) && isOpen(text, end, text.slice(end, end + 2))) end += 2;
      else break;
    }
    cuts.add(end);
    CJK_ENDS.lastIndex = end;
  }
  return cuts;
}

/** Whether a bold span opened with `marker` is open at `offset` (an odd number of markers before it). */
function isOpen(text: string, offset: number, marker: string): boolean {
  return text.slice(0, offset).split(marker).length % 2 === 0;
}

// A segmenter costs far more to make than to run, and a document has one or two languages.
const segmenters = new Map<string, Intl.Segmenter>();

function segmenterCuts(text: string, language: string, inCode: (offset: number) => boolean): Set<number> {
  const cuts = new Set<number>();
  let segmenter = segmenters.get(language);
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  for (const { index } of segmenter.segment(text)) if (index > 0 && !inCode(index - 1)) cuts.add(index);
  return cuts;
}

/** Offsets of inline code spans (between matching backtick runs), which never hold a sentence end. */
function codeRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const ticks = /`+/g;
  let open: RegExpExecArray | null;
  while ((open = ticks.exec(text)) !== null) {
    const close = text.indexOf(open[0], open.index + open[0].length);
    if (close < 0) break;
    ranges.push([open.index, close + open[0].length]);
    ticks.lastIndex = close + open[0].length;
  }
  return ranges;
}

function trimSpan(text: string, start: number, end: number): SentenceSpan | undefined {
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return start < end ? { start, end } : undefined;
}

/** A piece with no letter or digit (a lone closing `**` or quote) joins the sentence before it. */
function mergeStrays(text: string, spans: SentenceSpan[]): SentenceSpan[] {
  const merged: SentenceSpan[] = [];
  for (const span of spans) {
    const previous = merged[merged.length - 1];
    if (previous && !/[\p{L}\p{N}]/u.test(text.slice(span.start, span.end))) previous.end = span.end;
    else merged.push({ ...span });
  }
  return merged;
}
