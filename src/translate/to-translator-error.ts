import { TranslatorError, type TranslatorErrorKind } from './translator.js';

const KINDS: ReadonlySet<string> = new Set<TranslatorErrorKind>([
  'rate-limit', 'overloaded', 'server', 'network', 'timeout', 'bad-response',
  'context-length', 'truncated', 'quota', 'auth', 'bad-request',
]);

// Connection-level failures from Node's fetch (undici) and sockets: worth another try.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

/**
 * True for a TranslatorError, also one from another copy of bitext (a user adapter importing
 * the published package), where `instanceof` fails.
 */
export function isTranslatorError(error: unknown): error is TranslatorError {
  if (error instanceof TranslatorError) return true;
  if (!(error instanceof Error) || error.name !== 'TranslatorError') return false;
  const kind: unknown = (error as { kind?: unknown }).kind;
  return typeof kind === 'string' && KINDS.has(kind);
}

/**
 * Whatever an adapter threw, as a TranslatorError. Unknown errors count as retryable (`network`
 * for connection failures, else `server`): a flaky user adapter should not stop a long run.
 */
export function toTranslatorError(error: unknown): TranslatorError {
  if (isTranslatorError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = errorCode(error) ?? errorCode(error instanceof Error ? error.cause : undefined);
  const network = (code !== undefined && NETWORK_CODES.has(code)) || (error instanceof TypeError && /fetch failed/i.test(message));
  return new TranslatorError(message || 'translator failed', { kind: network ? 'network' : 'server', cause: error });
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
