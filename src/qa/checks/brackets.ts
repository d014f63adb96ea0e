import type { QaFinding, TranslatedPair } from '../qa-types.js';
import { makeFinding } from './make-finding.js';

const PAIRS = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['《', '》'],
  ['（', '）'],
  ['【', '】'],
] as const;

interface Balance {
  open: string;
  close: string;
  opened: number;
  closed: number;
  balanced: boolean;
}

/**
 * `brackets`: a kind of bracket or curly quote left unbalanced in the translation, or an odd number
 * of ASCII `"`, when the source is balanced in every kind. Apostrophes (`'`, and `’` inside a
 * word or with no `‘` open) are not quotes.
 */
export function brackets(pair: TranslatedPair): QaFinding[] {
  const sourceBalanced = balances(pair.source).every((balance) => balance.balanced) && quoteCount(pair.source) % 2 === 0;
  if (!sourceBalanced) return [];
  const findings = balances(pair.translation)
    .filter((balance) => !balance.balanced)
    .map(({ open, close, opened, closed }) =>
      makeFinding('brackets', pair, `unbalanced ${open}${close} in the translation: ${opened} opening, ${closed} closing`),
    );
  const quotes = quoteCount(pair.translation);
  if (quotes % 2 === 1) findings.push(makeFinding('brackets', pair, `odd number of " in the translation (${quotes})`));
  return findings;
}

function balances(text: string): Balance[] {
  // Most texts hold one or two kinds of bracket, if any: the others are balanced without a look.
  let chars: string[] | undefined;
  return PAIRS.map(([open, close]) => {
    if (!text.includes(open) && !text.includes(close)) return { open, close, opened: 0, closed: 0, balanced: true };
    chars ??= [...text];
    return balance(chars, open, close);
  });
}

function balance(chars: readonly string[], open: string, close: string): Balance {
  let depth = 0;
  let opened = 0;
  let closed = 0;
  let strayClose = false;
  chars.forEach((char, index) => {
    if (char === open) {
      opened += 1;
      depth += 1;
    } else if (char === close) {
      if (close === '’' && (depth === 0 || isApostrophe(chars, index))) return;
      closed += 1;
      if (depth === 0) strayClose = true;
      else depth -= 1;
    }
  });
  return { open, close, opened, closed, balanced: depth === 0 && !strayClose };
}

function isApostrophe(chars: readonly string[], index: number): boolean {
  const letter = /\p{L}/u;
  return letter.test(chars[index - 1] ?? '') && letter.test(chars[index + 1] ?? '');
}

function quoteCount(text: string): number {
  return text.split('"').length - 1;
}
