import type { LanguageCode, ProtectedSpan } from '../model/types.js';
import { languageScripts, scriptPattern } from '../qa/checks/language-scripts.js';
import { proseOutsideSpans } from '../segment/prose-outside-spans.js';

/** The origin recorded for a segment copied unchanged because it is already in the target language. */
export const COPY_ORIGIN = 'copy';

/**
 * Whether a segment is already in the target language, judged by script: its translatable text
 * (protected spans cut out) has letters of the target's script and none of the source's. Only
 * decidable when the two languages are written in different scripts (zh → en, not de → en).
 */
export function isAlreadyInTarget(text: string, spans: readonly ProtectedSpan[], from: LanguageCode, to: LanguageCode): boolean {
  const targetScripts = languageScripts(to);
  const sourceScripts = languageScripts(from).filter((script) => !targetScripts.includes(script));
  const sourceLetter = scriptPattern(sourceScripts);
  const targetLetter = scriptPattern(targetScripts);
  if (!sourceLetter || !targetLetter || sourceScripts.length !== languageScripts(from).length) return false;
  const prose = proseOutsideSpans(text, spans);
  return targetLetter.test(prose) && !sourceLetter.test(prose);
}
