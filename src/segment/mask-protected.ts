import type { ProtectedSpan } from '../model/types.js';

/** A placeholder standing for a protected part of a segment while it is being translated. */
export interface MaskToken {
  token: string;
  original: string;
  /** For `[text]` references: the bracketed text before the token, and the label to write if it changed. */
  reference?: { bracketedText: string; label: string };
}

/** A segment as sent to a translator: protected parts replaced by `⟦n⟧` tokens. */
export interface MaskedText {
  wire: string;
  tokens: MaskToken[];
}

/** Replaces protected spans with numbered tokens the translator must carry through unchanged. */
export function maskProtected(text: string, spans: readonly ProtectedSpan[]): MaskedText {
  let wire = '';
  let cursor = 0;
  const tokens: MaskToken[] = [];
  for (const span of spans) {
    if (span.start < cursor) continue;
    wire += text.slice(cursor, span.start);
    const token = `⟦${tokens.length + 1}⟧`;
    const entry: MaskToken = { token, original: text.slice(span.start, span.end) };
    if (span.labelIfTextChanges !== undefined) {
      entry.reference = { bracketedText: bracketedTextBefore(wire), label: span.labelIfTextChanges };
    }
    tokens.push(entry);
    wire += token;
    cursor = span.end;
  }
  wire += text.slice(cursor);
  return { wire, tokens };
}

/** Puts the protected parts back; reports a token that is missing, repeated or unknown. Linear in the text. */
export function unmaskTranslation(wire: string, tokens: readonly MaskToken[]): { text: string } | { problem: string } {
  const byToken = new Map(tokens.map((entry) => [entry.token, entry]));
  const counts = new Map<string, number>();
  const found: { index: number; entry: MaskToken }[] = [];
  let stray: string | undefined;
  for (const match of wire.matchAll(/⟦\d+⟧/g)) {
    const entry = byToken.get(match[0]);
    if (!entry) {
      stray ??= match[0];
      continue;
    }
    counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
    found.push({ index: match.index, entry });
  }
  for (const { token } of tokens) {
    const count = counts.get(token) ?? 0;
    if (count !== 1) return { problem: count === 0 ? `placeholder ${token} is missing` : `placeholder ${token} appears ${count} times` };
  }
  if (stray) return { problem: `unknown placeholder ${stray}` };

  const pieces: string[] = [];
  let cursor = 0;
  for (const { index, entry } of found) {
    pieces.push(wire.slice(cursor, index));
    let replacement = entry.original;
    // Compared on the wire, as when masking: placeholders inside the link text stay tokens.
    if (entry.reference && bracketedTextBefore(wire.slice(0, index)) !== entry.reference.bracketedText) replacement = entry.reference.label;
    pieces.push(replacement);
    cursor = index + entry.token.length;
  }
  pieces.push(wire.slice(cursor));
  return { text: pieces.join('') };
}

/** The `[...]` text that ends right before `offset`, or '' when there is none. */
function bracketedTextBefore(text: string): string {
  if (!text.endsWith(']') || isEscaped(text, text.length - 1)) return '';
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (isEscaped(text, i)) continue;
    if (text[i] === ']') depth++;
    else if (text[i] === '[' && --depth === 0) return text.slice(i);
  }
  return '';
}

/** An odd number of backslashes right before `index` escapes the character there. */
function isEscaped(text: string, index: number): boolean {
  let count = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) count++;
  return count % 2 === 1;
}
