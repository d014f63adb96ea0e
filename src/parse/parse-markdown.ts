import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { InputError } from '../model/errors.js';
import { DEFAULT_SYNTAX, type MarkdownSyntax } from '../dialect/markdown-syntax.js';
import { blockBoundaries } from './block-boundaries.js';
import { checkNestingDepth } from './check-nesting-depth.js';
import { joinPieces } from './join-pieces.js';
import { opensWithFrontMatter } from './opens-with-front-matter.js';

/** Options of `parseMarkdown`. */
export interface ParseOptions {
  /** The dialects to read; GFM with heading ids by default. */
  syntax?: MarkdownSyntax;
  /** Used in error messages. */
  file?: string;
  /**
   * Documents longer than this are parsed in pieces of about this many characters, cut where the
   * pieces read exactly as the whole does (`blockBoundaries`): the parser's working memory then
   * stays that of one piece instead of growing with the document.
   */
  pieceChars?: number;
}

/** About 64 Ki characters per piece: large enough that the per-parse overhead is noise. */
const PIECE_CHARS = 65_536;

const processors = new WeakMap<MarkdownSyntax, Map<boolean, Processor<Root>>>();

/**
 * Parses Markdown (CommonMark + GFM + YAML front matter + the syntax's dialects) into an mdast
 * tree with positions that are offsets into `text`.
 */
export function parseMarkdown(text: string, options: ParseOptions = {}): Root {
  const syntax = options.syntax ?? DEFAULT_SYNTAX;
  checkNestingDepth(text, options.file ?? '<input>');
  let prepared = text;
  for (const dialect of syntax.dialects) if (dialect.prepare) prepared = dialect.prepare(prepared);
  try {
    const processor = processorFor(syntax, opensWithFrontMatter(text));
    const pieceChars = options.pieceChars ?? PIECE_CHARS;
    // Only plain CommonMark + GFM is cut: other extensions (MDX, directives, math) may span blank lines.
    const cuts = prepared.length > pieceChars && syntax.extensions.length === 0 && !syntax.math ? blockBoundaries(prepared, pieceChars) : [];
    if (cuts.length === 0) return processor.parse(prepared);
    return joinPieces([0, ...cuts].map((start, index) => ({ start, tree: processor.parse(prepared.slice(start, cuts[index] ?? prepared.length)) })), prepared);
  } catch (error) {
    throw syntaxError(error, options.file ?? '<input>');
  }
}

/** A parse error of a dialect's extension (MDX: JSX, expressions, ESM) as an InputError with its place. */
function syntaxError(error: unknown, file: string): unknown {
  const message = error as { reason?: unknown; line?: unknown; column?: unknown; source?: unknown };
  if (typeof message.reason !== 'string' || typeof message.line !== 'number') return error;
  return new InputError(
    `cannot read this as ${typeof message.source === 'string' && message.source.includes('mdx') ? 'MDX' : 'Markdown'}: ${message.reason}`,
    { file, line: message.line, ...(typeof message.column === 'number' ? { column: message.column } : {}) },
    'Fix the syntax at this place: in MDX `<` starts JSX and `{` an expression (write `\\<` and `\\{` for the characters), autolinks `<https://…>` are not allowed.',
  );
}

function processorFor(syntax: MarkdownSyntax, frontMatter: boolean): Processor<Root> {
  let cached = processors.get(syntax);
  if (!cached) processors.set(syntax, (cached = new Map()));
  let processor = cached.get(frontMatter);
  if (!processor) {
    const base = unified().use(remarkParse);
    const formats = [...(frontMatter ? ['yaml' as const] : []), ...syntax.dialects.flatMap((d) => d.frontMatter ?? [])];
    if (formats.length > 0) base.use(remarkFrontmatter, formats);
    base.use(remarkGfm);
    for (const extension of syntax.extensions) {
      // A `[plugin, options]` tuple is passed as two arguments; a bare array would read as a list.
      if (Array.isArray(extension)) base.use(extension[0] as never, ...(extension.slice(1) as never[]));
      else base.use(extension as never);
    }
    processor = base as unknown as Processor<Root>;
    cached.set(frontMatter, processor);
  }
  return processor;
}
