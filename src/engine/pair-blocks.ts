import type { SegmentKind } from '../model/types.js';

/** A block of a source or of a hand-made translation, as segmentation found it. */
export interface BlockText {
  kind: SegmentKind;
  /** Front-matter field name. */
  field?: string;
  text: string;
  line: number;
}

/** How a source block and the translation's blocks line up. Indices are into the two lists. */
export type BlockPairing =
  | { type: 'pair'; source: number; target: number }
  | { type: 'missing'; source: number }
  | { type: 'extra'; target: number }
  | { type: 'merged'; sources: [number, number]; target: number }
  | { type: 'split'; source: number; targets: [number, number] };

/** What leaving a block unmatched costs; a pair costing more than two of these is not made. */
const SKIP_COST = 1.5;
/** Extra cost of a 2–1 or 1–2 match over a 1–1 match. */
const JOIN_COST = 0.6;
/** Weight of source anchors (numbers, Latin words) the translation lacks. */
const ANCHOR_WEIGHT = 2;

/**
 * Lines a hand-made translation's blocks up with the source's, never by guessing: front-matter
 * fields by name; the body by a dynamic-programming alignment over the same block kinds that
 * scores length (against the document's own ratio) and anchors (numbers, Latin words) and allows
 * a block to be missing, extra, or two blocks merged or split. Pure.
 */
export function pairBlocks(sources: readonly BlockText[], targets: readonly BlockText[]): BlockPairing[] {
  const result: BlockPairing[] = [];
  const targetByField = new Map(targets.flatMap((t, j) => (t.kind === 'front-matter' && t.field ? [[t.field, j] as const] : [])));
  const usedTargets = new Set<number>();
  for (const [i, s] of sources.entries()) {
    if (s.kind !== 'front-matter') continue;
    const j = s.field ? targetByField.get(s.field) : undefined;
    if (j === undefined) result.push({ type: 'missing', source: i });
    else {
      result.push({ type: 'pair', source: i, target: j });
      usedTargets.add(j);
    }
  }
  for (const [j, t] of targets.entries()) if (t.kind === 'front-matter' && !usedTargets.has(j)) result.push({ type: 'extra', target: j });

  const bodySources = [...sources.keys()].filter((i) => sources[i]?.kind !== 'front-matter');
  const bodyTargets = [...targets.keys()].filter((j) => targets[j]?.kind !== 'front-matter');
  for (const pairing of alignBody(bodySources.map((i) => sources[i] as BlockText), bodyTargets.map((j) => targets[j] as BlockText))) {
    result.push(reindex(pairing, bodySources, bodyTargets));
  }
  return result;
}

function reindex(p: BlockPairing, s: number[], t: number[]): BlockPairing {
  const S = (i: number) => s[i] as number;
  const T = (j: number) => t[j] as number;
  switch (p.type) {
    case 'pair':
      return { type: 'pair', source: S(p.source), target: T(p.target) };
    case 'missing':
      return { type: 'missing', source: S(p.source) };
    case 'extra':
      return { type: 'extra', target: T(p.target) };
    case 'merged':
      return { type: 'merged', sources: [S(p.sources[0]), S(p.sources[1])], target: T(p.target) };
    case 'split':
      return { type: 'split', source: S(p.source), targets: [T(p.targets[0]), T(p.targets[1])] };
  }
}

type Move = 'pair' | 'missing' | 'extra' | 'merged' | 'split';
const STEPS: Record<Move, [number, number]> = { pair: [1, 1], missing: [1, 0], extra: [0, 1], merged: [2, 1], split: [1, 2] };
const MOVES = Object.keys(STEPS) as Move[];
/** How far (in blocks) the pairing may wander from the diagonal, beyond the difference in block counts. */
const BAND = 60;

function alignBody(sources: BlockText[], targets: BlockText[]): BlockPairing[] {
  const ratio = lengthRatio(sources, targets);
  const sourceAnchors = sources.map((s) => [...anchorsOf(s.text)]);
  const targetAnchors = targets.map((t) => anchorsOf(t.text));
  const n = sources.length;
  const m = targets.length;
  // Only cells near the diagonal are scored: a translation drifts from its source by a bounded
  // number of blocks, and the band keeps time and memory linear in the document's length.
  const band = BAND + Math.abs(n - m);
  const rows = Array.from({ length: n + 1 }, (_, i) => {
    const centre = n === 0 ? 0 : Math.round((i * m) / n);
    const lo = Math.max(0, centre - band);
    const hi = Math.min(m, centre + band);
    return { lo, cost: new Float64Array(hi - lo + 1).fill(Infinity), move: new Uint8Array(hi - lo + 1) };
  });
  const costAt = (i: number, j: number): number => {
    const row = rows[i];
    return row && j >= row.lo && j - row.lo < row.cost.length ? (row.cost[j - row.lo] as number) : Infinity;
  };
  (rows[0] as (typeof rows)[number]).cost[0] = 0;

  const sourceLength = sources.map((b) => b.text.length);
  const targetLength = targets.map((b) => b.text.length);
  /** Cost of pairing sources i0..i1 with targets j0..j1 (inclusive; one side has one block). */
  const pairCost = (i0: number, i1: number, j0: number, j1: number): number => {
    const kind = sources[i0]?.kind;
    if (sources[i1]?.kind !== kind || targets[j0]?.kind !== kind || targets[j1]?.kind !== kind) return Infinity;
    let sLength = 0;
    for (let i = i0; i <= i1; i++) sLength += sourceLength[i] as number;
    let tLength = 0;
    for (let j = j0; j <= j1; j++) tLength += targetLength[j] as number;
    const lengthCost = Math.abs(Math.log((tLength + 1) / (ratio * sLength + 1)));
    let anchors = 0;
    let absent = 0;
    for (let i = i0; i <= i1; i++) {
      for (const anchor of sourceAnchors[i] as string[]) {
        anchors++;
        if (!targetAnchors[j0]?.has(anchor) && !targetAnchors[j1]?.has(anchor)) absent++;
      }
    }
    return lengthCost + (anchors ? (ANCHOR_WEIGHT * absent) / anchors : 0) + (i1 > i0 || j1 > j0 ? JOIN_COST : 0);
  };
  const stepCost: Record<Move, (i: number, j: number) => number> = {
    pair: (i, j) => pairCost(i - 1, i - 1, j - 1, j - 1),
    missing: () => SKIP_COST,
    extra: () => SKIP_COST,
    merged: (i, j) => pairCost(i - 2, i - 1, j - 1, j - 1),
    split: (i, j) => pairCost(i - 1, i - 1, j - 2, j - 1),
  };

  for (let i = 0; i <= n; i++) {
    const row = rows[i] as (typeof rows)[number];
    for (let j = row.lo; j - row.lo < row.cost.length; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestMove = 0;
      for (let index = 0; index < MOVES.length; index++) {
        const name = MOVES[index] as Move;
        const [di, dj] = STEPS[name];
        if (i < di || j < dj) continue;
        const before = costAt(i - di, j - dj);
        if (before === Infinity) continue;
        const total = before + stepCost[name](i, j);
        if (total < best) {
          best = total;
          bestMove = index;
        }
      }
      row.cost[j - row.lo] = best;
      row.move[j - row.lo] = bestMove;
    }
  }

  const pairings: BlockPairing[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const row = rows[i] as (typeof rows)[number];
    const name = MOVES[row.move[j - row.lo] as number] as Move;
    const [di, dj] = STEPS[name];
    if (name === 'pair') pairings.push({ type: 'pair', source: i - 1, target: j - 1 });
    else if (name === 'missing') pairings.push({ type: 'missing', source: i - 1 });
    else if (name === 'extra') pairings.push({ type: 'extra', target: j - 1 });
    else if (name === 'merged') pairings.push({ type: 'merged', sources: [i - 2, i - 1], target: j - 1 });
    else pairings.push({ type: 'split', source: i - 1, targets: [j - 2, j - 1] });
    i -= di;
    j -= dj;
  }
  return pairings.reverse();
}

/** Characters of translation per character of source, over the whole body (1 when either is empty). */
function lengthRatio(sources: BlockText[], targets: BlockText[]): number {
  const s = sources.reduce((sum, b) => sum + b.text.length, 0);
  const t = targets.reduce((sum, b) => sum + b.text.length, 0);
  return s > 0 && t > 0 ? t / s : 1;
}

/** What a translation keeps from its source whatever the language: numbers and Latin-script words, lower-cased. */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  for (const match of text.matchAll(/\d+(?:[.,]\d+)*|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/g)) {
    const token = match[0];
    if (/^\d/.test(token) || token.length >= 2) anchors.add(token.toLowerCase());
  }
  return anchors;
}
