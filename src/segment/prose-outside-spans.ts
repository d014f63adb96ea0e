import type { ProtectedSpan } from '../model/types.js';

/** The text of a segment with its protected spans (code, URLs, HTML, kept syntax) left out. */
export function proseOutsideSpans(text: string, spans: readonly Pick<ProtectedSpan, 'start' | 'end'>[]): string {
  let prose = '';
  let cursor = 0;
  for (const span of spans) {
    prose += text.slice(cursor, span.start);
    cursor = Math.max(cursor, span.end);
  }
  return prose + text.slice(cursor);
}
