import { TranslatorError, type TranslatorErrorKind } from './translator.js';

const KINDS: ReadonlySet<string> = new Set<TranslatorErrorKind>([
  'rate-limit', 'overloaded', 'server', 'network', 'timeout', 'bad-response',
  'context-length', 'truncated', 'quota', 'auth', 'bad-request',
]);

// Connection-level failures from Node's fetch (undici) and sockets: worth another try.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

/**
 * True for anything shaped like a TranslatorError: ours, or one from another copy of bitext (a
 * plug-in importing the published package, or a plain object), where `instanceof` fails.
 */
export function isTranslatorError(error: unknown): error is TranslatorError {
  if (error instanceof TranslatorError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { name, kind } = error as { name?: unknown; kind?: unknown };
  return name === 'TranslatorError' && typeof kind === 'string' && KINDS.has(kind);
}

/**
 * Whatever an adapter threw, as one of our TranslatorErrors (so the core can rely on
 * `instanceof`). A foreign TranslatorError keeps its kind, retryAfterMs and status. Unknown
 * errors count as retryable (`network` for connection failures, else `server`): a flaky user
 * adapter should not stop a long run.
 */
export function toTranslatorError(error: unknown): TranslatorError {
  if (error instanceof TranslatorError) return error;
  if (isTranslatorError(error)) {
    const { message, kind, retryAfterMs, status } = error as { message?: unknown; kind: TranslatorErrorKind; retryAfterMs?: unknown; status?: unknown };
    return new TranslatorError(typeof message === 'string' && message !== '' ? message : `translator failed (${kind})`, {
      kind,
      ...(typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs >= 0 ? { retryAfterMs } : {}),
      ...(typeof status === 'number' ? { status } : {}),
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string' ? (error as { message: string }).message : String(error);
  const code = errorCode(error) ?? errorCode(error instanceof Error ? error.cause : undefined);
  const network = (code !== undefined && NETWORK_CODES.has(code)) || (error instanceof TypeError && /fetch failed/i.test(message));
  return new TranslatorError(message || 'translator failed', { kind: network ? 'network' : 'server', cause: error });
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
