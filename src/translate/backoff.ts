/** Default first backoff step: long enough for a rate limiter's window to move on. */
export const BACKOFF_BASE_MS = 1_000;
/** Default longest pause between two attempts, before any `Retry-After`. */
export const BACKOFF_CAP_MS = 60_000;

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
  return Math.max(jittered, Math.ceil(options.retryAfterMs ?? 0));
}
