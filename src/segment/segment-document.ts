import type { Nodes, Root } from 'mdast';
import type { NodeRule } from '../dialect/dialect-plugin.js';
import { DEFAULT_SYNTAX, type MarkdownSyntax } from '../dialect/markdown-syntax.js';
import type { ProtectedSpan, SegmentKind, SourceSegment } from '../model/types.js';
import { positionOf } from '../parse/decode-source.js';
import { readFrontMatterFields } from '../parse/front-matter.js';
import { DEFAULT_FRONT_MATTER_FIELDS } from './default-front-matter-fields.js';
import { hashSource } from './hash-text.js';
import { proseOutsideSpans } from './prose-outside-spans.js';
import { splitAtFenceLines, trimKeptEdges } from './block-pieces.js';
import { inlineSpans, keptWithin, mergeSpans, type SegmentWalk } from './dialect-spans.js';
import { htmlRuns, type Range } from './html-runs.js';
import type { DocumentSpan } from './protected-spans.js';

/** Options for segmentation. */
export interface SegmentOptions {
  /** Front-matter fields meant for readers (default `title`, `description`, `summary`). */
  frontMatterFields?: readonly string[];
  /** Used in error messages. */
  file?: string;
  /** The dialects the document is written in (GFM with heading ids by default). */
  syntax?: MarkdownSyntax;
  /** HTML attributes whose values are translated (default `alt`, `title`). */
  htmlAttributes?: readonly string[];
}

/** The default reader-facing front-matter fields (defined apart, see there). */
export { DEFAULT_FRONT_MATTER_FIELDS };

/** The default HTML attributes whose values readers see. */
export const DEFAULT_HTML_ATTRIBUTES: readonly string[] = ['alt', 'title'];

/** Where a segment sits and how its translation must be written back. */
interface Placement {
  kind: SegmentKind;
  singleLine: boolean;
  inTable: boolean;
  atBlockStart: boolean;
}

/** Splits a parsed document into translatable segments, in document order. */
export function segmentDocument(text: string, tree: Root, options: SegmentOptions = {}): SourceSegment[] {
  const file = options.file ?? '<input>';
  const segments: SourceSegment[] = [];
  const fields = options.frontMatterFields ?? DEFAULT_FRONT_MATTER_FIELDS;
  const syntax = options.syntax ?? DEFAULT_SYNTAX;
  const walk: SegmentWalk = {
    text,
    syntax,
    rules: Object.assign({}, ...syntax.dialects.map((d) => d.nodes ?? {})) as Record<string, NodeRule>,
    kept: syntax.dialects.flatMap((d) => d.keptRanges?.(text) ?? []),
    fenceLine: syntax.dialects.find((d) => d.fenceLine)?.fenceLine,
    attributes: options.htmlAttributes ?? DEFAULT_HTML_ATTRIBUTES,
  };

  const visit = (node: Nodes, kind: SegmentKind): void => {
    if (node.type === 'yaml') {
      segments.push(...frontMatterSegments(text, node, fields, file));
      return;
    }
    const rule = walk.rules[node.type];
    if (rule?.role === 'kept') return;
    if (rule?.role === 'text') {
      segments.push(...blockSegments(walk, node, rule.kind ?? kind, rule));
      return;
    }
    if (rule?.role === 'html') {
      segments.push(...htmlSegments(walk, node, kind));
      return;
    }
    if ('children' in node) {
      const childKind = rule?.role === 'container' ? (rule.kind ?? kind) : kind;
      for (const child of node.children) visit(child as Nodes, childKind);
    }
  };
  visit(tree, 'paragraph');
  return segments;
}

function frontMatterSegments(text: string, node: Nodes, fields: readonly string[], file: string): SourceSegment[] {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? 0;
  const contentStart = text.indexOf('\n', start) + 1;
  const contentEnd = text.lastIndexOf('\n', end - 1);
  const yamlText = contentEnd > contentStart ? text.slice(contentStart, contentEnd) : '';
  const firstLine = positionOf(text, contentStart).line;
  return readFrontMatterFields(yamlText, contentStart, fields, { file, firstLine }).map((field) => {
    const { line, column } = positionOf(text, field.start);
    return {
      kind: 'front-matter',
      field: field.field,
      text: field.value,
      protectedSpans: protectedSpansOfSnippet(field.value),
      hash: hashSource(field.value),
      line,
      column,
      span: { type: 'yaml-scalar', start: field.start, end: field.end, indent: field.indent },
    };
  });
}

/** The segments of a block of inline content: one, or more when fence lines cut it. */
function blockSegments(walk: SegmentWalk, node: Nodes, kind: SegmentKind, rule: NodeRule): SourceSegment[] {
  if (!('children' in node) || node.children.length === 0) return [];
  const first = node.children[0]?.position?.start.offset;
  const last = node.children[node.children.length - 1]?.position?.end.offset;
  if (first === undefined || last === undefined || last <= first) return [];

  const { text } = walk;
  const isAtx = node.type === 'heading' && text[node.position?.start.offset ?? 0] === '#';
  const isLabel = (node.data as { directiveLabel?: boolean } | undefined)?.directiveLabel === true;
  const singleLine = isAtx || rule.singleLine === true || isLabel;
  const spans = inlineSpans(walk, node, first, last);
  const placement: Placement = {
    kind: node.type === 'heading' ? 'heading' : kind,
    singleLine,
    inTable: node.type === 'tableCell',
    atBlockStart: node.type !== 'tableCell' && node.type !== 'leafDirective' && !isAtx && !isLabel,
  };
  const dialectKept = [...walk.syntax.dialects.flatMap((d) => d.blockRanges?.(text, node, first, last) ?? []), ...keptWithin(walk.kept, first, last)];
  const segments: SourceSegment[] = [];
  for (const piece of splitAtFenceLines(text, first, last, walk.fenceLine)) {
    const trimmed = trimKeptEdges(text, piece, dialectKept);
    const moved = trimmed.start !== piece.start ? { atBlockStart: false } : {};
    const segment = rangeSegment(text, trimmed, spans, { ...placement, ...piece.placement, ...moved });
    if (segment) segments.push(segment);
  }
  return segments;
}


/** Segments of an HTML block: each run of text between block-level tags, inline tags protected. */
function htmlSegments(walk: SegmentWalk, node: Nodes, kind: SegmentKind): SourceSegment[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const segments: SourceSegment[] = [];
  for (const run of htmlRuns(walk.text, start, end, walk.attributes)) {
    const spans = mergeSpans([...run.protected, ...keptWithin(walk.kept, run.start, run.end)]);
    const segment = rangeSegment(walk.text, run, spans, { kind, singleLine: false, inTable: false, atBlockStart: false });
    if (segment) segments.push(segment);
  }
  return segments;
}


/** One segment for `range`, or undefined when nothing in it is translatable. */
function rangeSegment(text: string, range: Range, documentSpans: readonly DocumentSpan[], placement: Placement): SourceSegment | undefined {
  const { start, end } = range;
  if (end <= start) return undefined;
  const { segmentText, lineStarts, linePrefixes } = stripContainerPrefixes(text, start, end);
  const spans = documentSpans
    .filter((s) => (s.end > start && s.start < end) || (s.start === s.end && s.start >= start && s.start <= end))
    .map((s) => ({ ...s, start: Math.max(s.start, start), end: Math.min(s.end, end) }))
    .map((span) => toSegmentSpan(span, lineStarts));
  if (!hasTranslatableText(segmentText, spans)) return undefined;
  const { line, column } = positionOf(text, start);
  return {
    kind: placement.kind,
    text: segmentText,
    protectedSpans: spans,
    hash: hashSource(segmentText),
    line,
    column,
    span: {
      type: 'markdown',
      start,
      end,
      linePrefixes,
      singleLine: placement.singleLine,
      inTable: placement.inTable,
      atBlockStart: placement.atBlockStart,
    },
  };
}

interface LineStart {
  /** Offset in the document where this line's content starts. */
  source: number;
  /** Offset in the segment text where it starts. */
  segment: number;
}

/**
 * Removes the container markers (`> `, list indentation) in front of continuation lines so the
 * translator sees only the text; the markers are kept to put back when rendering.
 */
function stripContainerPrefixes(text: string, start: number, end: number) {
  const lines = text.slice(start, end).split('\n');
  const lineStarts: LineStart[] = [];
  const linePrefixes: string[] = [];
  const parts: string[] = [];
  let sourceOffset = start;
  let segmentOffset = 0;
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    // A paragraph's continuation line never starts with `>` after its container prefix (that
    // would open a block quote), so everything up to the first other character is prefix.
    const prefix = index === 0 ? '' : (/^[ \t>]*/.exec(line)?.[0] ?? '');
    if (index > 0) linePrefixes.push(prefix);
    lineStarts.push({ source: sourceOffset + prefix.length, segment: segmentOffset });
    const content = line.slice(prefix.length);
    parts.push(content);
    segmentOffset += content.length + 1;
    sourceOffset += raw.length + 1;
  });
  return { segmentText: parts.join('\n'), lineStarts, linePrefixes };
}

function toSegmentOffset(offset: number, lineStarts: LineStart[]): number {
  // Binary search: the last line that starts at or before the offset.
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle]?.source ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  const current = lineStarts[low] ?? { source: 0, segment: 0 };
  return current.segment + Math.max(0, offset - current.source);
}

function toSegmentSpan(span: DocumentSpan, lineStarts: LineStart[]): ProtectedSpan {
  const result: ProtectedSpan = { start: toSegmentOffset(span.start, lineStarts), end: toSegmentOffset(span.end, lineStarts) };
  if (span.labelIfTextChanges !== undefined) result.labelIfTextChanges = span.labelIfTextChanges;
  return result;
}

/** A segment made only of code, URLs and punctuation has nothing to translate. */
function hasTranslatableText(text: string, spans: ProtectedSpan[]): boolean {
  return /\p{L}/u.test(proseOutsideSpans(text, spans));
}

/** Protected spans of a standalone inline Markdown snippet (a front-matter value). */
function protectedSpansOfSnippet(value: string): ProtectedSpan[] {
  // Inline code and URLs only: front-matter values rarely carry more, and a full parse per
  // field would cost more than it finds.
  const spans: ProtectedSpan[] = [];
  for (const match of value.matchAll(/`[^`]+`|<https?:[^>\s]+>|https?:\/\/[^\s)\]]+/g)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}
