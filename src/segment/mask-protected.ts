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

/** Puts the protected parts back; reports a token that is missing, repeated or unknown. */
export function unmaskTranslation(wire: string, tokens: readonly MaskToken[]): { text: string } | { problem: string } {
  for (const { token } of tokens) {
    const count = wire.split(token).length - 1;
    if (count !== 1) {
      return { problem: count === 0 ? `placeholder ${token} is missing` : `placeholder ${token} appears ${count} times` };
    }
  }
  const known = new Set(tokens.map((t) => t.token));
  const stray = (wire.match(/⟦\d+⟧/g) ?? []).find((t) => !known.has(t));
  if (stray) return { problem: `unknown placeholder ${stray}` };

  let text = wire;
  for (const entry of tokens) {
    const at = text.indexOf(entry.token);
    let replacement = entry.original;
    if (entry.reference && bracketedTextBefore(text.slice(0, at)) !== entry.reference.bracketedText) {
      replacement = entry.reference.label;
    }
    text = text.slice(0, at) + replacement + text.slice(at + entry.token.length);
  }
  return { text };
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
