import type { LanguageCode } from '../model/types.js';
import type { PlannedSegment } from '../plan/plan-translation.js';
import { estimateTokens } from '../translate/estimate-tokens.js';
import type { TranslatorLimits } from '../translate/translator.js';

/** What a plan will cost, before anything is sent. */
export interface PlanEstimate {
  segments: number;
  characters: number;
  /** Rough input tokens: CJK characters count about one token each, other text about four characters a token. */
  estimatedTokens: number;
  requests: number;
}

/** Estimates segments, characters, tokens and requests for the segments a plan sends. */
export function estimatePlan(send: readonly PlannedSegment[], limits: TranslatorLimits, _from: LanguageCode): PlanEstimate {
  let characters = 0;
  let estimatedTokens = 0;
  let requests = 0;
  let batchSegments = 0;
  let batchCharacters = 0;
  const seen = new Set<string>();
  for (const segment of send) {
    // Identical texts are sent once.
    if (!segment.previous && seen.has(segment.text)) continue;
    seen.add(segment.text);
    const length = [...segment.text].length;
    characters += length;
    estimatedTokens += estimateTokens(segment.text);
    if (batchSegments === 0 || batchSegments + 1 > limits.maxSegmentsPerRequest || batchCharacters + length > limits.maxCharactersPerRequest) {
      requests++;
      batchSegments = 0;
      batchCharacters = 0;
    }
    batchSegments++;
    batchCharacters += length;
  }
  return { segments: send.length, characters, estimatedTokens, requests };
}
