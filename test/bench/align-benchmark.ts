import { performance } from 'node:perf_hooks';
import { alignSegments, type AlignRecord, type AlignSegment, type Alignment } from '../../src/align/align-segments.js';
import { editDocument, recordsFor, syntheticDocument, type EditedDocument } from './synthetic-document.js';

const RUNS = 7;

/** Median wall time of `RUNS` calls after one warm-up call, and the last result. */
function timeAlign(segments: AlignSegment[], records: AlignRecord[]): { ms: number; result: Alignment } {
  let result = alignSegments(segments, records);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = alignSegments(segments, records);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)]!, result };
}

/** How many segments kept the right record, per kind of change. */
function check(document: EditedDocument, records: AlignRecord[], result: Alignment): string {
  let editedRight = 0;
  let edits = 0;
  let keptRight = 0;
  let kept = 0;
  let newRight = 0;
  let inserts = 0;
  document.origin.forEach((origin, s) => {
    const match = result.matches[s];
    if (origin === undefined) {
      inserts++;
      // An inserted 「谢谢。」 may rightly take over a deleted 「谢谢。」: the text is identical.
      if (!match || records[match.recordIndex]!.sourceTextHash === document.segments[s]!.hash) newRight++;
    } else if (document.edited[s]) {
      edits++;
      if (match?.recordIndex === origin && match.how === 'edited') editedRight++;
    } else {
      kept++;
      if (match?.recordIndex === origin && match.how !== 'edited') keptRight++;
    }
  });
  const removed = new Set(result.removed);
  const reused = new Set(result.matches.flatMap((m, s) => (m && document.origin[s] === undefined ? [m.recordIndex] : [])));
  const removedRight = document.deleted.filter((r) => removed.has(r) || reused.has(r)).length;
  return [
    `edited ${editedRight}/${edits}`,
    `kept ${keptRight}/${kept}`,
    `new ${newRight}/${inserts}`,
    `removed ${removedRight}/${document.deleted.length}`,
  ].join(', ');
}

/**
 * Times `alignSegments` on synthetic Chinese-like documents of 200, 2,000 and 20,000 segments
 * with 1% edited (plus inserts, deletes and moves), and on two pathological inputs.
 */
export async function benchAlign(): Promise<{ name: string; ms: number; detail: string }[]> {
  const rows: { name: string; ms: number; detail: string }[] = [];
  for (const size of [200, 2_000, 20_000]) {
    const original = syntheticDocument(size, size);
    const records = recordsFor(original);
    const document = editDocument(original, { edit: 0.01, insert: 0.005, delete: 0.005, move: 0.002 }, size + 1);
    const { ms, result } = timeAlign(document.segments, records);
    rows.push({ name: `align ${size.toLocaleString('en')} segments, 1% edited`, ms, detail: check(document, records, result) });
  }

  // Worst cases: no identical text is left to anchor on, so everything goes through the
  // similarity pass in one gap; the candidate caps are what keeps these bounded.
  const original = syntheticDocument(20_000, 7);
  const records = recordsFor(original);
  const everyEdited = editDocument(original, { edit: 1, insert: 0, delete: 0, move: 0 }, 8);
  const edited = timeAlign(everyEdited.segments, records);
  rows.push({ name: 'align 20,000 segments, all edited', ms: edited.ms, detail: check(everyEdited, records, edited.result) });
  const unrelated = syntheticDocument(20_000, 9);
  const replaced = timeAlign(unrelated, records);
  const identical = replaced.result.matches.filter((m) => m && m.how !== 'edited').length;
  const similar = replaced.result.matches.filter((m) => m?.how === 'edited').length;
  rows.push({
    name: 'align 20,000 segments, all replaced',
    ms: replaced.ms,
    detail: `${identical} stock replies (谢谢。) matched as identical, ${similar} short texts by chance ≥ 0.5`,
  });
  return rows;
}
