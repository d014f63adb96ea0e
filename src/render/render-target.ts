import type { Root } from 'mdast';
import type { SourceSegment } from '../model/types.js';
import type { DecodedSource } from '../parse/decode-source.js';
import { encodeLikeSource } from '../parse/decode-source.js';
import { createBlockContexts } from './block-contexts.js';
import { formatTranslation } from './format-translation.js';
import { rewriteHeadingLinks } from './rewrite-heading-links.js';
import type { SlugStyle } from '../dialect/dialect-plugin.js';

/** How to render: the site's slug rules, and the source's parse if the caller has it. */
export interface RenderOptions {
  slugStyle?: SlugStyle;
  tree?: Root;
}

/**
 * Builds the target document from the source's own bytes: only translated spans are replaced,
 * everything else (code, URLs, HTML, front-matter keys, line endings, BOM) is copied unchanged.
 * `translations[i]` belongs to `segments[i]`; undefined keeps the source text. Links into the
 * document follow its translated headings (`slugStyle`: the site's slug rules). `tree`, the
 * source's parse when the caller has it, saves parsing it again to check a line start.
 */
export function renderTarget(source: DecodedSource, segments: readonly SourceSegment[], translations: readonly (string | undefined)[], options: RenderOptions = {}): string {
  const linked = rewriteHeadingLinks(source.text, segments, translations, options.slugStyle ?? 'github');
  const order = segments.map((_, index) => index).filter((index) => linked[index] !== undefined);
  order.sort((a, b) => (segments[a]?.span.start ?? 0) - (segments[b]?.span.start ?? 0));

  const text = source.text;
  const contexts = createBlockContexts(text, options.tree);
  // Pieces joined once at the end: linear in the document, however many segments it has.
  const pieces: string[] = [];
  let cursor = 0;
  for (const index of order) {
    const segment = segments[index] as SourceSegment;
    const translation = linked[index] as string;
    const { start, end } = segment.span;
    if (start < cursor) continue;
    const original = text.slice(start, end);
    pieces.push(text.slice(cursor, start));
    // An unchanged front-matter value keeps its exact bytes (quoting, folding).
    const unchangedYaml = segment.span.type === 'yaml-scalar' && translation === segment.text;
    pieces.push(unchangedYaml ? original : formatTranslation(translation, segment.span, original, source.eol, contexts));
    cursor = end;
  }
  pieces.push(text.slice(cursor));
  return encodeLikeSource(pieces.join(''), source);
}
