import type { Nodes } from 'mdast';
import type { FenceLine, KeptRange, NodeRule } from '../dialect/dialect-plugin.js';
import type { MarkdownSyntax } from '../dialect/markdown-syntax.js';
import { attributeValues, type Range } from './html-runs.js';
import { collectProtectedSpans, type DocumentSpan } from './protected-spans.js';

// Han, kana and Hangul: prose in a `$…$` span means the dollars were not math.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** What segmentation needs while walking one document. */
export interface SegmentWalk {
  text: string;
  rules: Record<string, NodeRule>;
  syntax: MarkdownSyntax;
  kept: KeptRange[];
  fenceLine: ((line: string) => FenceLine | undefined) | undefined;
  attributes: readonly string[];
}

/**
 * Protected spans of a block's inline content: the core ones (code, HTML, URLs...), the syntax of
 * the dialects' inline nodes, their kept ranges, minus `$…$` spans that hold CJK prose.
 */
export function inlineSpans(walk: SegmentWalk, node: Nodes, start: number, end: number): DocumentSpan[] {
  const children = 'children' in node ? (node.children as Nodes[]) : [];
  const removed: Range[] = [];
  const added: DocumentSpan[] = [];
  const visit = (child: Nodes): void => {
    const from = child.position?.start.offset;
    const to = child.position?.end.offset;
    if (from === undefined || to === undefined) return;
    const role = walk.rules[child.type]?.role;
    if (role === 'inline-kept') added.push({ start: from, end: to });
    if (role === 'inline-wrapper') {
      const inner = 'children' in child ? (child.children as Nodes[]) : [];
      const innerStart = inner[0]?.position?.start.offset;
      const innerEnd = inner[inner.length - 1]?.position?.end.offset;
      if (innerStart === undefined || innerEnd === undefined) added.push({ start: from, end: to });
      else added.push({ start: from, end: innerStart }, { start: innerEnd, end: to });
    }
    if (child.type === 'inlineMath' && CJK.test(child.value)) removed.push({ start: from, end: to });
    if (child.type === 'html') {
      const values = attributeValues(walk.text, from, to, walk.attributes);
      if (values.length > 0) {
        removed.push({ start: from, end: to });
        let cursor = from;
        for (const value of values) {
          added.push({ start: cursor, end: value.start });
          cursor = value.end;
        }
        added.push({ start: cursor, end: to });
      }
    }
    if ('children' in child) for (const grandchild of child.children) visit(grandchild as Nodes);
  };
  for (const child of children) visit(child);
  const core = collectProtectedSpans(children, walk.text).filter((s) => !removed.some((r) => r.start === s.start && r.end === s.end));
  const blockKept = walk.syntax.dialects.flatMap((d) => d.blockRanges?.(walk.text, node, start, end) ?? []);
  return mergeSpans([...core, ...added.filter((s) => s.end > s.start), ...blockKept, ...keptWithin(walk.kept, start, end)]);
}

/** The kept ranges that touch `start`..`end`, clipped to it. */
export function keptWithin(kept: readonly KeptRange[], start: number, end: number): DocumentSpan[] {
  return kept.filter((k) => k.end > start && k.start < end).map((k) => ({ start: Math.max(k.start, start), end: Math.min(k.end, end) }));
}

/** Sorts spans and joins those that overlap, so one protected part is one placeholder. */
export function mergeSpans(spans: readonly DocumentSpan[]): DocumentSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: DocumentSpan[] = [];
  for (const span of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && span.start < previous.end) {
      if (span.end > previous.end) {
        previous.end = span.end;
        delete previous.labelIfTextChanges;
      }
      continue;
    }
    merged.push({ ...span });
  }
  return merged;
}
