/** Just enough of `Headers` to read one header: fetch `Headers` and the SDKs' both fit. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * How long a service asked us to wait, from `retry-after-ms` (OpenAI) or `retry-after`
 * (seconds or an HTTP date); undefined when absent or unreadable.
 */
export function parseRetryAfter(headers: HeaderReader | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const raw = headers.get('retry-after')?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Number(raw) * 1_000;
  const date = Date.parse(raw);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
