import type { MatchKind } from './align-types.js';

/** The pairing that the matching passes build up, one segment to at most one record. */
export class MatchState {
  /** Per segment: the record index it continues, or -1. */
  readonly recordOf: Int32Array;
  /** Per record: the segment index that continues it, or -1. */
  readonly segmentOf: Int32Array;
  readonly how: (MatchKind | undefined)[];
  readonly similarity: Float64Array;

  constructor(segmentCount: number, recordCount: number) {
    this.recordOf = new Int32Array(segmentCount).fill(-1);
    this.segmentOf = new Int32Array(recordCount).fill(-1);
    this.how = new Array<MatchKind | undefined>(segmentCount).fill(undefined);
    this.similarity = new Float64Array(segmentCount);
  }

  /** Pairs segment `s` with record `r`; both must still be free. */
  link(s: number, r: number, how: MatchKind, similarity: number): void {
    this.recordOf[s] = r;
    this.segmentOf[r] = s;
    this.how[s] = how;
    this.similarity[s] = similarity;
  }

  /** Whether record `r` is still free. */
  recordFree(r: number): boolean {
    return this.segmentOf[r] === -1;
  }

  /** Whether segment `s` is still free. */
  segmentFree(s: number): boolean {
    return this.recordOf[s] === -1;
  }
}
