import type { Translator, TranslationRequest, TranslationResponse } from '../translator.js';

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';

/**
 * Full-width punctuation and its ASCII counterpart, with where a space belongs. The space is
 * only written between words: next to `*`, `_` or `~` it would change whether they open or
 * close emphasis. Brackets map to parentheses so `【…】（…）` can never become a link.
 */
const PUNCTUATION: Record<string, { ascii: string; space: 'before' | 'after' | 'none' }> = {
  '，': { ascii: ',', space: 'after' },
  '。': { ascii: '.', space: 'after' },
  '！': { ascii: '!', space: 'after' },
  '？': { ascii: '?', space: 'after' },
  '：': { ascii: ':', space: 'after' },
  '；': { ascii: ';', space: 'after' },
  '、': { ascii: ',', space: 'after' },
  '（': { ascii: '(', space: 'before' },
  '）': { ascii: ')', space: 'after' },
  '“': { ascii: '"', space: 'before' },
  '”': { ascii: '"', space: 'after' },
  '‘': { ascii: "'", space: 'before' },
  '’': { ascii: "'", space: 'after' },
  '《': { ascii: '"', space: 'before' },
  '》': { ascii: '"', space: 'after' },
  '【': { ascii: '(', space: 'before' },
  '】': { ascii: ')', space: 'after' },
  '—': { ascii: '-', space: 'none' },
  '…': { ascii: '...', space: 'none' },
  '·': { ascii: '-', space: 'none' },
};

function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** A letter or digit, of any script: where a word ends and a space may separate it from the next. */
function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** A made-up syllable for a Han character: stable, pronounceable, obviously not English. */
function syllable(code: number): string {
  return `${CONSONANTS[code % CONSONANTS.length]}${VOWELS[(code >> 4) % VOWELS.length]}`;
}

/**
 * Replaces every run of Han characters with pseudo words and full-width punctuation with ASCII;
 * everything else (Markdown markers, placeholders, spaces, hard line breaks) is kept, so the
 * result has the same inline structure as its input. Linear in the text.
 */
export function pseudoTranslateText(text: string): string {
  const parts: string[] = [];
  let last: string | undefined;
  let word = '';
  const emit = (piece: string): void => {
    parts.push(piece);
    last = piece[piece.length - 1];
  };
  const flush = (): void => {
    if (!word) return;
    if (isWordChar(last) || last === '⟧') emit(' ');
    emit(word);
    word = '';
  };
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(code);
    i += char.length;
    if (isHan(code)) {
      word += syllable(code);
      if (word.length >= 6) flush();
      continue;
    }
    flush();
    const mapped = PUNCTUATION[char];
    if (!mapped) {
      emit(char);
      continue;
    }
    const nextCode = text.codePointAt(i);
    const next = nextCode === undefined ? undefined : String.fromCodePoint(nextCode);
    let piece = mapped.ascii;
    if (mapped.space === 'before' && isWordChar(last)) piece = ` ${piece}`;
    // `!` before `[` would turn a link into an image.
    if ((mapped.space === 'after' && (isWordChar(next) || (nextCode !== undefined && isHan(nextCode)))) || (piece.endsWith('!') && next === '[')) piece += ' ';
    emit(piece);
  }
  flush();
  const body = parts.join('');
  // The marks are punctuation: next to an emphasis marker they would change its flanking, and
  // glued to a URL they would extend it. A space there reads like the start or end of a line.
  const open = /^[*_~⟦]/.test(body) ? '⟪ ' : '⟪';
  const lastChunk = body.slice(Math.max(body.lastIndexOf(' '), body.lastIndexOf('\n')) + 1);
  const close = /[*_~]$/.test(body) || lastChunk.includes('⟧') ? ' ⟫' : '⟫';
  return `${open}${body}${close}`;
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
