import { estimateTokens } from '../../src/translate/estimate-tokens.js';

/** The shortest prompt prefix OpenAI and Anthropic (Sonnet, Opus) cache, in tokens. */
export const CACHE_MINIMUM_TOKENS = 1024;

/** Tokens as the fake servers count them (the engine's own rough estimate; the real tokenizers differ). */
export function fakeTokens(text: string): number {
  return estimateTokens(text);
}

/**
 * OpenAI's automatic prefix cache: the longest prefix this prompt shares with an earlier one,
 * counted from 1,024 tokens up in steps of 128, as `prompt_tokens_details.cached_tokens` reports it.
 */
export function openAICachedTokens(earlier: readonly string[], prompt: string): number {
  let shared = 0;
  for (const other of earlier) shared = Math.max(shared, commonPrefix(other, prompt));
  const tokens = fakeTokens(prompt.slice(0, shared));
  if (tokens < CACHE_MINIMUM_TOKENS) return 0;
  return CACHE_MINIMUM_TOKENS + Math.floor((tokens - CACHE_MINIMUM_TOKENS) / 128) * 128;
}

function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** A glossary long enough that, with the instructions, the prompt prefix reaches the cache minimum. */
export function cacheableGlossary(): { source: string; target: string }[] {
  return Array.from({ length: 100 }, (_, i) => ({ source: `专业术语第${i}号`, target: `technical term number ${i}` }));
}
