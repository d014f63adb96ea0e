import type { InlineText, Placeholder } from './exchange-types.js';

const TOKEN = /⟦(\d+)⟧/g;

/** Splits masked text (`⟦n⟧` tokens) into text runs and placeholders carrying their originals. */
export function toInlineText(wire: string, originals: ReadonlyMap<number, string>): InlineText {
  const parts: InlineText = [];
  let cursor = 0;
  for (const match of wire.matchAll(TOKEN)) {
    const n = Number(match[1]);
    const original = originals.get(n);
    if (original === undefined) continue;
    if (match.index > cursor) parts.push(wire.slice(cursor, match.index));
    parts.push({ n, original });
    cursor = match.index + match[0].length;
  }
  if (cursor < wire.length) parts.push(wire.slice(cursor));
  return parts;
}

/** The masked text of inline parts: placeholders become their `⟦n⟧` token again. */
export function toWire(parts: InlineText): string {
  return parts.map((part) => (typeof part === 'string' ? part : placeholderToken(part))).join('');
}

/** The `⟦n⟧` token of a placeholder. */
export function placeholderToken(placeholder: Pick<Placeholder, 'n'>): string {
  return `⟦${placeholder.n}⟧`;
}

/** The placeholders of a unit's source, by number. */
export function placeholdersOf(parts: InlineText): Placeholder[] {
  return parts.filter((part): part is Placeholder => typeof part !== 'string');
}

/**
 * Masks a translation (or an older source) with the current source's tokens: each original is
 * replaced once, so the translator's tool shows the same placeholders in source and target.
 */
export function maskLikeSource(text: string, tokens: readonly { token: string; original: string }[]): string {
  let out = text;
  for (const { token, original } of tokens) {
    if (original.length === 0) continue;
    const at = out.indexOf(original);
    if (at >= 0) out = out.slice(0, at) + token + out.slice(at + original.length);
  }
  return out;
}
