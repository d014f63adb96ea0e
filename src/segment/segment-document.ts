import type { Nodes, Root } from 'mdast';
import type { ProtectedSpan, SegmentKind, SourceSegment } from '../model/types.js';
import { positionOf } from '../parse/decode-source.js';
import { readFrontMatterFields } from '../parse/front-matter.js';
import { hashSource } from './hash-text.js';
import { collectProtectedSpans, type DocumentSpan } from './protected-spans.js';

/** Options for segmentation. */
export interface SegmentOptions {
  /** Front-matter fields meant for readers (default `title`, `summary`). */
  frontMatterFields?: readonly string[];
  /** Used in error messages. */
  file?: string;
}

/** The default reader-facing front-matter fields. */
export const DEFAULT_FRONT_MATTER_FIELDS: readonly string[] = ['title', 'summary'];

// Containers whose paragraphs are translated; the nearest one names the segment's kind.
const CONTAINER_KINDS: Partial<Record<Nodes['type'], SegmentKind>> = {
  listItem: 'list-item',
  blockquote: 'quote',
  footnoteDefinition: 'footnote',
};

// Block nodes whose content is never translated.
const SKIPPED = new Set(['code', 'html', 'math', 'definition', 'thematicBreak', 'yaml']);

/** Splits a parsed document into translatable segments, in document order. */
export function segmentDocument(text: string, tree: Root, options: SegmentOptions = {}): SourceSegment[] {
  const file = options.file ?? '<input>';
  const segments: SourceSegment[] = [];
  const fields = options.frontMatterFields ?? DEFAULT_FRONT_MATTER_FIELDS;

  const visit = (node: Nodes, kind: SegmentKind): void => {
    if (node.type === 'yaml') {
      segments.push(...frontMatterSegments(text, node, fields, file));
      return;
    }
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const segment = blockSegment(text, node, node.type === 'heading' ? 'heading' : node.type === 'tableCell' ? 'table-cell' : kind);
      if (segment) segments.push(segment);
      return;
    }
    if ('children' in node) {
      const childKind = CONTAINER_KINDS[node.type] ?? kind;
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

function blockSegment(text: string, node: Nodes, kind: SegmentKind): SourceSegment | undefined {
  if (!('children' in node) || node.children.length === 0) return undefined;
  const first = node.children[0]?.position?.start.offset;
  const last = node.children[node.children.length - 1]?.position?.end.offset;
  if (first === undefined || last === undefined || last <= first) return undefined;

  const { segmentText, lineStarts, linePrefixes } = stripContainerPrefixes(text, first, last);
  const spans = collectProtectedSpans(node.children, text).map((span) => toSegmentSpan(span, lineStarts));
  if (!hasTranslatableText(segmentText, spans)) return undefined;

  const { line, column } = positionOf(text, first);
  const isAtx = node.type === 'heading' && text[node.position?.start.offset ?? 0] === '#';
  return {
    kind,
    text: segmentText,
    protectedSpans: spans,
    hash: hashSource(segmentText),
    line,
    column,
    span: {
      type: 'markdown',
      start: first,
      end: last,
      linePrefixes,
      singleLine: isAtx || node.type === 'tableCell',
      inTable: node.type === 'tableCell',
      atBlockStart: node.type !== 'tableCell' && !isAtx,
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
  let rest = '';
  let cursor = 0;
  for (const span of spans) {
    rest += text.slice(cursor, span.start);
    cursor = Math.max(cursor, span.end);
  }
  rest += text.slice(cursor);
  return /\p{L}/u.test(rest);
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
