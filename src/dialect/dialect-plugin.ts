import type { Nodes } from 'mdast';
import type { Pluggable } from 'unified';
import type { SegmentKind } from '../model/types.js';

/** What the segment stage does with a node of the syntax tree. */
export type NodeRole =
  /** A block kept byte for byte and never sent (code, ESM, expressions). */
  | 'kept'
  /** A block whose children are visited; the nearest one names the segment kind. */
  | 'container'
  /** A block whose inline children form one segment (paragraph, heading, cell, directive label). */
  | 'text'
  /** Raw HTML: the text between tags is translated, the tags are protected spans. */
  | 'html'
  /** An inline node kept whole as a protected span. */
  | 'inline-kept'
  /** An inline node whose children are text; the syntax around them is protected. */
  | 'inline-wrapper';

/** How one node type is segmented. */
export interface NodeRule {
  role: NodeRole;
  /** The kind of segments found in it (containers) or made of it (text blocks). */
  kind?: SegmentKind;
  /** The segment must stay on one line (a directive label, a table cell). */
  singleLine?: boolean;
}

/** A range of the document (offsets into the decoded text) that is never translated. */
export interface KeptRange {
  start: number;
  end: number;
}

/** A paragraph line that is syntax of its own, such as `::: tip 标题`: kept, except its label. */
export interface FenceLine {
  /** Offsets of the translatable label within the line, if it has one. */
  label?: { start: number; end: number };
}

/**
 * A Markdown dialect as a plug-in of the segment stage: the remark extension that parses it plus a
 * small table of what its nodes are, and hooks for syntax the Markdown parser leaves in the text.
 */
export interface DialectPlugin {
  name: DialectName;
  /** Loads the remark plugins that parse the syntax (dynamic, so unused dialects cost nothing). */
  loadExtensions?: () => Promise<Pluggable[]>;
  /** Front-matter formats besides YAML the dialect's pages open with (their node is `kept`). */
  frontMatter?: readonly 'toml'[];
  /** Roles of the node types this dialect adds or redefines. */
  nodes?: Record<string, NodeRule>;
  /** Ranges of the whole document kept as protected spans (tags, shortcodes). */
  keptRanges?: (text: string) => KeptRange[];
  /** Ranges kept inside one block's text, given its node (a heading's `{#id}`). */
  blockRanges?: (text: string, node: Nodes, start: number, end: number) => KeptRange[];
  /** Recognises a paragraph line (container prefixes removed) that is syntax of its own. */
  fenceLine?: (line: string) => FenceLine | undefined;
  /** Rewrites the text before parsing without changing its length (offsets stay valid). */
  prepare?: (text: string) => string;
  /** The slug rules of the site the dialect comes from, when not GitHub's. */
  slugStyle?: SlugStyle;
}

/** The dialects bitext knows; a document uses `gfm` plus any of the others. */
export type DialectName = 'gfm' | 'heading-ids' | 'mdx' | 'directives' | 'containers' | 'hugo' | 'liquid';

/** How a site turns heading text into a fragment id. */
export type SlugStyle = 'github' | 'vitepress';
