import type { NumberMention } from './qa-types.js';
import { memoByText } from './memo-by-text.js';
import { findArabicNumbers } from './checks/arabic-numbers.js';

type WordKind = 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'ordinal' | 'standalone';

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
// Maps, not objects: `constructor` or `toString` in a text must not find a value on the prototype.
const SCALES: ReadonlyMap<string, number> = new Map([['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12]]);
const ORDINALS = [
  'zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth',
  'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth',
];
const TENS_ORDINALS = ['twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];
const DECADES = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];
// Words a translator uses for a count without spelling the number (两个 → "both", 两倍 → "twice").
const STANDALONE: ReadonlyMap<string, number> = new Map(Object.entries({
  once: 1, single: 1, both: 2, pair: 2, couple: 2, twice: 2, double: 2, dual: 2, triple: 3, thrice: 3,
  quadruple: 4, dozen: 12, dozens: 12,
}));
// Dates: 5月 is "May". Case-sensitive, so the verb "may" and "march" do not count.
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(MONTHS.map((month, index) => [month, index + 1]));
const SCALE_AFTER_DIGITS = /^(?:\s*(hundred|thousand|million|billion|trillion)s?\b|([kKMBT])\b)/;
const SUFFIX_SCALES: Readonly<Record<string, number>> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

interface WordValue {
  kind: WordKind;
  value: number;
}

/**
 * Numbers in English text: Arabic numbers (`30`, `1,000`, `2.5`, `3 million`, `7B`) as `digits`,
 * and number words as `words`: `thirty-five`, `two hundred and five`, `a million`, `twentieth`,
 * `tenfold`, `twice`, `both`, month names.
 * Answers are kept per text and shared (QA and the review page ask about the same texts): never change them.
 */
export const findEnglishNumbers: (text: string) => readonly NumberMention[] = memoByText(scanEnglishNumbers);

function scanEnglishNumbers(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const mention of findArabicNumbers(text)) {
    const scale = SCALE_AFTER_DIGITS.exec(text.slice(mention.end));
    if (scale === null) {
      mentions.push(mention);
      continue;
    }
    const multiplier = scale[1] !== undefined ? (SCALES.get(scale[1].toLowerCase()) ?? 100) : (SUFFIX_SCALES[scale[2] ?? ''] ?? 1);
    const end = mention.end + scale[0].length;
    mentions.push({ ...mention, value: mention.value * multiplier, text: text.slice(mention.start, end), end });
  }
  return [...mentions, ...findNumberWords(text, mentions)].sort((a, b) => a.start - b.start);
}

/** Number words, grouped into whole numbers (`two hundred and five` is one number, 205). */
function findNumberWords(text: string, digitMentions: NumberMention[]): NumberMention[] {
  // Runs of ASCII letters outside the digit numbers, as offsets: most words are only skipped.
  const starts: number[] = [];
  const ends: number[] = [];
  const pattern = /[A-Za-z]+/g;
  for (let word = pattern.exec(text); word !== null; word = pattern.exec(text)) {
    const at = word.index;
    if (digitMentions.length === 0 || !digitMentions.some((mention) => at >= mention.start && at < mention.end)) {
      starts.push(at);
      ends.push(pattern.lastIndex);
    }
  }
  // Each word is looked up once, not again as the next word of the one before; a word whose first
  // letter starts no number word is not even lowered.
  const values = starts.map((start, k) => (NUMBER_INITIALS.has(String.fromCharCode(text.charCodeAt(start) | 0x20)) ? wordValue(text.slice(start, ends[k]).toLowerCase()) : undefined));
  const mentions: NumberMention[] = [];
  let group: { start: number; end: number; total: number; current: number; last: WordKind | 'and' | 'a' } | undefined;

  const close = (): void => {
    if (group !== undefined && group.last !== 'a' && group.last !== 'and') {
      const { start, end } = group;
      mentions.push({ value: group.total + group.current, text: text.slice(start, end), start, end, form: 'words' });
    }
    group = undefined;
  };

  starts.forEach((start, index) => {
    const value = values[index];
    const first = text.charCodeAt(start);
    // Outside a number, a word that is no number, no article and no month changes nothing; only
    // an `a`/`A` or a capital can start an article or a month.
    if (group === undefined && value === undefined && (first | 0x20) !== 0x61 && !(first >= 0x41 && first <= 0x5a)) return;
    const end = ends[index]!;
    const raw = text.slice(start, end);
    const word = raw.toLowerCase();
    if (group === undefined && value === undefined && word !== 'a' && word !== 'an' && !MONTH_NUMBERS.has(raw)) return;
    // Punctuation between two words ends a number: "one, two" is two numbers.
    if (group !== undefined && index > 0 && !/^[\s-]*$/.test(text.slice(ends[index - 1], start))) {
      close();
    }
    const nextValue = index + 1 < starts.length ? values[index + 1] : wordValue('');

    const month = MONTH_NUMBERS.get(raw);
    if (month !== undefined) {
      close();
      mentions.push({ value: month, text: raw, start, end, form: 'words' });
      return;
    }
    if ((word === 'a' || word === 'an') && group === undefined) {
      if (nextValue?.kind === 'hundred' || nextValue?.kind === 'scale') group = { start, end, total: 0, current: 0, last: 'a' };
      return;
    }
    if (word === 'and' && group !== undefined) {
      const joins = (group.last === 'hundred' || group.last === 'scale') && ['unit', 'teen', 'tens'].includes(nextValue?.kind ?? '');
      if (joins) group.last = 'and';
      else close();
      return;
    }
    if (value === undefined) {
      close();
      return;
    }
    if (value.kind === 'standalone') {
      close();
      mentions.push({ value: value.value, text: raw, start, end, form: 'words' });
      return;
    }
    if (group !== undefined && !follows(group.last, value.kind)) close();
    group ??= { start, end, total: 0, current: 0, last: 'a' };
    group.end = end;
    if (value.kind === 'hundred') group.current = (group.current || 1) * 100;
    else if (value.kind === 'scale') {
      group.total += (group.current || 1) * value.value;
      group.current = 0;
    } else if (value.kind === 'ordinal' && value.value >= 100) group.current = (group.current || 1) * value.value;
    else group.current += value.value;
    group.last = value.kind;
    if (value.kind === 'ordinal') close();
  });
  close();
  return mentions;
}

/** Whether a word of kind `next` continues a number whose last word was of kind `last`. */
function follows(last: WordKind | 'and' | 'a', next: WordKind): boolean {
  switch (next) {
    case 'unit':
    case 'ordinal':
      return ['a', 'tens', 'hundred', 'scale', 'and'].includes(last);
    case 'teen':
    case 'tens':
      return ['a', 'hundred', 'scale', 'and'].includes(last);
    case 'hundred':
      return ['a', 'unit', 'teen'].includes(last);
    case 'scale':
      return last !== 'and';
    case 'standalone':
      return false;
  }
}

// The first letters of every word `lookUpWord` knows: a word starting otherwise is not looked up at all.
const NUMBER_INITIALS = new Set('zotfsenhmbpcdq');

// Every word of every translation is looked up, mostly the same few thousand words.
const wordValues = new Map<string, WordValue>();

/** What a single (lower-case) word is worth; `tenfold` counts as `ten`. */
function wordValue(word: string): WordValue | undefined {
  // One lookup per word: a word known to be no number is stored as NOT_A_NUMBER.
  let value = wordValues.get(word);
  if (value === undefined) {
    value = lookUpWord(word) ?? NOT_A_NUMBER;
    if (wordValues.size < 65_536) wordValues.set(word, value);
  }
  return value === NOT_A_NUMBER ? undefined : value;
}

const NOT_A_NUMBER: WordValue = { kind: 'standalone', value: Number.NaN };

function lookUpWord(word: string): WordValue | undefined {
  const base = word.endsWith('fold') && word.length > 4 ? word.slice(0, -4) : word;
  const singular = base.replace(/s$/, '');
  if (UNITS.includes(base)) return { kind: 'unit', value: UNITS.indexOf(base) };
  if (TEENS.includes(base)) return { kind: 'teen', value: 10 + TEENS.indexOf(base) };
  if (TENS.includes(base)) return { kind: 'tens', value: 20 + 10 * TENS.indexOf(base) };
  if (singular === 'hundred') return { kind: 'hundred', value: 100 };
  const scale = SCALES.get(singular);
  if (scale !== undefined) return { kind: 'scale', value: scale };
  if (ORDINALS.includes(base)) return { kind: 'ordinal', value: ORDINALS.indexOf(base) };
  if (TENS_ORDINALS.includes(base)) return { kind: 'ordinal', value: 20 + 10 * TENS_ORDINALS.indexOf(base) };
  if (base === 'hundredth') return { kind: 'ordinal', value: 100 };
  if (DECADES.includes(base)) return { kind: 'standalone', value: 20 + 10 * DECADES.indexOf(base) };
  const standalone = STANDALONE.get(base);
  return standalone === undefined ? undefined : { kind: 'standalone', value: standalone };
}
