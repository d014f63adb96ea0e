import type { QaCheck, QaContext, QaFinding, QaOptions, QaPair, TranslatedPair } from './qa-types.js';
import { brackets } from './checks/brackets.js';
import { empty } from './checks/empty.js';
import { glossary } from './checks/glossary.js';
import { identical } from './checks/identical.js';
import { inlineStructure } from './checks/inline-structure.js';
import { lengthRatio, medianLengthRatio } from './checks/length-ratio.js';
import { numbers } from './checks/numbers.js';
import { untranslated } from './checks/untranslated.js';
import { whitespace } from './checks/whitespace.js';

// Run first: when one of these fires, the others would only restate it (a missing number, a
// missing bold span, Han characters left...), so it is the only finding for the pair.
const GATE_CHECKS: readonly QaCheck[] = [empty, identical];
const CHECKS: readonly QaCheck[] = [inlineStructure, numbers, untranslated, glossary, lengthRatio, brackets, whitespace];

/**
 * Runs every QA check on every pair that has a translation (missing translations are the status
 * command's business) and drops the findings a reviewer marked as intended in `allowedFindings`.
 */
export function checkPairs(pairs: QaPair[], options: QaOptions): QaFinding[] {
  const context: QaContext = {
    glossary: options.glossary ?? [],
    sourceLanguage: options.sourceLanguage,
    targetLanguage: options.targetLanguage,
    medianLengthRatio: medianLengthRatio(pairs),
  };
  return pairs.flatMap((pair) => {
    const { translation } = pair;
    if (typeof translation !== 'string') return [];
    const allowed = new Set(pair.allowedFindings ?? []);
    return checkPair({ ...pair, translation }, context).filter((finding) => !allowed.has(finding.check));
  });
}

function checkPair(pair: TranslatedPair, context: QaContext): QaFinding[] {
  for (const check of GATE_CHECKS) {
    const findings = check(pair, context);
    if (findings.length > 0) return findings;
  }
  return CHECKS.flatMap((check) => check(pair, context));
}
