import type { AlignRecord, AlignSegment } from './align-types.js';
import type { MatchState } from './match-state.js';
import { textSimilarity } from './text-similarity.js';

/**
 * Pairs each front-matter segment with the stored front-matter record of the same field
 * (`unchanged`, or `edited` when the value changed); a repeated field pairs k-th with k-th.
 */
export function matchFrontMatter(segments: readonly AlignSegment[], records: readonly AlignRecord[], state: MatchState): void {
  // The field name is the identity of a front-matter value: YAML key order means nothing and a
  // rewritten title is still the title, so neither position nor text takes part here.
  const byField = new Map<string, number[]>();
  records.forEach((record, r) => {
    if (record.kind !== 'front-matter') return;
    const list = byField.get(record.field ?? '');
    if (list) list.push(r);
    else byField.set(record.field ?? '', [r]);
  });
  segments.forEach((segment, s) => {
    if (segment.kind !== 'front-matter') return;
    const r = byField.get(segment.field ?? '')?.shift();
    if (r === undefined) return;
    const record = records[r]!;
    if (segment.hash === record.sourceTextHash || segment.hash === record.sourceHash) {
      state.link(s, r, 'unchanged', 1);
    } else {
      state.link(s, r, 'edited', textSimilarity(record.source, segment.text));
    }
  });
}
