import { describe, expect, it } from 'vitest';
import { alignSegments } from '../../src/align/align-segments.js';
import { editDocument, recordsFor, syntheticDocument } from '../bench/synthetic-document.js';

describe('alignSegments on large documents', () => {
  it('follows every edit, insert, delete and move in 5,000 segments', () => {
    const original = syntheticDocument(5_000, 11);
    const records = recordsFor(original);
    const document = editDocument(original, { edit: 0.02, insert: 0.01, delete: 0.01, move: 0.004 }, 12);
    const { matches, removed } = alignSegments(document.segments, records);
    const removedSet = new Set(removed);
    document.origin.forEach((origin, s) => {
      const match = matches[s];
      if (origin === undefined) {
        // An inserted 「谢谢。」 may take over a deleted one: same text.
        if (match) expect(records[match.recordIndex]!.sourceTextHash).toBe(document.segments[s]!.hash);
      } else {
        expect(match?.recordIndex).toBe(origin);
        expect(match?.how === 'edited').toBe(document.edited[s]);
      }
    });
    for (const r of document.deleted) {
      expect(removedSet.has(r) || matches.some((m, s) => m?.recordIndex === r && document.origin[s] === undefined)).toBe(true);
    }
    for (const r of document.moved) expect(matches.find((m) => m?.recordIndex === r)?.how).not.toBe('edited');
  });

  it('stays bounded when nothing is left to anchor on', () => {
    const records = recordsFor(syntheticDocument(5_000, 21));
    const unrelated = syntheticDocument(5_000, 22);
    const start = performance.now();
    const { matches } = alignSegments(unrelated, records);
    expect(performance.now() - start).toBeLessThan(5_000);
    // Only stock replies such as 「谢谢。」 are shared exactly; anything else must reach 0.5.
    for (const match of matches) if (match) expect(match.similarity).toBeGreaterThanOrEqual(0.5);
  });
});
