import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startFakeOpenAIServer } from '../helpers/fake-openai-server.js';
import { seededRandom, syntheticSentence } from './synthetic-document.js';

const REPO = new URL('../..', import.meta.url).pathname;
const BIN = join(REPO, 'dist', 'bin', 'bitext.js');
const DOCUMENTS = 200;
const PARAGRAPHS = 3;
const DELAY_MS = 200;
const KEY = 'sk-bench-0000';

/** Runs the binary without blocking this process's event loop (the fake server lives here). */
function run(args: string[], cwd: string, env: Record<string, string>): Promise<{ ms: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (code !== 0) reject(new Error(`bitext ${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ ms, stdout, stderr });
    });
  });
}

/** A project with `DOCUMENTS` small pages (Hugo bundles), or the same paragraphs in one document. */
function project(single: boolean, url: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-site-bench-'));
  const random = seededRandom(8);
  const pages: string[] = [];
  for (let d = 0; d < DOCUMENTS; d++) {
    const paragraphs = Array.from({ length: PARAGRAPHS }, () => syntheticSentence(random, 30, 60));
    pages.push(paragraphs.join('\n\n'));
  }
  if (single) {
    mkdirSync(join(dir, 'content'), { recursive: true });
    writeFileSync(join(dir, 'content', 'all.md'), `${pages.join('\n\n')}\n`);
  } else {
    for (const [index, text] of pages.entries()) {
      mkdirSync(join(dir, 'content', 'posts', `p${index}`), { recursive: true });
      writeFileSync(join(dir, 'content', 'posts', `p${index}`, 'index.md'), `${text}\n`);
    }
  }
  const config = { from: 'zh', to: 'en', content: [single ? 'content/all.md' : 'content/**/*.md'], translatorOptions: { baseURL: `${url}/v1` } };
  writeFileSync(join(dir, 'bitext.config.json'), JSON.stringify(config));
  return dir;
}

/**
 * 200 small documents through a local OpenAI-compatible server answering after a fixed delay,
 * at concurrency 1, 4 and 16: requests made and wall time against the ideal
 * `ceil(requests / concurrency) × delay` plus the pseudo translator's time for the same run.
 * Needs `npm run build` first.
 */
export async function benchSite(): Promise<{ name: string; ms: number; detail: string }[]> {
  const server = await startFakeOpenAIServer(KEY);
  const env = { OPENAI_API_KEY: KEY };
  const dirs: string[] = [];
  const fresh = (single: boolean): string => {
    const dir = project(single, server.url);
    dirs.push(dir);
    return dir;
  };
  // Every request waits the same fixed delay; the script is longer than any run needs.
  const script = (): void => server.script(...Array.from({ length: 2_000 }, () => ({ kind: 'slow' as const, delayMs: DELAY_MS })));
  const count = (stdout: string): number => Number(/; (\d+) request\(s\)/.exec(stdout)?.[1] ?? NaN);
  try {
    const rows: { name: string; ms: number; detail: string }[] = [];
    // The pseudo translator's time for the same run (median of three): startup, parsing, disk.
    const pseudoRuns: number[] = [];
    for (let i = 0; i < 3; i++) pseudoRuns.push((await run(['translate', '--translator', 'pseudo'], fresh(false), env)).ms);
    const pseudo = { ms: pseudoRuns.sort((a, b) => a - b)[1] ?? 0 };
    script();
    const one = await run(['translate', '--translator', 'openai', '--no-validate', '--concurrency', '1'], fresh(true), env);
    const oneRequests = count(one.stdout);
    for (const concurrency of [1, 4, 16]) {
      script();
      const before = server.requests.length;
      const result = await run(['translate', '--translator', 'openai', '--no-validate', '--concurrency', String(concurrency)], fresh(false), env);
      const requests = server.requests.length - before;
      const ideal = Math.ceil(requests / concurrency) * DELAY_MS + pseudo.ms;
      rows.push({
        name: `site: ${DOCUMENTS} docs × ${PARAGRAPHS} paragraphs, ${DELAY_MS} ms server, concurrency ${concurrency}`,
        ms: result.ms,
        detail: `${requests} requests (${(requests / oneRequests).toFixed(2)}x the ${oneRequests} of one document); ideal ${ideal.toFixed(0)} ms = ceil(${requests}/${concurrency})×${DELAY_MS} + pseudo ${pseudo.ms.toFixed(0)}; ${(result.ms / ideal).toFixed(2)}x ideal`,
      });
    }
    return rows;
  } finally {
    await server.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
