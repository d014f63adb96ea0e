import type { QaCheckName, QaFinding, QaPair } from '../qa-types.js';

/** A finding of `check` on `pair`, carrying the pair's line when it has one. */
export function makeFinding(check: QaCheckName, pair: QaPair, message: string): QaFinding {
  return pair.line === undefined
    ? { check, segmentId: pair.id, message }
    : { check, segmentId: pair.id, line: pair.line, message };
}
