import type { Translator, TranslationRequest, TranslationResponse } from '../translator.js';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;
const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';

// Full-width punctuation has a natural ASCII counterpart; mapping it keeps the pseudo output
// readable and free of source-script characters.
const PUNCTUATION: Record<string, string> = {
  '，': ', ', '。': '. ', '！': '! ', '？': '? ', '：': ': ', '；': '; ', '、': ', ',
  '（': ' (', '）': ') ', '“': ' "', '”': '" ', '‘': " '", '’': "' ", '《': ' "', '》': '" ',
  '—': '-', '…': '...', '·': '-', '【': ' [', '】': '] ',
};

/** A made-up syllable for a Han character: stable, pronounceable, obviously not English. */
function syllable(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `${CONSONANTS[code % CONSONANTS.length]}${VOWELS[(code >> 4) % VOWELS.length]}`;
}

/** Replaces every run of Han characters with pseudo words; everything else is kept. */
export function pseudoTranslateText(text: string): string {
  let out = '';
  let word = '';
  const flush = (): void => {
    if (word) {
      out += (out && !/[\s([*_"'`]$/u.test(out) ? ' ' : '') + word;
      word = '';
    }
  };
  for (const char of text) {
    if (HAN.test(char)) {
      word += syllable(char);
      if (word.length >= 6) flush();
    } else {
      flush();
      const mapped = PUNCTUATION[char];
      out += mapped ?? char;
    }
  }
  flush();
  // Mapping punctuation can double spaces or leave them at the ends; tidy without touching
  // line structure.
  const tidy = out.replace(/[ \t]{2,}/g, ' ').replace(/ +\n/g, '\n').replace(/\n +/g, '\n').trim();
  return `⟪${tidy}⟫`;
}

/** Offline, deterministic translator for demos and tests: `⟪...⟫` marks text no person wrote. */
export function createPseudoTranslator(): Translator {
  return {
    name: 'pseudo',
    limits: { maxSegmentsPerRequest: 50, maxCharactersPerRequest: 20_000 },
    async translate(request: TranslationRequest): Promise<TranslationResponse> {
      const translations = request.segments.map((segment) => ({
        id: segment.id,
        text: pseudoTranslateText(segment.text),
      }));
      const characters = request.segments.reduce((sum, s) => sum + s.text.length, 0);
      return { translations, usage: { characters } };
    },
  };
}
