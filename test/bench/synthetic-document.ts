import { createHash } from 'node:crypto';
import type { SegmentId, SegmentKind, SourceHash } from '../../src/model/types.js';
import type { AlignRecord, AlignSegment } from '../../src/align/align-segments.js';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so runs are comparable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Hash of the normalised text, as segmentation computes it. */
export function hashOf(text: string): SourceHash {
  const normalised = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex') as SourceHash;
}

const HAN_BASE = 0x4e00;
const HAN_COUNT = 3_000;
const TERMS = ['**GPT-4**', '**RLHF**', '**token**', 'OpenAI', '**AGI**', 'PPO'];
const REPEATED = ['谢谢。', '是的。', '确实如此。'];

/** Chinese-like text: Han characters with a Zipf-like frequency, commas, a few Latin terms. */
export function syntheticSentence(random: () => number, minChars: number, maxChars: number): string {
  const length = minChars + Math.floor(random() * (maxChars - minChars + 1));
  let text = '';
  for (let i = 0; i < length; i++) {
    // Squaring skews towards low code points: a few characters very common, most rare, as in prose.
    text += String.fromCharCode(HAN_BASE + Math.floor(random() ** 2 * HAN_COUNT));
    if (i > 4 && i < length - 3 && random() < 0.06) text += '，';
    if (random() < 0.01) text += TERMS[Math.floor(random() * TERMS.length)]!;
  }
  return text;
}

/** One segment's text and kind, varied the way a long interview or manual is. */
function syntheticSegment(random: () => number): { kind: SegmentKind; text: string } {
  const roll = random();
  if (roll < 0.02) return { kind: 'paragraph', text: REPEATED[Math.floor(random() * REPEATED.length)]! };
  if (roll < 0.12) return { kind: 'heading', text: syntheticSentence(random, 4, 14) };
  const kind: SegmentKind = roll < 0.3 ? 'list-item' : 'paragraph';
  const sentences = kind === 'list-item' ? 1 + Math.floor(random() * 2) : 1 + Math.floor(random() * 6);
  let text = '';
  for (let i = 0; i < sentences; i++) text += `${syntheticSentence(random, 6, 40)}。`;
  return { kind, text };
}

/** A document of `count` segments. */
export function syntheticDocument(count: number, seed: number): AlignSegment[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const { kind, text } = syntheticSegment(random);
    return { kind, text, hash: hashOf(text) };
  });
}

/** Records as stored for a document, ids `r0`, `r1`, ... */
export function recordsFor(segments: readonly AlignSegment[]): AlignRecord[] {
  return segments.map((segment, i) => ({
    id: `r${i}` as SegmentId,
    kind: segment.kind,
    source: segment.text,
    sourceHash: segment.hash,
    sourceTextHash: segment.hash,
  }));
}

/** Rewrites 10–30% of a text in one place (a span replaced, or a clause added), keeping the rest. */
export function editText(text: string, random: () => number): string {
  const chars = Array.from(text);
  const size = Math.max(1, Math.floor(chars.length * (0.1 + random() * 0.2)));
  const at = Math.floor(random() * (chars.length - size + 1));
  const fresh = Array.from(syntheticSentence(random, size, size)).slice(0, size);
  if (random() < 0.5) chars.splice(at, size, ...fresh);
  else chars.splice(at, 0, ...fresh);
  return chars.join('');
}

/** How a document was changed, and which record each new segment should continue. */
export interface EditedDocument {
  segments: AlignSegment[];
  /** Per new segment: the original index it comes from, or undefined when inserted. */
  origin: (number | undefined)[];
  /** Per new segment: whether its text was edited. */
  edited: boolean[];
  /** Original indices that were deleted. */
  deleted: number[];
  /** Original indices that were moved elsewhere unchanged. */
  moved: number[];
}

/** Edits, inserts, deletes and moves the given shares of a document's segments (at least one each). */
export function editDocument(
  original: readonly AlignSegment[],
  rates: { edit: number; insert: number; delete: number; move: number },
  seed: number,
): EditedDocument {
  const random = seededRandom(seed);
  const n = original.length;
  const pick = (rate: number): Set<number> => {
    const chosen = new Set<number>();
    const target = Math.max(1, Math.round(n * rate));
    while (chosen.size < Math.min(target, n)) chosen.add(Math.floor(random() * n));
    return chosen;
  };
  const editable = (i: number): boolean => !REPEATED.includes(original[i]!.text);
  const edit = new Set([...pick(rates.edit)].filter(editable));
  const remove = new Set([...pick(rates.delete)].filter((i) => !edit.has(i)));
  const move = new Set([...pick(rates.move)].filter((i) => !edit.has(i) && !remove.has(i) && editable(i)));
  const insertAt = pick(rates.insert);

  type Entry = { segment: AlignSegment; origin: number | undefined; edited: boolean };
  const entries: Entry[] = [];
  const moving: Entry[] = [];
  for (let i = 0; i < n; i++) {
    if (insertAt.has(i)) {
      const { kind, text } = syntheticSegment(random);
      entries.push({ segment: { kind, text, hash: hashOf(text) }, origin: undefined, edited: false });
    }
    if (remove.has(i)) continue;
    const source = original[i]!;
    if (edit.has(i)) {
      const text = editText(source.text, random);
      entries.push({ segment: { kind: source.kind, text, hash: hashOf(text) }, origin: i, edited: true });
    } else if (move.has(i)) {
      moving.push({ segment: source, origin: i, edited: false });
    } else {
      entries.push({ segment: source, origin: i, edited: false });
    }
  }
  for (const entry of moving) entries.splice(Math.floor(random() * (entries.length + 1)), 0, entry);
  return {
    segments: entries.map((e) => e.segment),
    origin: entries.map((e) => e.origin),
    edited: entries.map((e) => e.edited),
    deleted: [...remove].sort((a, b) => a - b),
    moved: [...move].sort((a, b) => a - b),
  };
}
