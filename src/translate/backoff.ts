/** Default first backoff step: long enough for a rate limiter's window to move on. */
export const BACKOFF_BASE_MS = 1_000;
/** Default longest pause between two attempts, before any `Retry-After`. */
export const BACKOFF_CAP_MS = 60_000;

/** Longest `Retry-After` obeyed, like the OpenAI SDK: a service asking for more is retried sooner. */
export const RETRY_AFTER_CAP_MS = 60_000;

/**
 * A service's `Retry-After` within RETRY_AFTER_CAP_MS, and a note saying so when it was cut,
 * for the retry message.
 */
export function capRetryAfter(retryAfterMs: number | undefined): { retryAfterMs?: number; note?: string } {
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs) || retryAfterMs < 0) return {};
  if (retryAfterMs <= RETRY_AFTER_CAP_MS) return { retryAfterMs };
  return {
    retryAfterMs: RETRY_AFTER_CAP_MS,
    note: `the service asked to wait ${(retryAfterMs / 1000).toFixed(0)} s; waiting at most ${RETRY_AFTER_CAP_MS / 1000} s`,
  };
}

/**
 * How long to wait before attempt `attempt + 1`: exponential backoff with full jitter, but never
 * less than what the service asked for (`retryAfterMs`).
 */
export function backoffDelay(
  attempt: number,
  options: { random: () => number; retryAfterMs?: number; baseMs?: number; capMs?: number },
): number {
  const base = options.baseMs ?? BACKOFF_BASE_MS;
  const cap = options.capMs ?? BACKOFF_CAP_MS;
  // Full jitter (random in [0, ceiling)) spreads many clients out better than equal jitter,
  // which matters when several batches hit the same limit at the same moment.
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(options.random() * ceiling);
  return Math.max(jittered, Math.ceil(capRetryAfter(options.retryAfterMs).retryAfterMs ?? 0));
}
