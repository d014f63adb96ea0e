import type { QaContext, QaFinding, TranslatedPair } from '../qa-types.js';
import { languageScripts, scriptPattern } from './language-scripts.js';
import { makeFinding } from './make-finding.js';
import { plainText } from './plain-text.js';

const SHOWN_RUNS = 5;

/**
 * `untranslated`: letters of the source language's script (Han for `zh`) left in the translation's
 * prose. Scripts the target language also uses are not checked, nor is code or a URL.
 */
export function untranslated(pair: TranslatedPair, context: QaContext): QaFinding[] {
  const targetScripts = new Set(languageScripts(context.targetLanguage));
  const scripts = languageScripts(context.sourceLanguage).filter((script) => !targetScripts.has(script));
  const letter = scriptPattern(scripts);
  if (letter === undefined) return [];
  const runs = plainText(pair.translation).match(new RegExp(`${letter.source}+`, 'gu')) ?? [];
  if (runs.length === 0) return [];
  const shown = runs.slice(0, SHOWN_RUNS).map((run) => `"${run}"`).join(', ');
  const more = runs.length > SHOWN_RUNS ? ` and ${runs.length - SHOWN_RUNS} more` : '';
  return [makeFinding('untranslated', pair, `source-script text left in the translation: ${shown}${more}`)];
}
