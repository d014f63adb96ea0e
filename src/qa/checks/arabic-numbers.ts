import type { NumberMention } from '../qa-types.js';

// Thousands separators only count in groups of three, so a list such as `1,2,3` stays three numbers.
const ARABIC_NUMBER = /(?<!\d)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/g;

/** Arabic-digit numbers in `text` (decimals, thousands separators, fullwidth digits), in order. */
export function findArabicNumbers(text: string): NumberMention[] {
  const normalised = toAsciiDigits(text);
  const mentions: NumberMention[] = [];
  for (const match of normalised.matchAll(ARABIC_NUMBER)) {
    const start = match.index;
    const end = start + match[0].length;
    mentions.push({
      value: Number(match[0].replaceAll(',', '')),
      text: text.slice(start, end),
      start,
      end,
      form: 'digits',
    });
  }
  return mentions;
}

// Fullwidth digits become ASCII ones; offsets are unchanged.
function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}
