import type { Pluggable } from 'unified';
import type { DialectPlugin, SlugStyle } from './dialect-plugin.js';
import { gfmDialect } from './gfm-dialect.js';
import { headingIdsDialect } from './heading-ids-dialect.js';

/** Everything the parse and segment stages need to read one document: its dialects, loaded. */
export interface MarkdownSyntax {
  dialects: readonly DialectPlugin[];
  /** `$…$` and `$$…$$` are read as TeX math (remark-math). */
  math: boolean;
  /** The remark plugins of the dialects (and math), loaded. */
  extensions: readonly Pluggable[];
}

/** GFM with heading ids kept, no math: what a `.md` file is read as unless configured. */
export const DEFAULT_SYNTAX: MarkdownSyntax = { dialects: [gfmDialect, headingIdsDialect], math: false, extensions: [] };

/** The slug rules of a document's site: the first dialect that names its own, else GitHub's. */
export function slugStyleOf(syntax: MarkdownSyntax): SlugStyle {
  return syntax.dialects.find((d) => d.slugStyle)?.slugStyle ?? 'github';
}
