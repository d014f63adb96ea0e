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
  glossary_id?: string;
}

/**
 * A fake DeepL API v2 (`POST /v2/translate`, JSON body) that answers like the real one:
 * `{"translations":[{detected_source_language,text,billed_characters}]}`, errors as
 * `{"message":...}` with 429 (+ Retry-After), 456 quota, 403 auth, 413 too large. Checks
 * `Authorization: DeepL-Auth-Key <key>`.
 */
export async function startFakeDeepLServer(authKey: string): Promise<FakeServer & { glossaries: FakeGlossary[] }> {
  const glossaries: FakeGlossary[] = [];
  const server = await startRecordingServer(
    ['ok', 'rate-limit', 'server-error', 'quota', 'auth', 'context-length', 'malformed', 'missing-id', 'empty', 'slow'],
    async (request, res, step) => {
      if (request.path === '/v2/glossaries' && request.headers.authorization === `DeepL-Auth-Key ${authKey}`) {
        // Glossary calls take no scripted step: script steps only for runs without a glossary.
        glossaryEndpoint(request, res, glossaries);
        return;
      }
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
      if (body.glossary_id !== undefined && !glossaries.some((g) => g.glossary_id === body.glossary_id)) {
        sendJson(res, 404, { message: 'Glossary not found' });
        return;
      }
      await reply(request, res, step, body.text);
    },
  );
  return Object.assign(server, { glossaries });
}

/** A glossary as `POST /v2/glossaries` created it, with its entries parsed from TSV. */
export interface FakeGlossary {
  glossary_id: string;
  name: string;
  source_lang: string;
  target_lang: string;
  entries: Record<string, string>;
}

/** `GET /v2/glossaries` lists, `POST /v2/glossaries` (JSON, TSV entries) creates, like DeepL's v2 API. */
function glossaryEndpoint(request: RecordedRequest, res: ServerResponse, glossaries: FakeGlossary[]): void {
  const info = (g: FakeGlossary) => ({ glossary_id: g.glossary_id, name: g.name, ready: true, source_lang: g.source_lang, target_lang: g.target_lang, creation_time: '2026-01-01T00:00:00Z', entry_count: Object.keys(g.entries).length });
  if (request.method === 'GET') {
    sendJson(res, 200, { glossaries: glossaries.map(info) });
    return;
  }
  const body = request.json as { name?: string; source_lang?: string; target_lang?: string; entries?: string; entries_format?: string } | undefined;
  if (!body?.name || !body.source_lang || !body.target_lang || body.entries_format !== 'tsv' || typeof body.entries !== 'string') {
    sendJson(res, 400, { message: 'Bad request' });
    return;
  }
  const entries: Record<string, string> = {};
  for (const row of body.entries.split('\n')) {
    const [source, target, ...rest] = row.split('\t');
    if (!source || !target || rest.length > 0 || source in entries) {
      sendJson(res, 400, { message: `Invalid glossary entries: ${JSON.stringify(row)}` });
      return;
    }
    entries[source] = target;
  }
  const glossary: FakeGlossary = { glossary_id: `gl-${glossaries.length + 1}`, name: body.name, source_lang: body.source_lang, target_lang: body.target_lang, entries };
  glossaries.push(glossary);
  sendJson(res, 201, info(glossary));
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
