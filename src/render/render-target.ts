import type { SourceSegment } from '../model/types.js';
import type { DecodedSource } from '../parse/decode-source.js';
import { encodeLikeSource } from '../parse/decode-source.js';
import { formatTranslation } from './format-translation.js';
import { rewriteHeadingLinks } from './rewrite-heading-links.js';
import type { SlugStyle } from '../dialect/dialect-plugin.js';

/**
 * Builds the target document from the source's own bytes: only translated spans are replaced,
 * everything else (code, URLs, HTML, front-matter keys, line endings, BOM) is copied unchanged.
 * `translations[i]` belongs to `segments[i]`; undefined keeps the source text. Links into the
 * document follow its translated headings (`slugStyle`: the site's slug rules).
 */
export function renderTarget(source: DecodedSource, segments: readonly SourceSegment[], translations: readonly (string | undefined)[], slugStyle: SlugStyle = 'github'): string {
  const linked = rewriteHeadingLinks(source.text, segments, translations, slugStyle);
  const replacements = segments
    .map((segment, index) => ({ segment, translation: linked[index] }))
    .filter((r): r is { segment: SourceSegment; translation: string } => r.translation !== undefined)
    .sort((a, b) => b.segment.span.start - a.segment.span.start);

  let text = source.text;
  for (const { segment, translation } of replacements) {
    const { start, end } = segment.span;
    const original = text.slice(start, end);
    // An unchanged front-matter value keeps its exact bytes (quoting, folding).
    const bytes =
      segment.span.type === 'yaml-scalar' && translation === segment.text
        ? original
        : formatTranslation(translation, segment.span, original, source.eol);
    text = text.slice(0, start) + bytes + text.slice(end);
  }
  return encodeLikeSource(text, source);
}
