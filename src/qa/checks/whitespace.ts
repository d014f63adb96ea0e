import type { QaFinding, TranslatedPair } from '../qa-types.js';
import { makeFinding } from './make-finding.js';

/** `whitespace`: the leading or the trailing whitespace of the translation differs from the source's. */
export function whitespace(pair: TranslatedPair): QaFinding[] {
  const findings: QaFinding[] = [];
  for (const [side, pattern] of [['leading', /^\s*/], ['trailing', /\s*$/]] as const) {
    const source = pattern.exec(pair.source)?.[0] ?? '';
    const translation = pattern.exec(pair.translation)?.[0] ?? '';
    if (source !== translation) {
      const message = `${side} whitespace differs: the source has ${describe(source)}, the translation ${describe(translation)}`;
      findings.push(makeFinding('whitespace', pair, message));
    }
  }
  return findings;
}

function describe(space: string): string {
  return space === '' ? 'none' : JSON.stringify(space);
}
