import type { ServerResponse } from 'node:http';
import { fakeTranslate, sendJson, sendRaw, startRecordingServer, wait, type FakeServer, type FakeStep, type RecordedRequest } from './recording-server.js';

/** A `/v2/translate` JSON body (the parts the fake reads). */
export interface DeepLBody {
  text?: string[];
  source_lang?: string;
  target_lang?: string;
  tag_handling?: string;
  ignore_tags?: string[];
  context?: string;
  show_billed_characters?: boolean;
}

/**
 * A fake DeepL API v2 (`POST /v2/translate`, JSON body) that answers like the real one:
 * `{"translations":[{detected_source_language,text,billed_characters}]}`, errors as
 * `{"message":...}` with 429 (+ Retry-After), 456 quota, 403 auth, 413 too large. Checks
 * `Authorization: DeepL-Auth-Key <key>`.
 */
export async function startFakeDeepLServer(authKey: string): Promise<FakeServer> {
  return startRecordingServer(
    ['ok', 'rate-limit', 'server-error', 'quota', 'auth', 'context-length', 'malformed', 'missing-id', 'empty', 'slow'],
    async (request, res, step) => {
      if (request.method !== 'POST' || request.path !== '/v2/translate') {
        sendJson(res, 404, { message: 'Not found' });
        return;
      }
      const auth = request.headers.authorization;
      if (step.kind === 'auth' || auth !== `DeepL-Auth-Key ${authKey}`) {
        sendJson(res, 403, { message: `Authorization failure, check auth_key (${auth ?? ''})` });
        return;
      }
      const body = request.json as DeepLBody | undefined;
      if (!body || !Array.isArray(body.text) || typeof body.target_lang !== 'string') {
        sendJson(res, 400, { message: "Value for 'target_lang' not supported." });
        return;
      }
      await reply(request, res, step, body.text);
    },
  );
}

async function reply(_request: RecordedRequest, res: ServerResponse, step: FakeStep, texts: string[]): Promise<void> {
  const translations = texts.map((text) => ({ detected_source_language: 'ZH', text: fakeTranslate(text), billed_characters: text.length }));
  switch (step.kind) {
    case 'rate-limit':
      sendJson(res, 429, { message: 'Too many requests' }, step.retryAfter !== undefined ? { 'retry-after': step.retryAfter } : {});
      return;
    case 'server-error':
      sendJson(res, 500, { message: 'Internal Server Error' });
      return;
    case 'quota':
      sendJson(res, 456, { message: 'Quota Exceeded' });
      return;
    case 'context-length':
      sendJson(res, 413, { message: 'Request Entity Too Large' });
      return;
    case 'malformed':
      sendRaw(res, 200, '{"translations":[{"text": "EN:', { 'content-type': 'application/json' });
      return;
    case 'missing-id':
      // DeepL has no ids, only positions: a missing text shows as a short list.
      sendJson(res, 200, { translations: translations.slice(0, -1) });
      return;
    case 'empty':
      sendRaw(res, 200, '', { 'content-type': 'application/json' });
      return;
    case 'slow':
      await wait(step.delayMs ?? 2_000);
      sendJson(res, 200, { translations });
      return;
    default:
      sendJson(res, 200, { translations });
  }
}
