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

function alignBody(sources: BlockText[], targets: BlockText[]): BlockPairing[] {
  const ratio = lengthRatio(sources, targets);
  const sourceAnchors = sources.map((s) => anchorsOf(s.text));
  const targetText = targets.map((t) => t.text.toLowerCase());
  const n = sources.length;
  const m = targets.length;
  const cost = Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(Infinity));
  const move: (Move | undefined)[][] = Array.from({ length: n + 1 }, () => new Array<Move | undefined>(m + 1));
  (cost[0] as Float64Array)[0] = 0;

  const pairCost = (is: number[], js: number[]): number => {
    const kind = sources[is[0] as number]?.kind;
    if (is.some((i) => sources[i]?.kind !== kind) || js.some((j) => targets[j]?.kind !== kind)) return Infinity;
    const sourceLength = is.reduce((sum, i) => sum + (sources[i]?.text.length ?? 0), 0);
    const targetLength = js.reduce((sum, j) => sum + (targets[j]?.text.length ?? 0), 0);
    const lengthCost = Math.abs(Math.log((targetLength + 1) / (ratio * sourceLength + 1)));
    const anchors = new Set(is.flatMap((i) => [...(sourceAnchors[i] ?? [])]));
    const text = js.map((j) => targetText[j]).join(' ');
    let absent = 0;
    for (const anchor of anchors) if (!text.includes(anchor)) absent++;
    return lengthCost + (anchors.size ? (ANCHOR_WEIGHT * absent) / anchors.size : 0) + (is.length + js.length > 2 ? JOIN_COST : 0);
  };
  const stepCost: Record<Move, (i: number, j: number) => number> = {
    pair: (i, j) => pairCost([i - 1], [j - 1]),
    missing: () => SKIP_COST,
    extra: () => SKIP_COST,
    merged: (i, j) => pairCost([i - 2, i - 1], [j - 1]),
    split: (i, j) => pairCost([i - 1], [j - 2, j - 1]),
  };

  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestMove: Move | undefined;
      for (const name of Object.keys(STEPS) as Move[]) {
        const [di, dj] = STEPS[name];
        if (i < di || j < dj) continue;
        const before = (cost[i - di] as Float64Array)[j - dj] as number;
        if (before === Infinity) continue;
        const total = before + stepCost[name](i, j);
        if (total < best) {
          best = total;
          bestMove = name;
        }
      }
      (cost[i] as Float64Array)[j] = best;
      (move[i] as (Move | undefined)[])[j] = bestMove;
    }
  }

  const pairings: BlockPairing[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const name = move[i]?.[j] as Move;
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
  for (const match of text.matchAll(/\d+(?:[.,]\d+)*|[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*/g)) {
    const token = match[0];
    if (/^\d/.test(token) || token.length >= 2) anchors.add(token.toLowerCase());
  }
  return anchors;
}
