import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a fake service received, kept so tests can assert on what adapters send. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/**
 * The failures and oddities every fake service can be scripted to produce, one per request,
 * in order; a request with no step left gets a correct reply. Each server lists which it
 * supports: DeepL has no `truncated`, OpenAI no `overloaded` status of its own.
 */
export type FakeStepKind =
  | 'ok'
  | 'rate-limit'
  | 'server-error'
  | 'overloaded'
  | 'quota'
  | 'auth'
  | 'context-length'
  | 'truncated'
  | 'malformed'
  | 'missing-id'
  | 'extra-id'
  | 'empty'
  | 'slow';

/** A scripted reply: `retryAfter` is the raw Retry-After header, `delayMs` for `slow`. */
export interface FakeStep {
  kind: FakeStepKind;
  retryAfter?: string;
  delayMs?: number;
}

/** A local HTTP server on 127.0.0.1 that records requests and follows a script. */
export interface FakeServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  requests: RecordedRequest[];
  supports: ReadonlySet<FakeStepKind>;
  /** Queues replies for the next requests. */
  script(...steps: FakeStep[]): void;
  close(): Promise<void>;
}

/** Handles one request; `step` is the scripted reply for it (`ok` when the script ran out). */
export type FakeHandler = (request: RecordedRequest, response: ServerResponse, step: FakeStep) => void | Promise<void>;

/** Starts a recording server on a random port of 127.0.0.1. */
export async function startRecordingServer(supports: readonly FakeStepKind[], handle: FakeHandler): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const queue: FakeStep[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json };
      requests.push(recorded);
      const step = queue.shift() ?? { kind: 'ok' };
      Promise.resolve(handle(recorded, res, step)).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const supported: ReadonlySet<FakeStepKind> = new Set(supports);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    supports: supported,
    script(...steps) {
      for (const step of steps) {
        if (!supported.has(step.kind)) throw new Error(`this fake server cannot script "${step.kind}"`);
        queue.push(step);
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a JSON reply unless the client already went away (a timed-out request). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendRaw(res, status, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
}

/** Writes a reply with any body, e.g. invalid JSON; skipped when the client went away. */
export function sendRaw(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, headers);
  res.end(body);
}

/** Waits before a slow reply; the timer does not keep the test process alive. */
export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** The default fake translation: recognisable, and keeps tokens and Markdown untouched. */
export function fakeTranslate(text: string): string {
  return `EN:${text}`;
}
