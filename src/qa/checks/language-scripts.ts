// Unicode script names (as in `\p{Script=...}`) each language is written in.
const SCRIPTS: Readonly<Record<string, readonly string[]>> = {
  zh: ['Han'],
  ja: ['Han', 'Hiragana', 'Katakana'],
  ko: ['Hangul'],
  ru: ['Cyrillic'],
  uk: ['Cyrillic'],
  bg: ['Cyrillic'],
  sr: ['Cyrillic'],
  el: ['Greek'],
  ar: ['Arabic'],
  fa: ['Arabic'],
  he: ['Hebrew'],
  hi: ['Devanagari'],
  th: ['Thai'],
  en: ['Latin'],
  fr: ['Latin'],
  de: ['Latin'],
  es: ['Latin'],
  it: ['Latin'],
  pt: ['Latin'],
  nl: ['Latin'],
  pl: ['Latin'],
  tr: ['Latin'],
  vi: ['Latin'],
  id: ['Latin'],
};

/** The scripts a language is written in (`zh-Hans` → `Han`); empty when the language is unknown. */
export function languageScripts(language: string): readonly string[] {
  const base = language.toLowerCase().split(/[-_]/)[0] ?? '';
  return SCRIPTS[base] ?? [];
}

/** A pattern matching one letter of any of `scripts`, or undefined when `scripts` is empty. */
export function scriptPattern(scripts: readonly string[], flags = 'u'): RegExp | undefined {
  if (scripts.length === 0) return undefined;
  return new RegExp(`[${scripts.map((script) => `\\p{Script=${script}}`).join('')}]`, flags);
}
