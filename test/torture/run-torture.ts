// `npm run torture`: tries to break bitext the way real use does, on scratch copies of the post,
// and prints what broke. Not part of `npm test`: it takes minutes. TORTURE_N sets the rounds (20).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseBilingual } from '../../src/bilingual/parse-bilingual.js';

const REPO = new URL('../..', import.meta.url).pathname;
const BIN = join(REPO, 'dist', 'bin', 'bitext.js');
const POST = join(REPO, 'content', 'john-schulman-interview.md');
const N = Math.max(1, Number(process.env.TORTURE_N ?? 20));
const HAN = /[\u3400-\u9fff]/g;

interface Row {
  scenario: string;
  runs: number;
  corrupt: number;
  paidTwice: number;
  lost: number;
  badAccepted: number;
  notes: string[];
}

const scratch: string[] = [];
function project(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-torture-'));
  scratch.push(dir);
  mkdirSync(join(dir, 'content'), { recursive: true });
  copyFileSync(POST, join(dir, 'content', 'post.md'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // Small batches, so a kill lands between many saves.
  writeFileSync(join(dir, 'bitext.config.json'), JSON.stringify({ translatorOptions: { maxSegmentsPerRequest: 5 } }));
  writeFileSync(join(dir, 'translator.mjs'), TRANSLATOR);
  return dir;
}

/** A command translator that logs every segment it answers (what a service would bill) to $LOG. */
const TRANSLATOR = `import { appendFileSync } from 'node:fs';
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', async () => {
  const request = JSON.parse(input);
  await new Promise((r) => setTimeout(r, Number(process.env.SLOW_MS || 0)));
  const translations = request.segments.map((s) => ({ id: s.id, text: 'EN ' + s.text.replace(/[\\u3400-\\u9fff]+/g, (m) => 'x'.repeat(Math.ceil(m.length * 1.5))) }));
  for (const s of request.segments) appendFileSync(process.env.LOG, JSON.stringify({ id: s.id, text: s.text }) + '\\n');
  process.stdout.write(JSON.stringify({ translations }));
});
`;

function translateArgs(file = 'content/post.md'): string[] {
  return [BIN, 'translate', file, '--translator', 'command', '--command', 'node translator.mjs', '--concurrency', '2'];
}

function logged(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
}

/** Files a kill or a race could have damaged: each bilingual document and the memory must parse. */
function corruptFiles(dir: string, out = 'translations'): number {
  let corrupt = 0;
  const folder = join(dir, out);
  if (!existsSync(folder)) return 0;
  for (const name of spawnSync('ls', [folder], { encoding: 'utf8' }).stdout.split('\n').filter((n) => /\.zh-en\.md$/.test(n))) {
    try {
      parseBilingual(readFileSync(join(folder, name), 'utf8'), name);
    } catch (error) {
      corrupt++;
      console.error(`  corrupt ${join(folder, name)}: ${(error as Error).message}`);
    }
  }
  const memory = join(folder, '.bitext', 'memory.json');
  if (existsSync(memory)) {
    try {
      const parsed = JSON.parse(readFileSync(memory, 'utf8')) as { entries: unknown[] };
      if (!Array.isArray(parsed.entries) || parsed.entries.some((e) => typeof e !== 'object' || e === null)) throw new Error('bad entries');
    } catch (error) {
      corrupt++;
      console.error(`  corrupt ${memory}: ${(error as Error).message}`);
    }
  }
  return corrupt;
}

/** Translations in a bilingual document, by source text. */
function savedSources(path: string): Set<string> {
  if (!existsSync(path)) return new Set();
  const doc = parseBilingual(readFileSync(path, 'utf8'), path);
  return new Set(doc.segments.filter((s) => s.translation !== undefined).map((s) => s.source));
}

/** Sources of the finished translations that runs' journals hold (whole lines only, as bitext reads them). */
function journaledSources(dir: string): Set<string> {
  const folder = join(dir, 'translations', '.bitext', 'journal');
  const sources = new Set<string>();
  for (const name of journalFiles(dir)) {
    for (const line of readFileSync(join(folder, name), 'utf8').split('\n').slice(1, -1)) {
      try {
        sources.add((JSON.parse(line) as { source: string }).source);
      } catch {
        // A damaged line is skipped by bitext too.
      }
    }
  }
  return sources;
}

function journalFiles(dir: string): string[] {
  const folder = join(dir, 'translations', '.bitext', 'journal');
  return existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.jsonl')) : [];
}

/** Memory keys every translated segment of the documents must have; returns how many are missing. */
function lostEntries(dir: string, documents: string[]): number {
  const memoryFile = join(dir, 'translations', '.bitext', 'memory.json');
  const memory = existsSync(memoryFile) ? (JSON.parse(readFileSync(memoryFile, 'utf8')) as { entries: { key: string }[] }) : { entries: [] };
  const keys = new Set(memory.entries.map((e) => e.key));
  let lost = 0;
  for (const name of documents) {
    const path = join(dir, 'translations', `${name}.zh-en.md`);
    if (!existsSync(path)) continue;
    for (const s of parseBilingual(readFileSync(path, 'utf8'), path).segments) if (s.translation !== undefined && !keys.has(`zh>en:${s.sourceHash}`)) lost++;
  }
  return lost;
}

function run(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

async function killRuns(): Promise<Row> {
  const row: Row = { scenario: 'kill -9 at a random moment, then resume', runs: 0, corrupt: 0, paidTwice: 0, lost: 0, badAccepted: 0, notes: [] };
  let unfinished = 0;
  let inFlight = 0;
  let leftJournals = 0;
  for (let i = 0; i < N; i++) {
    const dir = project();
    const child = spawn(process.execPath, translateArgs(), { cwd: dir, env: { PATH: process.env.PATH ?? '', SLOW_MS: '300', LOG: join(dir, 'first.log') }, stdio: 'ignore' });
    // Listen before killing: a run that already finished has closed, and its event is gone.
    const closed = new Promise((r) => child.on('close', r));
    await new Promise((r) => setTimeout(r, 200 + Math.random() * 2500));
    child.kill('SIGKILL');
    await closed;
    row.runs++;
    row.corrupt += corruptFiles(dir);
    // Finished work is what the bilingual document or the dead run's journal holds.
    const saved = new Set([...savedSources(join(dir, 'translations', 'post.zh-en.md')), ...journaledSources(dir)]);
    if (saved.size < 180) unfinished++;
    // Answered by the translator but not kept: the replies in flight when the process died.
    inFlight = Math.max(inFlight, new Set(logged(join(dir, 'first.log')).filter((text) => !saved.has(text))).size);
    const resume = await run(translateArgs(), dir, { PATH: process.env.PATH ?? '', LOG: join(dir, 'resume.log') });
    row.runs++;
    if (resume.code !== 0) row.notes.push(`resume exited ${resume.code}: ${resume.stderr.slice(0, 200)}`);
    row.paidTwice += logged(join(dir, 'resume.log')).filter((text) => saved.has(text)).length;
    row.corrupt += corruptFiles(dir);
    row.lost += lostEntries(dir, ['post']);
    leftJournals += journalFiles(dir).length;
    const check = spawnSync(process.execPath, [BIN, 'status', 'content/post.md', '--check'], { cwd: dir, encoding: 'utf8' });
    if (check.status !== 0) row.notes.push(`status --check exited ${check.status} after resuming`);
  }
  row.notes.push(`${unfinished} of ${N} kills landed before the run finished`);
  row.notes.push(`at most ${inFlight} answered segment(s) lost with a kill (in flight: 2 requests of 5)`);
  row.notes.push(`${leftJournals} journal(s) left after resuming`);
  return row;
}

async function lockRaces(): Promise<Row> {
  const row: Row = { scenario: '3 runs racing for a dead process\'s lock', runs: 0, corrupt: 0, paidTwice: 0, lost: 0, badAccepted: 0, notes: [] };
  let doubleTakeovers = 0;
  for (let i = 0; i < N; i++) {
    const dir = project();
    mkdirSync(join(dir, 'translations'), { recursive: true });
    writeFileSync(join(dir, 'translations', 'post.zh-en.md.lock'), JSON.stringify({ pid: deadPid(), host: hostname(), started: 'earlier' }));
    const results = await Promise.all([0, 1, 2].map((k) => run(translateArgs(), dir, { SLOW_MS: '5', LOG: join(dir, `run${k}.log`) })));
    row.runs += 3;
    const worked = results.filter((r) => !/another bitext run/.test(r.stderr)).length;
    if (worked > 1) doubleTakeovers++;
    const counts = new Map<string, number>();
    for (const k of [0, 1, 2]) for (const text of logged(join(dir, `run${k}.log`))) counts.set(text, (counts.get(text) ?? 0) + 1);
    row.paidTwice += [...counts.values()].filter((c) => c > 1).length;
    row.corrupt += corruptFiles(dir);
    row.lost += lostEntries(dir, ['post']);
  }
  row.notes.push(`${doubleTakeovers} of ${N} races had more than one run take the lock`);
  return row;
}

async function sharedFolder(): Promise<Row> {
  const row: Row = { scenario: '3 runs on different documents, one output folder', runs: 0, corrupt: 0, paidTwice: 0, lost: 0, badAccepted: 0, notes: [] };
  const post = readFileSync(POST, 'utf8');
  const end = post.indexOf('\n---', 4) + 4;
  const blocks = post.slice(end).split(/\n\n+/).filter((b) => b.trim());
  const third = Math.ceil(blocks.length / 3);
  const parts = [0, 1, 2].map((k) => `${blocks.slice(k * third, (k + 1) * third).join('\n\n')}\n`);
  for (let i = 0; i < N; i++) {
    const dir = project(Object.fromEntries(parts.map((text, k) => [`content/part${k}.md`, text])));
    const results = await Promise.all([0, 1, 2].map((k) => run(translateArgs(`content/part${k}.md`), dir, { SLOW_MS: String(Math.floor(Math.random() * 20)), LOG: join(dir, `part${k}.log`) })));
    row.runs += 3;
    for (const r of results) if (r.code !== 0) row.notes.push(`a run exited ${r.code}: ${r.stderr.slice(0, 200)}`);
    for (const k of [0, 1, 2]) {
      const texts = logged(join(dir, `part${k}.log`));
      row.paidTwice += texts.length - new Set(texts).size;
    }
    row.corrupt += corruptFiles(dir);
    row.lost += lostEntries(dir, ['part0', 'part1', 'part2']);
    const left = journalFiles(dir).length;
    if (left > 0) row.notes.push(`${left} journal(s) left after three runs ended`);
  }
  return row;
}

/** An OpenAI-compatible server where a request fails, one way or another, four times in ten. */
function faultyServer(): Promise<{ url: string; server: Server; delivered: Map<string, number>; faults: Map<string, number> }> {
  const delivered = new Map<string, number>();
  const faults = new Map<string, number>();
  const english = (text: string): string => `EN ${text.replace(/[\u3400-\u9fff]+/g, (m) => 'x'.repeat(Math.ceil(m.length * 1.5)))}`;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const request = JSON.parse(body) as { messages: { role: string; content: string }[] };
      const user = request.messages.find((m) => m.role === 'user')?.content ?? '{}';
      const segments = (JSON.parse(user) as { segments?: Record<string, string> }).segments ?? {};
      const ids = Object.keys(segments);
      const reply: Record<string, string> = Object.fromEntries(ids.map((id) => [id, english(segments[id] ?? '')]));
      const send = (status: number, json: unknown, headers: Record<string, string> = {}): boolean => {
        if (res.destroyed) return false;
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(json));
        return true;
      };
      const complete = (content: string, finish = 'stop') => ({ id: 'x', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finish }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } });
      const good = (translations: Record<string, string>, bad: Set<string> = new Set()) => {
        if (send(200, complete(JSON.stringify(translations)))) for (const id of Object.keys(translations)) if (!bad.has(id) && ids.includes(id)) delivered.set(id, (delivered.get(id) ?? 0) + 1);
      };
      const kinds = ['rate-limit', 'server', 'overloaded', 'reset', 'malformed', 'missing-id', 'extra-id', 'empty', 'truncated', 'slow', 'table', 'script', 'heading', 'split', 'untranslated', 'cut-off'];
      const fault = Math.random() < 0.4 ? kinds[Math.floor(Math.random() * kinds.length)] : 'none';
      faults.set(fault ?? 'none', (faults.get(fault ?? 'none') ?? 0) + 1);
      const victim = ids[Math.floor(Math.random() * ids.length)] ?? '';
      const inject = (text: string) => {
        reply[victim] = text;
        good(reply, new Set([victim]));
      };
      switch (fault) {
        case 'rate-limit': send(429, { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }, { 'retry-after-ms': String(Math.floor(Math.random() * 800)) }); return;
        case 'server': send(500, { error: { message: 'The server had an error', type: 'server_error' } }); return;
        case 'overloaded': send(503, { error: { message: 'overloaded', type: 'server_error' } }); return;
        case 'reset': req.socket.destroy(); return;
        case 'malformed': send(200, complete('Here you go: {"s1": "oo')); return;
        case 'missing-id': delete reply[victim]; good(reply); return;
        case 'extra-id': good({ ...reply, invented: 'EN made up' }); return;
        case 'empty': send(200, complete('')); return;
        case 'truncated': send(200, complete(JSON.stringify(reply).slice(0, 30), 'length')); return;
        case 'slow': setTimeout(() => good(reply), 3_000); return;
        case 'table': inject(`${reply[victim]}\n\n| INJECTED | b |\n|---|---|`); return;
        case 'script': inject(`${reply[victim]} <script>INJECTED()</script>`); return;
        case 'heading': inject(`${reply[victim]}\n# INJECTED`); return;
        case 'split': inject(`${reply[victim]}\n\nINJECTED second paragraph.`); return;
        case 'untranslated': {
          const source = segments[victim] ?? '';
          // Only where the source is mostly Han: elsewhere a copy can be a fine translation.
          if ((source.match(HAN)?.length ?? 0) > source.length / 2) inject(source);
          else good(reply);
          return;
        }
        case 'cut-off': {
          const source = segments[victim] ?? '';
          if ([...source].length >= 40) inject('INJECTED.');
          else good(reply);
          return;
        }
        default: good(reply);
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, server, delivered, faults })));
}

async function faultyService(): Promise<Row> {
  const row: Row = { scenario: 'OpenAI-compatible server injecting faults', runs: 0, corrupt: 0, paidTwice: 0, lost: 0, badAccepted: 0, notes: [] };
  const { url, server, delivered, faults } = await faultyServer();
  let unfinished = 0;
  let inFlight = 0;
  let leftJournals = 0;
  for (let i = 0; i < N; i++) {
    delivered.clear();
    const dir = project();
    let done = false;
    for (let attempt = 0; attempt < 6 && !done; attempt++) {
      const result = await run([BIN, 'translate', 'content/post.md', '--translator', 'openai', '--timeout', '2', '--concurrency', '4'], dir, { OPENAI_API_KEY: 'sk-torture-0123456789', OPENAI_BASE_URL: url });
      row.runs++;
      row.corrupt += corruptFiles(dir);
      done = result.code === 0;
    }
    if (!done) unfinished++;
    row.paidTwice += [...delivered.values()].filter((c) => c > 1).length;
    const doc = parseBilingual(readFileSync(join(dir, 'translations', 'post.zh-en.md'), 'utf8'), 'post');
    for (const s of doc.segments) {
      const t = s.translation ?? '';
      const han = t.match(HAN)?.length ?? 0;
      if (t.includes('INJECTED') || (t === s.source && han > t.length / 2)) {
        row.badAccepted++;
        console.error(`  bad translation accepted for ${s.id}: ${t.slice(0, 80)}`);
      }
    }
    row.lost += lostEntries(dir, ['post']);
  }
  server.close();
  server.closeAllConnections();
  row.notes.push(`faults injected: ${[...faults].filter(([k]) => k !== 'none').map(([k, v]) => `${k} ${v}`).join(', ')}; ${faults.get('none') ?? 0} clean replies`);
  if (unfinished) row.notes.push(`${unfinished} of ${N} documents were not complete after 6 runs`);
  return row;
}

const rows: Row[] = [];
try {
  for (const scenario of [killRuns, lockRaces, sharedFolder, faultyService]) {
    const started = Date.now();
    process.stderr.write(`torture: ${scenario.name} (N=${N})…\n`);
    const row = await scenario();
    row.notes.push(`${((Date.now() - started) / 1000).toFixed(0)} s`);
    rows.push(row);
  }
} finally {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
}

const header = ['scenario', 'runs', 'corrupt files', 'segments paid twice', 'entries lost', 'bad translations accepted'];
const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
for (const r of rows) lines.push(`| ${[r.scenario, r.runs, r.corrupt, r.paidTwice, r.lost, r.badAccepted].join(' | ')} |`);
const total = rows.reduce((t, r) => ({ runs: t.runs + r.runs, corrupt: t.corrupt + r.corrupt, paidTwice: t.paidTwice + r.paidTwice, lost: t.lost + r.lost, badAccepted: t.badAccepted + r.badAccepted }), { runs: 0, corrupt: 0, paidTwice: 0, lost: 0, badAccepted: 0 });
lines.push(`| **total** | ${total.runs} | ${total.corrupt} | ${total.paidTwice} | ${total.lost} | ${total.badAccepted} |`);
console.log(lines.join('\n'));
for (const r of rows) for (const note of r.notes) console.log(`- ${r.scenario}: ${note}`);
process.exitCode = total.corrupt + total.paidTwice + total.lost + total.badAccepted > 0 ? 1 : 0;
