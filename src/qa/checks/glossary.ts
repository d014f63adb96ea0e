import type { QaContext, QaFinding, TranslatedPair } from '../qa-types.js';
import { makeFinding } from './make-finding.js';
import { plainText } from './plain-text.js';
import { containsTerm } from '../glossary-term.js';

/**
 * `glossary`: a glossary term occurs in the source but neither its target nor any variant occurs
 * in the translation. Case-insensitive; Latin-script terms match only at a word start.
 */
export function glossary(pair: TranslatedPair, context: QaContext): QaFinding[] {
  if (context.glossary.length === 0) return [];
  const source = plainText(pair.source);
  const translation = plainText(pair.translation);
  const lowerSource = source.toLowerCase();
  const lowerTranslation = translation.toLowerCase();
  const findings: QaFinding[] = [];
  for (const entry of context.glossary) {
    if (!containsTerm(source, entry.source, lowerSource)) continue;
    const accepted = [entry.target, ...(entry.variants ?? [])];
    if (accepted.some((term) => containsTerm(translation, term, lowerTranslation))) continue;
    const wanted = accepted.map((term) => `"${term}"`).join(' or ');
    const message = `glossary term "${entry.source}" is in the source but the translation has no ${wanted}`;
    findings.push(makeFinding('glossary', pair, message));
  }
  return findings;
}
