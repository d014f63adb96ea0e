import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acceptSegment } from '../../engine/accept-segments.js';
import { editSegment } from '../../engine/edit-segment.js';
import { loadDocument, type DocumentSettings } from '../../engine/load-document.js';
import { checkDraft, loadReviewModel } from '../../engine/load-review-model.js';
import { StaleEditError } from '../../engine/segment-version.js';
import { BitextError, LockedError } from '../../model/errors.js';
import type { GlossaryEntry } from '../../translate/translator.js';
import { renderReviewHtml } from '../render-review-html.js';
import { refusal, tokenCookieName } from './request-guard.js';
import { segmentJson } from './segment-json.js';

/** What the review server serves and where. */
export interface ReviewServerOptions {
  settings: DocumentSettings;
  /** Source files, as given on the command line; the API's `file` parameter names one of them. */
  files: readonly string[];
  glossary: GlossaryEntry[];
  /** 0 picks a free port. */
  port: number;
  generatedBy: string;
  /** Where unexpected server errors are reported (the terminal); pages only hear that one happened. */
  log: (text: string) => void;
}

/** A running review server. */
export interface ReviewServer {
  /** The address to open, token included. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

/** An HTTP answer the handlers throw to stop early. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Starts the local review server on 127.0.0.1: the review page and its JSON API, guarded by a
 * random token and Host/Origin checks. Saves go through the engine (document lock, atomic writes).
 */
export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  const token = randomBytes(24).toString('base64url');
  let port = options.port;
  // One write at a time per document: the lock refuses a second holder, even in this process.
  const queues = new Map<string, Promise<unknown>>();
  const serialized = <T>(file: string, work: () => Promise<T>): Promise<T> => {
    const run = (queues.get(file) ?? Promise.resolve()).then(work, work);
    queues.set(file, run.catch(() => undefined));
    return run;
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => sendError(response, error, options.log));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const refused = refusal({ method: request.method ?? 'GET', headers: request.headers, queryToken: url.searchParams.get('token') }, port, token);
    if (refused) throw new HttpError(403, `forbidden: ${refused}`);
    const method = request.method ?? 'GET';
    const path = url.pathname;

    if (path === '/' && method === 'GET') return sendPage(response, fileParam(url, true), url.searchParams.has('token'));
    if (path === '/api/health' && method === 'GET') return sendJson(response, 200, { ok: true });
    if (path === '/api/documents' && method === 'GET') return sendJson(response, 200, { documents: await documents() });
    if (path === '/api/segments' && method === 'GET') {
      const file = fileParam(url, false);
      const { model } = await loadReviewModel(file, options.settings, options.glossary, options.generatedBy);
      return sendJson(response, 200, { file, from: model.from, to: model.to, bilingual: model.bilingualPath, segments: model.rows.map(segmentJson) });
    }
    if (path === '/api/check' && method === 'POST') {
      const file = fileParam(url, false);
      const body = await readJson(request);
      const id = stringField(body, 'id');
      const findings = await checkDraft(file, options.settings, options.glossary, id, stringField(body, 'translation'));
      return sendJson(response, 200, { findings: findings.map((f) => ({ check: f.check, message: f.message })) });
    }
    const segmentPath = /^\/api\/segments\/([^/]+)(\/accept)?$/.exec(path);
    if (segmentPath) {
      const file = fileParam(url, false);
      const id = decodeURIComponent(segmentPath[1] ?? '');
      if (!segmentPath[2] && method === 'PUT') {
        const body = await readJson(request);
        const edit = { id, translation: stringField(body, 'translation'), base: stringField(body, 'base'), ...optionalString(body, 'sourceHash') };
        await knownSegment(file, id);
        const { wrote } = await serialized(file, () => editSegment(file, options.settings, edit));
        return sendJson(response, 200, { segment: await segmentOf(file, id), wrote: wrote.length });
      }
      if (segmentPath[2] && method === 'POST') {
        const body = await readJson(request);
        if (body.suggestion !== undefined && typeof body.suggestion !== 'boolean') throw new HttpError(400, '"suggestion" must be true or false');
        const accept = { id, useSuggestion: body.suggestion === true, ...optionalString(body, 'base') };
        await knownSegment(file, id);
        await serialized(file, () => acceptSegment(file, options.settings, accept));
        return sendJson(response, 200, { segment: await segmentOf(file, id) });
      }
      throw new HttpError(405, `${method} is not allowed on ${path}`);
    }
    throw new HttpError(404, `nothing at ${path}`);
  }

  function fileParam(url: URL, optional: boolean): string {
    const file = url.searchParams.get('file');
    if (file === null && (optional || options.files.length === 1)) return options.files[0] ?? '';
    if (file === null) throw new HttpError(400, 'name the document with ?file= (see GET /api/documents)');
    // Only the files the server was started with: `file` is never a path to go looking for.
    if (!options.files.includes(file)) throw new HttpError(404, `not a document of this review: ${file}`);
    return file;
  }

  async function documents(): Promise<unknown[]> {
    return Promise.all(
      options.files.map(async (file) => {
        const { model } = await loadReviewModel(file, options.settings, options.glossary, options.generatedBy);
        const count = (status: string): number => model.rows.filter((row) => row.status === status).length;
        return {
          file,
          title: model.title,
          bilingual: model.bilingualPath,
          segments: model.rows.length,
          current: count('current'),
          stale: count('stale'),
          missing: count('missing'),
          conflict: count('conflict'),
          reviewed: model.rows.filter((row) => row.reviewed).length,
          withFindings: model.rows.filter((row) => row.findings.length > 0).length,
        };
      }),
    );
  }

  async function knownSegment(file: string, id: string): Promise<void> {
    const document = await loadDocument(file, options.settings);
    if (!document.state.entries.some((entry) => entry.id === id)) throw new HttpError(404, `no segment ${id} in ${document.bilingualDisplay}`);
  }

  async function segmentOf(file: string, id: string): Promise<unknown> {
    const { model } = await loadReviewModel(file, options.settings, options.glossary, options.generatedBy);
    const row = model.rows.find((candidate) => candidate.id === id);
    if (!row) throw new HttpError(404, `no segment ${id} in ${model.bilingualPath}`);
    return segmentJson(row);
  }

  async function sendPage(response: ServerResponse, file: string, setCookie: boolean): Promise<void> {
    const { model } = await loadReviewModel(file, options.settings, options.glossary, options.generatedBy);
    // Other documents are named by their path: reading each one for its title would slow every page.
    const titles = options.files.map((other) => ({ file: other, title: other === file ? model.title : other }));
    const html = renderReviewHtml(model, { file, documents: titles });
    const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8', ...SECURITY_HEADERS };
    // The page's own requests carry the token as a cookie: never readable by scripts, never sent cross-site.
    if (setCookie) headers['Set-Cookie'] = `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    response.writeHead(200, headers).end(html);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "frame-ancestors 'none'",
};

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...SECURITY_HEADERS }).end(JSON.stringify(value));
}

/** Maps a failure to its status: 409 for a stale base or a held lock, 400 for a bad request, 500 otherwise. */
function sendError(response: ServerResponse, error: unknown, log: (text: string) => void): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  if (error instanceof HttpError) return sendJson(response, error.status, { error: error.message });
  if (error instanceof StaleEditError || error instanceof LockedError) return sendJson(response, 409, { error: oneLine(error) });
  if (error instanceof BitextError) return sendJson(response, 400, { error: oneLine(error) });
  // Unexpected: say so without internals (paths, stacks) leaking to the page.
  sendJson(response, 500, { error: 'internal error in the review server; see its terminal' });
  log(`bitext review: ${error instanceof Error ? error.message : String(error)}\n`);
}

function oneLine(error: BitextError): string {
  return error.format().replace(/\n\s*/g, ' ');
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) throw new HttpError(415, 'send the body as application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'request body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new HttpError(400, 'the body is not a JSON object');
  }
}

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string') throw new HttpError(400, `"${name}" must be a string`);
  return value;
}

function optionalString(body: Record<string, unknown>, name: string): Record<string, string> {
  if (body[name] === undefined) return {};
  return { [name]: stringField(body, name) };
}
