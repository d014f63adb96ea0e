import { parseInline } from './parse-inline.js';
import { scanInline } from './scan-inline.js';
import { treeSummary } from './tree-summary.js';

/** The parts of a segment a translation must carry over unchanged. */
export interface InlineStructure {
  /** Link targets (`url`, or `[identifier]` for a reference). */
  links: string[];
  images: string[];
  code: string[];
  footnotes: string[];
  html: string[];
  emphasis: number;
  /** Strong spans, plus pairs of `**` CommonMark left as text next to CJK punctuation (the writer meant bold). */
  strong: number;
}

/** What every check needs from a segment's inline Markdown, worked out once per text. */
export interface InlineSummary {
  /**
   * The prose: text and image descriptions, without Markdown syntax, URLs, inline code or HTML
   * (a space stands for code and HTML, so that the words around them stay apart).
   */
  plain: string;
  structure: InlineStructure;
}

// Every check of a pair reads both texts, and the length-ratio median reads them all first: kept
// so each text is read once per run. Bounded so that a large project does not hold them all.
const CACHE_SIZE = 8_192;
const cache = new Map<string, InlineSummary>();

/**
 * The prose and structure of a segment's inline Markdown, as remark (CommonMark + GFM) reads it
 * as a standalone snippet. Leading whitespace is dropped first so that an indented translation is
 * not read as a code block (the whitespace check covers it). Plain prose, bold, italics and code
 * spans are scanned in one pass; anything else is parsed. Shared between callers: never change it.
 */
export function inlineSummary(markdown: string): InlineSummary {
  const text = markdown.trimStart();
  let summary = cache.get(text);
  if (summary === undefined) {
    summary = scanInline(text) ?? treeSummary(parseInline(text));
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
    cache.set(text, summary);
  }
  return summary;
}
