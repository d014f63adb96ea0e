/** Query bigrams looked up per search: the rarest ones, as they point at few entries. */
const QUERY_BIGRAMS = 16;
/** A bigram found in more entries than this is too common to point anywhere and is skipped. */
const MAX_POSTINGS = 64;
/** Texts with at most this many bigrams are indexed in full; longer ones by a 1-in-4 sample. */
const FULL_BELOW = 32;

/**
 * The bigrams that represent a text in the index. Sampling by the bigram's own value (not by
 * position) is consistent across texts, like MinHash: two texts keep about a quarter of the
 * bigrams they share, which still finds an edited paragraph, for a quarter of the memory.
 */
function sample(bigrams: Uint32Array): Uint32Array {
  return bigrams.length <= FULL_BELOW ? bigrams : bigrams.filter((b) => (b & 3) === 0);
}

/**
 * Inverted index from character bigram to the entries containing it. A search touches at most
 * QUERY_BIGRAMS × MAX_POSTINGS postings, however large the index.
 */
export class BigramIndex {
  private readonly postings = new Map<number, number[]>();
  private readonly counts: Int32Array;

  /** `capacity`: one more than the largest id that will be added. */
  constructor(capacity: number) {
    this.counts = new Int32Array(capacity);
  }

  /** Indexes entry `id` under each of its (distinct) bigrams. */
  add(id: number, bigrams: Uint32Array): void {
    for (const bigram of sample(bigrams)) {
      const list = this.postings.get(bigram);
      if (list) list.push(id);
      else this.postings.set(bigram, [id]);
    }
  }

  /**
   * Ids of the entries sharing any of the query's rarest bigrams, those sharing the most first
   * (ties in first-seen order, which is deterministic).
   */
  search(query: Uint32Array): number[] {
    const lists: number[][] = [];
    for (const bigram of sample(query)) {
      const list = this.postings.get(bigram);
      if (list && list.length <= MAX_POSTINGS) lists.push(list);
    }
    if (lists.length > QUERY_BIGRAMS) lists.sort((a, b) => a.length - b.length).length = QUERY_BIGRAMS;
    const touched: number[] = [];
    for (const list of lists) {
      for (const id of list) {
        if (this.counts[id] === 0) touched.push(id);
        this.counts[id]!++;
      }
    }
    // Counts are at most QUERY_BIGRAMS, so a bucket sort orders the hits in linear time.
    const buckets: number[][] = Array.from({ length: lists.length + 1 }, () => []);
    for (const id of touched) {
      buckets[this.counts[id]!]!.push(id);
      this.counts[id] = 0;
    }
    const ranked: number[] = [];
    for (let shared = buckets.length - 1; shared > 0; shared--) ranked.push(...buckets[shared]!);
    return ranked;
  }
}
