import type { SlugStyle } from '../dialect/dialect-plugin.js';
import type { SourceSegment } from '../model/types.js';
import { createHeadingSlugger } from './heading-slugs.js';

/** A same-document link whose fragment matches no heading or anchor. */
export interface UnmatchedFragment {
  fragment: string;
  line: number;
}

// `](#fragment` of an inline link or image, and `href="#fragment"` in HTML.
const FRAGMENT_LINK = /(\]\(\s*<?#)([^)\s>]+)|(\bhref=["']#)([^"']+)/g;

/**
 * Points same-document links at the slugs the translated headings get: `[关键结果](#3-关键结果)`
 * becomes `(#3-key-results)` when that heading is translated as "3. Key results". An explicit
 * `{#id}` after a heading is kept and wins. Translations without such links are returned as is.
 */
export function rewriteHeadingLinks(
  text: string,
  segments: readonly SourceSegment[],
  translations: readonly (string | undefined)[],
  style: SlugStyle = 'github',
): (string | undefined)[] {
  const anchors = headingAnchors(text, segments, translations, style);
  const changed = [...anchors].some(([from, to]) => from !== to);
  if (!changed) return [...translations];
  return segments.map((segment, index) => {
    const current = translations[index] ?? segment.text;
    const rewritten = current.replace(FRAGMENT_LINK, (whole, open: string | undefined, fragment: string | undefined, hrefOpen: string | undefined, hrefFragment: string | undefined) => {
      const target = anchors.get(decodeFragment(fragment ?? hrefFragment ?? ''));
      return target === undefined ? whole : `${open ?? hrefOpen}${target}`;
    });
    return rewritten === current ? translations[index] : rewritten;
  });
}

/** Same-document link fragments in the source that match no heading slug, explicit id or HTML anchor. */
export function unmatchedFragments(text: string, segments: readonly SourceSegment[], style: SlugStyle = 'github'): UnmatchedFragment[] {
  const anchors = headingAnchors(text, segments, [], style);
  const htmlIds = new Set([...text.matchAll(/\b(?:id|name)=["']([^"']+)["']/g)].map((m) => m[1]));
  const found: UnmatchedFragment[] = [];
  for (const segment of segments) {
    for (const match of segment.text.matchAll(FRAGMENT_LINK)) {
      const fragment = decodeFragment(match[2] ?? match[4] ?? '');
      if (fragment === '' || anchors.has(fragment) || htmlIds.has(fragment)) continue;
      found.push({ fragment, line: segment.line + (segment.text.slice(0, match.index).match(/\n/g)?.length ?? 0) });
    }
  }
  return found;
}

/** Source fragment id → the id the same heading has in the translation. */
function headingAnchors(text: string, segments: readonly SourceSegment[], translations: readonly (string | undefined)[], style: SlugStyle): Map<string, string> {
  const source = createHeadingSlugger(style);
  const target = createHeadingSlugger(style);
  const anchors = new Map<string, string>();
  segments.forEach((segment, index) => {
    if (segment.kind !== 'heading') return;
    const explicit = /^[ \t]*\{#([^\s{}]+)\}/.exec(text.slice(segment.span.end))?.[1];
    const from = source.slug(segment.text);
    const to = target.slug(translations[index] ?? segment.text);
    if (explicit !== undefined) anchors.set(explicit, explicit);
    else if (!anchors.has(from)) anchors.set(from, to);
  });
  return anchors;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
