import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Parses a segment's inline Markdown as a standalone snippet with remark (CommonMark + GFM).
 * Only for texts `scanInline` does not model: callers go through `inlineSummary`, which caches.
 */
export function parseInline(markdown: string): Root {
  return processor.parse(markdown);
}
