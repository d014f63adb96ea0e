import { decodeSource } from '../../src/parse/decode-source.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { renderTarget } from '../../src/render/render-target.js';
import { maskProtected, unmaskTranslation } from '../../src/segment/mask-protected.js';
import { segmentDocument } from '../../src/segment/segment-document.js';

/**
 * Runs a whole document through the public pipeline: parse, segment, mask, `translate` each
 * wire text, unmask, render. Throws when a translation loses a placeholder.
 */
export function translateMarkdown(markdown: string, translate: (wire: string) => string): string {
  const source = decodeSource(Buffer.from(markdown), 'example.md');
  const segments = segmentDocument(source.text, parseMarkdown(source.text));
  const translations = segments.map((segment) => {
    const masked = maskProtected(segment.text, segment.protectedSpans);
    const unmasked = unmaskTranslation(translate(masked.wire), masked.tokens);
    if ('problem' in unmasked) throw new Error(unmasked.problem);
    return unmasked.text;
  });
  return renderTarget(source, segments, translations);
}

/**
 * A translator that changes every ASCII letter (rot13) and keeps everything else: placeholders,
 * Markdown markers, and character references such as `&amp;` (whose letters are markup).
 */
export function rot13Letters(wire: string): string {
  return wire.replace(/&(?:#[xX][0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]*);|[A-Za-z]/g, (m) => {
    if (m.length > 1) return m;
    const base = m <= 'Z' ? 65 : 97;
    return String.fromCharCode(((m.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/**
 * The tag structure of rendered HTML: tag names and nesting in order, `href` and `src`
 * attributes, and the text inside `<code>`; other text and attributes are dropped.
 */
export function tagStructure(html: string): string[] {
  const out: string[] = [];
  let inCode = 0;
  for (const match of html.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>|([^<]+)/g)) {
    const [, close, name, attributes, text] = match;
    if (text !== undefined) {
      if (inCode > 0) out.push(`text:${text}`);
      continue;
    }
    const tag = (name ?? '').toLowerCase();
    if (tag === 'code') inCode += close ? -1 : 1;
    const kept = [...(attributes ?? '').matchAll(/\s(href|src)="([^"]*)"/g)].map((a) => `${a[1]}=${a[2]}`);
    out.push(`${close}${tag}${kept.length ? ` ${kept.join(' ')}` : ''}`);
  }
  return out;
}

/** A translator that replaces every run of Han characters with `en`, keeping everything else. */
export function hanToEnglish(wire: string): string {
  return wire.replace(/[\u3400-\u9fff]+/g, 'en');
}
