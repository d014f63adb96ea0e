import { inlineSummary } from './inline-summary.js';

/**
 * The prose of a segment: text and image descriptions, without Markdown syntax, URLs, inline code
 * or HTML. Those are copied, not translated, and would otherwise count as numbers or leftover
 * source text; the inline-structure check compares them.
 */
export function plainText(markdown: string): string {
  return inlineSummary(markdown).plain;
}
