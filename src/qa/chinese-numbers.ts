import type { NumberMention } from './qa-types.js';
import { memoByText } from './memo-by-text.js';
import { findArabicNumbers } from './checks/arabic-numbers.js';

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

const NUMERAL_RUN = /[零〇一二两三四五六七八九十百千万亿]+/g;
const PERCENT = /百分之([零〇一二两三四五六七八九十百千万]+(?:点[零〇一二三四五六七八九]+)?)/g;
// A numeral only starts at a digit or 十: 千万 ("by all means"), 万一 ("in case"), 上百, 数千 and
// 成千上万 are idioms or vague amounts, never a number a translation must repeat.
const LEAD = /[零〇一二两三四五六七八九十]/;
const RANGE = /^([一二两三四五六七八])([二两三四五六七八九])([十百千万亿]*)$/;

/**
 * Words that contain numerals but are not quantities. Only their numeral characters matter, and
 * only when no numeral precedes them (二十分 is "twenty points", 十分 is "very").
 */
const IDIOMS = new RegExp(
  [
    '十分(?!钟)', '十足', '十字', '十全十美', '十有八九', '万一', '千万', '一一', '一些', '三思', '再三',
    '三番五次', '三心二意', '三言两语', '三三两两', '三天两头', '三天打鱼', '接二连三', '不三不四',
    '五花八门', '乱七八糟', '七上八下', '七嘴八舌', '四面八方', '四分五裂', '一五一十', '一举两得',
    '独一无二', '数一数二', '略知一二', '半斤八两', '两码事', '八字', '百分之百', '九死一生',
  ].join('|'),
  'g',
);

/**
 * Measure words and units: a bare digit such as 三 or 两 only counts as a number when one follows
 * (三个, 两年, 五分钟), because single numerals also occur inside ordinary words.
 */
const MEASURE_WORDS = [
  '小时', '分钟', '星期', '世纪', '美元', '季度', '方面', '百分点',
  '个', '年', '月', '天', '日', '次', '种', '位', '名', '倍', '岁', '周', '秒', '万', '亿', '%', '％',
  '项', '条', '件', '本', '篇', '章', '节', '页', '行', '步', '层', '张', '台', '部', '家', '只', '块',
  '元', '人', '届', '代', '点', '度', '米', '克', '字', '段', '句', '轮', '遍', '场', '份', '批', '组',
  '类', '级', '期', '集', '季', '门', '首', '题', '道', '封', '号', '枚', '颗',
];

/**
 * The value of one Chinese numeral: `三十` → 30, `两千零二十七` → 2027, `二〇二七` → 2027,
 * `3万` → 30000, `三点五` → 3.5. Undefined when `numeral` is not a well-formed number.
 */
export function parseChineseNumeral(numeral: string): number | undefined {
  const arabic = /^([0-9][0-9,]*(?:\.[0-9]+)?)([百千万亿]*)$/.exec(numeral);
  if (arabic?.[1] !== undefined) {
    return Number(arabic[1].replaceAll(',', '')) * unitProduct(arabic[2] ?? '');
  }
  const [whole = '', fraction, extra] = numeral.split('点');
  if (extra !== undefined) return undefined;
  const integer = parseInteger(whole);
  if (fraction === undefined || integer === undefined) return integer;
  const fractionDigits = readDigitByDigit(fraction);
  return fractionDigits === undefined ? undefined : Number(`${integer}.${fractionDigits}`);
}

/**
 * Numbers used as quantities in Chinese text: Arabic numbers (with 万/亿 multipliers), compound
 * numerals (三十, 一百万), digit strings (二〇二七), ranges (两三年 → 2 and 3), 百分之N, and bare
 * digits followed by a measure word or preceded by 第. Idioms such as 一些 or 十分 yield nothing.
 * Answers are kept per text and shared (QA and the review page ask about the same texts): never change them.
 */
export const findChineseNumbers: (text: string) => readonly NumberMention[] = memoByText(scanChineseNumbers);

function scanChineseNumbers(text: string): NumberMention[] {
  const masked = new Array<boolean>(text.length).fill(false);
  const mentions: NumberMention[] = [];

  for (const match of text.matchAll(IDIOMS)) {
    if (!isNumeralChar(text[match.index - 1])) mask(masked, match.index, match.index + match[0].length);
  }
  for (const match of text.matchAll(PERCENT)) {
    const end = match.index + match[0].length;
    if (masked[match.index] !== true) {
      const value = parseChineseNumeral(match[1] ?? '');
      if (value !== undefined) {
        mentions.push({ value, text: match[0], start: match.index, end, form: 'words' });
      }
    }
    mask(masked, match.index, end);
  }
  for (const mention of findArabicNumbers(text)) {
    const units = /^[百千万亿]+/.exec(text.slice(mention.end))?.[0] ?? '';
    const end = mention.end + units.length;
    mentions.push({ ...mention, value: mention.value * unitProduct(units), text: text.slice(mention.start, end), end });
  }
  let consumed = 0;
  for (const match of text.matchAll(NUMERAL_RUN)) {
    const lead = match[0].search(LEAD);
    const start = match.index + lead;
    const end = match.index + match[0].length;
    // A run already read as the decimal part of the previous one (三点五).
    if (lead < 0 || start < consumed || masked.slice(start, end).includes(true)) continue;
    const found = readRun(text, start, end);
    consumed = Math.max(consumed, ...found.map((mention) => mention.end));
    mentions.push(...found);
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** The quantities one run of numeral characters stands for, given what surrounds it. */
function readRun(text: string, start: number, runEnd: number): NumberMention[] {
  let end = runEnd;
  const run = text.slice(start, runEnd);
  const before = text[start - 1];
  // 几十 / 数十 / 十几 are vague amounts ("dozens", "a dozen or so").
  if (before === '几' || before === '数' || (run === '十' && text[runEnd] === '几')) return [];

  const decimal = /^点([零〇一二三四五六七八九]+)/.exec(text.slice(runEnd));
  if (decimal !== null) end += decimal[0].length;
  const followedByMeasure = startsWithMeasureWord(text.slice(end).replace(/^[多余来]/, ''));
  const mention = (value: number): NumberMention => ({ value, text: text.slice(start, end), start, end, form: 'words' });

  const range = decimal === null ? RANGE.exec(run) : null;
  if (range !== null) {
    const low = DIGITS[range[1] ?? ''] ?? 0;
    const high = DIGITS[range[2] ?? ''] ?? 0;
    const unit = unitProduct(range[3] ?? '');
    const isRange = high === low + 1 || (low === 1 && high === 2);
    return isRange && (unit > 1 || followedByMeasure) ? [mention(low * unit), mention(high * unit)] : [];
  }

  const value = parseChineseNumeral(text.slice(start, end));
  if (value === undefined) return [];
  const isCompound = decimal !== null || (run.length > 1 && /[十百千万亿]/.test(run));
  const isDigitString = run.length > 2 || (run.length === 2 && /[零〇]/.test(run));
  return isCompound || isDigitString || followedByMeasure || before === '第' ? [mention(value)] : [];
}

/** An integer numeral, with or without unit characters. */
function parseInteger(numeral: string): number | undefined {
  if (numeral === '') return undefined;
  if ([...numeral].every((char) => char in DIGITS)) {
    return numeral.length === 1 ? DIGITS[numeral] : Number(readDigitByDigit(numeral));
  }
  for (const unit of ['亿', '万'] as const) {
    const at = numeral.lastIndexOf(unit);
    if (at < 0) continue;
    const scale = LARGE_UNITS[unit] ?? 1;
    const high = at === 0 ? 1 : parseInteger(numeral.slice(0, at));
    const lowText = numeral.slice(at + 1);
    // 三万五 is 35,000: a lone digit after a unit counts in the next unit down.
    const low =
      lowText.length === 1 && (DIGITS[lowText] ?? 0) > 0
        ? (DIGITS[lowText] ?? 0) * (scale / 10)
        : lowText === ''
          ? 0
          : parseInteger(lowText);
    return high === undefined || low === undefined ? undefined : high * scale + low;
  }
  return parseSection(numeral);
}

/** A numeral below 10,000 made of digits and 十/百/千. */
function parseSection(numeral: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  let lastUnit = 10_000;
  let afterZero = false;
  for (const char of numeral) {
    const unit = SMALL_UNITS[char];
    if (unit === undefined) {
      const value = DIGITS[char];
      if (value === undefined || digit !== undefined) return undefined;
      if (value === 0) afterZero = true;
      else digit = value;
      continue;
    }
    if (unit >= lastUnit) return undefined;
    total += (digit ?? 1) * unit;
    digit = undefined;
    lastUnit = unit;
    afterZero = false;
  }
  if (digit === undefined) return total;
  // 一千二 is 1,200 and 三百五 is 350; 一百零五 is 105.
  const colloquial = !afterZero && lastUnit >= 100 && lastUnit < 10_000;
  return total + (colloquial ? digit * (lastUnit / 10) : digit);
}

function readDigitByDigit(digits: string): string | undefined {
  let out = '';
  for (const char of digits) {
    const value = DIGITS[char];
    if (value === undefined) return undefined;
    out += String(value);
  }
  return out;
}

function unitProduct(units: string): number {
  let product = 1;
  for (const char of units) product *= SMALL_UNITS[char] ?? LARGE_UNITS[char] ?? 1;
  return product;
}

function startsWithMeasureWord(text: string): boolean {
  return MEASURE_WORDS.some((word) => text.startsWith(word));
}

function isNumeralChar(char: string | undefined): boolean {
  return char !== undefined && /[0-9０-９零〇一二两三四五六七八九十百千万亿]/.test(char);
}

function mask(masked: boolean[], start: number, end: number): void {
  masked.fill(true, start, end);
}
