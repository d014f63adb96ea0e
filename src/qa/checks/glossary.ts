import type { QaContext, QaFinding, TranslatedPair } from '../qa-types.js';
import { makeFinding } from './make-finding.js';
import { plainText } from './plain-text.js';

// Scripts written with spaces between words, where a term must start at a word start.
const SPACED_SCRIPT = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]/u;

/**
 * `glossary`: a glossary term occurs in the source but neither its target nor any variant occurs
 * in the translation. Case-insensitive; Latin-script terms match only at a word start.
 */
export function glossary(pair: TranslatedPair, context: QaContext): QaFinding[] {
  if (context.glossary.length === 0) return [];
  const source = plainText(pair.source);
  const translation = plainText(pair.translation);
  const findings: QaFinding[] = [];
  for (const entry of context.glossary) {
    if (!containsTerm(source, entry.source)) continue;
    const accepted = [entry.target, ...(entry.variants ?? [])];
    if (accepted.some((term) => containsTerm(translation, term))) continue;
    const wanted = accepted.map((term) => `"${term}"`).join(' or ');
    const message = `glossary term "${entry.source}" is in the source but the translation has no ${wanted}`;
    findings.push(makeFinding('glossary', pair, message));
  }
  return findings;
}

// A glossary is checked against every pair: each term's pattern is built once.
const patterns = new Map<string, RegExp | null>();

/** Whether `term` occurs in `text`, ignoring case and how the whitespace inside the term is written. */
export function containsTerm(text: string, term: string): boolean {
  let pattern = patterns.get(term);
  if (pattern === undefined) {
    pattern = termPattern(term);
    if (patterns.size < 4_096) patterns.set(term, pattern);
  }
  return pattern !== null && pattern.test(text);
}

function termPattern(term: string): RegExp | null {
  const words = term.trim().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return null;
  const body = words.map(escapeRegExp).join('\\s+');
  const start = SPACED_SCRIPT.test(term.trim()) ? '(?<![\\p{L}\\p{N}])' : '';
  return new RegExp(`${start}${body}`, 'iu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
