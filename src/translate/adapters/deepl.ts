import { markdownToXml, xmlToMarkdown } from '../markdown-xml.js';
import { deeplGlossaries } from './deepl-glossary.js';
import { positiveIntegerSetting, requireKey, stringSetting } from '../read-settings.js';
import { redactSecrets } from '../redact-secrets.js';
import { parseRetryAfter } from '../retry-after.js';
import {
  TranslatorError,
  type TranslationRequest,
  type TranslationResponse,
  type Translator,
  type TranslatorOptions,
} from '../translator.js';

const FREE_URL = 'https://api-free.deepl.com';
const PRO_URL = 'https://api.deepl.com';
/** DeepL's documented limits: 50 texts and 128 KiB of request body. */
const MAX_TEXTS = 50;
const MAX_BODY_BYTES = 128 * 1024;

/**
 * Translator over the DeepL API v2 with `fetch` (not deepl-node, which cannot cancel a request
 * and hides Retry-After). Inline Markdown travels as XML so DeepL moves bold, italics, links and
 * placeholder tokens along with the words they belong to. Glossary entries become a DeepL
 * glossary, created on first use, unless `translatorOptions.glossaryId` names one.
 */
export function createDeepLTranslator(options: TranslatorOptions): Translator {
  const { settings, env } = options;
  const apiKey = requireKey(env, 'DEEPL_AUTH_KEY', 'deepl');
  // Free-plan keys end in `:fx` and only work against the free endpoint.
  const baseURL = (stringSetting(settings, 'baseURL') ?? (apiKey.endsWith(':fx') ? FREE_URL : PRO_URL)).replace(/\/+$/, '');
  const targetLang = stringSetting(settings, 'targetLang');
  const glossaryId = stringSetting(settings, 'glossaryId');
  const formality = stringSetting(settings, 'formality');
  const modelType = stringSetting(settings, 'modelType');
  const maxContext = positiveIntegerSetting(settings, 'maxContextCharacters', 2_000);
  const limits = {
    maxSegmentsPerRequest: Math.min(MAX_TEXTS, positiveIntegerSetting(settings, 'maxSegmentsPerRequest', MAX_TEXTS)),
    // A UTF-16 unit is at most 3 UTF-8 bytes; XML escaping and tags add some more. The body
    // size is checked exactly before sending anyway.
    maxCharactersPerRequest: positiveIntegerSetting(settings, 'maxCharactersPerRequest', 30_000),
  };
  const clean = (message: string): string => redactSecrets(message, [apiKey]);
  const glossaries = deeplGlossaries({
    baseURL,
    async request(path, init) {
      try {
        const response = await fetch(`${baseURL}${path}`, {
          method: init.method,
          headers: { Authorization: `DeepL-Auth-Key ${apiKey}`, Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
          ...(init.body ? { body: init.body } : {}),
          signal: init.signal,
        });
        return { status: response.status, text: await response.text() };
      } catch (error) {
        if (init.signal.aborted) throw new TranslatorError('the request was aborted', { kind: 'timeout', cause: error });
        throw new TranslatorError(clean(`cannot reach DeepL at ${baseURL}: ${error instanceof Error ? error.message : String(error)}`), { kind: 'network' });
      }
    },
  });

  return {
    name: 'deepl',
    ...(modelType ? { model: modelType } : {}),
    limits,
    async translate(request: TranslationRequest): Promise<TranslationResponse> {
      const converted = request.segments.map((s) => markdownToXml(s.text));
      const body: Record<string, unknown> = {
        text: converted.map((c) => c.xml),
        source_lang: deeplSourceLang(request.source),
        target_lang: targetLang ?? deeplTargetLang(request.target),
        tag_handling: 'xml',
        ignore_tags: ['x'],
        show_billed_characters: true,
      };
      const context = joinContext(request.context, maxContext);
      if (context) body['context'] = context;
      const glossary = glossaryId ?? (request.glossary.length > 0 ? await glossaries.idFor(request.glossary, request.source, request.target, request.signal) : undefined);
      if (glossary) body['glossary_id'] = glossary;
      if (formality) body['formality'] = formality;
      if (modelType) body['model_type'] = modelType;
      const json = JSON.stringify(body);
      const bytes = new TextEncoder().encode(json).length;
      if (bytes > MAX_BODY_BYTES) {
        throw new TranslatorError(`the request would be ${bytes} bytes, over DeepL's 128 KiB limit`, { kind: 'context-length' });
      }

      let text: string;
      let response: Response;
      try {
        response = await fetch(`${baseURL}/v2/translate`, {
          method: 'POST',
          headers: { Authorization: `DeepL-Auth-Key ${apiKey}`, 'Content-Type': 'application/json', Accept: 'application/json' },
          body: json,
          signal: request.signal,
        });
        text = await response.text();
      } catch (error) {
        if (request.signal.aborted) throw new TranslatorError('the request was aborted', { kind: 'timeout', cause: error });
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        throw new TranslatorError(clean(`cannot reach DeepL at ${baseURL}: ${error instanceof Error ? error.message : String(error)}${cause}`), { kind: 'network' });
      }
      if (!response.ok) throw deeplStatusError(response, text, clean);
      return readReply(text, request, converted.map((c) => c.mapping));
    },
  };
}

function readReply(text: string, request: TranslationRequest, mappings: ReturnType<typeof markdownToXml>['mapping'][]): TranslationResponse {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new TranslatorError(`DeepL replied with something that is not JSON: ${JSON.stringify(text.slice(0, 120))}`, { kind: 'bad-response' });
  }
  const list: unknown = typeof payload === 'object' && payload !== null ? (payload as { translations?: unknown }).translations : undefined;
  if (!Array.isArray(list) || list.length !== request.segments.length) {
    throw new TranslatorError(`DeepL replied with ${Array.isArray(list) ? list.length : 'no'} translations for ${request.segments.length} texts`, { kind: 'bad-response' });
  }
  const translations: { id: string; text: string }[] = [];
  let billed = 0;
  let allBilled = true;
  for (const [index, segment] of request.segments.entries()) {
    const entry: unknown = list[index];
    const { text: xml, billed_characters: chars } = (typeof entry === 'object' && entry !== null ? entry : {}) as { text?: unknown; billed_characters?: unknown };
    if (typeof chars === 'number') billed += chars;
    else allBilled = false;
    if (typeof xml !== 'string') continue;
    try {
      translations.push({ id: segment.id, text: xmlToMarkdown(xml, mappings[index] ?? { bold: [], italic: [] }) });
    } catch {
      // Left out on purpose: the core re-asks a missing id on its own, which usually fixes
      // a tag DeepL mangled in a larger batch.
    }
  }
  const characters = allBilled ? billed : request.segments.reduce((sum, s) => sum + s.text.length, 0);
  return { translations, usage: { characters } };
}

function deeplStatusError(response: Response, body: string, clean: (m: string) => string): TranslatorError {
  const status = response.status;
  let detail = body.trim().slice(0, 300);
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null) {
      const { message, detail: more } = parsed as { message?: unknown; detail?: unknown };
      detail = [message, more].filter((p): p is string => typeof p === 'string' && p !== '').join(': ') || detail;
    }
  } catch {
    // Not JSON (a proxy's HTML page): keep the start of the text.
  }
  const message = clean(`DeepL API ${status}${detail ? `: ${detail}` : ''}`);
  const retryAfterMs = parseRetryAfter(response.headers);
  const wait = retryAfterMs !== undefined ? { retryAfterMs } : {};
  if (status === 429) return new TranslatorError(message, { status, kind: 'rate-limit', ...wait });
  if (status === 456) return new TranslatorError(`${message} (character quota exhausted)`, { status, kind: 'quota' });
  if (status === 401 || status === 403) return new TranslatorError(message, { status, kind: 'auth' });
  if (status === 413) return new TranslatorError(message, { status, kind: 'context-length' });
  if (status === 408) return new TranslatorError(message, { status, kind: 'timeout' });
  if (status >= 500) return new TranslatorError(message, { status, kind: 'server', ...wait });
  return new TranslatorError(message, { status, kind: 'bad-request' });
}

/** DeepL source codes are bare languages: `zh-Hant` → `ZH`. */
function deeplSourceLang(code: string): string {
  const base = code.split(/[-_]/)[0]?.toLowerCase() ?? code;
  return (base === 'no' ? 'nb' : base).toUpperCase();
}

/** DeepL target codes: some languages need a variant (`en` → `EN-US`, `pt` → `PT-BR`). */
function deeplTargetLang(code: string): string {
  const lower = code.toLowerCase().replace(/_/g, '-');
  const base = lower.split('-')[0] ?? lower;
  if (base === 'en') return lower === 'en-gb' || lower === 'en-uk' ? 'EN-GB' : 'EN-US';
  if (base === 'pt') return lower === 'pt-pt' ? 'PT-PT' : 'PT-BR';
  if (base === 'zh') return /^zh-(hant|tw|hk|mo)/.test(lower) ? 'ZH-HANT' : 'ZH-HANS';
  if (base === 'no') return 'NB';
  return base.toUpperCase();
}

/** Neighbouring text for DeepL's `context` (not billed), the parts nearest the batch first kept. */
function joinContext(context: { before: string[]; after: string[] }, max: number): string {
  const half = Math.floor(max / 2);
  const before = context.before.join('\n\n');
  const after = context.after.join('\n\n');
  const keptBefore = before.length > half ? before.slice(before.length - half) : before;
  const keptAfter = after.slice(0, max - keptBefore.length);
  return [keptBefore, keptAfter].filter((p) => p !== '').join('\n\n');
}
