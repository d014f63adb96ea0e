import type { QaContext, QaFinding, TranslatedPair } from '../qa-types.js';
import { languageScripts, scriptPattern } from './language-scripts.js';
import { makeFinding } from './make-finding.js';

/**
 * `identical`: the translation equals the source (ignoring whitespace) although the source has
 * letters of its own script, so it was not left alone merely for being a name, number or code.
 */
export function identical(pair: TranslatedPair, context: QaContext): QaFinding[] {
  const source = pair.source.replace(/\s+/g, '');
  if (source === '' || source !== pair.translation.replace(/\s+/g, '')) return [];
  const letters = scriptPattern(languageScripts(context.sourceLanguage)) ?? /\p{L}/u;
  if (!letters.test(source)) return [];
  const preview = [...pair.source.trim()].slice(0, 40).join('');
  const ellipsis = preview.length < pair.source.trim().length ? '…' : '';
  return [makeFinding('identical', pair, `the translation is the source text unchanged: "${preview}${ellipsis}"`)];
}
