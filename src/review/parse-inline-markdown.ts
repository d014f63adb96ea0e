import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

// A segment is inline text: `1. Introduction` or `# 3` in a translation is not a list or a heading,
// so every block construct but the paragraph is switched off.
const BLOCK_CONSTRUCTS = ['blockQuote', 'codeFenced', 'codeIndented', 'definition', 'headingAtx', 'htmlFlow', 'list', 'setextUnderline', 'thematicBreak'];

function inlineOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ disable: { null: BLOCK_CONSTRUCTS } });
}

const processor = unified().use(remarkParse).use(remarkGfm).use(inlineOnly).freeze();

/** Parses a segment's text as inline Markdown only; node offsets point into `text` as given. */
export function parseInlineMarkdown(text: string): Root {
  return processor.parse(text);
}
