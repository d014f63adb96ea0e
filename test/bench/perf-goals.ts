import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchOptions } from './bench-options.js';
import { formatGoalTable, formatMiB, formatMs, type GoalRow } from './goal-table.js';
import { startLatencyServer } from './latency-openai-server.js';
import { po4aInstalled, runPo4a } from './po4a-baseline.js';
import { interleavedMedians, median, REPO, runBitext, BIN, type ProcessRun } from './run-process.js';
import { editParagraphs, scaledPost } from './scaled-post.js';

const POST = 'content/john-schulman-interview.md';
const LATENCY_MS = 300;
const CONCURRENCIES = [1, 4, 16];
const MiB = 1024 * 1024;

type Row = { name: string; ms: number; detail: string };

/**
 * The goals of issue 10, each beside its reference measured in the same run, through the built
 * binary in temporary folders: startup, check and review, the post ×100 with the pseudo
 * translator (time, memory, growth, po4a), a 1% edit, latency-bound translation, prompt size and
 * cached tokens. Prints the goals table; returns the timings for the general table.
 */
export async function benchPerfGoals(): Promise<Row[]> {
  const { quick } = benchOptions();
  const root = mkdtempSync(join(tmpdir(), 'bitext-perf-'));
  try {
    const goals: GoalRow[] = [];
    const rows: Row[] = [];
    const note = (message: string) => process.stderr.write(`  perf: ${message}\n`);
    note(`startup, check and review (${quick ? 'quick' : 'full'} run)`);
    rows.push(...(await startupGoals(root, quick ? 5 : 9, goals)));
    note(`post x${quick ? 10 : 100} with the pseudo translator`);
    rows.push(...(await scaleGoals(root, quick ? [1, 10] : [10, 100], goals, note)));
    note(`latency-bound translation (${LATENCY_MS} ms per reply)`);
    rows.push(...(await latencyGoals(root, quick ? 3 : 5, goals)));
    console.log(`\nIssue 10 goals (${quick ? 'quick: x10 instead of x100' : 'full'}; node ${process.version}):\n`);
    console.log(formatGoalTable(goals));
    console.log('');
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A copy of the project's post with its committed translation, config and glossary. */
function postProject(root: string, name: string, withTranslation: boolean): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'content'), { recursive: true });
  mkdirSync(join(dir, 'translations'), { recursive: true });
  copyFileSync(join(REPO, '.bitext.json'), join(dir, '.bitext.json'));
  copyFileSync(join(REPO, POST), join(dir, POST));
  // The whole folder (memory included) as committed; without the translation, only the glossary.
  if (withTranslation) cpSync(join(REPO, 'translations'), join(dir, 'translations'), { recursive: true });
  else copyFileSync(join(REPO, 'translations', 'glossary.zh-en.yaml'), join(dir, 'translations', 'glossary.zh-en.yaml'));
  return dir;
}

async function startupGoals(root: string, runs: number, goals: GoalRow[]): Promise<Row[]> {
  const post = postProject(root, 'post', true);
  // The same project with one paragraph of the source changed: status has to parse, whatever fast path it has.
  const edited = postProject(root, 'post-edited', true);
  const source = readFileSync(join(edited, POST), 'utf8');
  writeFileSync(join(edited, POST), editParagraphs(source, 0.001).text);
  const lenient = [0, 1];
  const [node, status, parsed, check, review] = await interleavedMedians(
    [
      { args: ['-e', '0'], options: { cwd: post } },
      { args: [BIN, 'status'], options: { cwd: post } },
      // Without its cache each time, or every run after the first would answer from it.
      { args: [BIN, 'status'], options: { cwd: edited, ok: lenient }, before: () => dropStatusCache(edited) },
      { args: [BIN, 'check'], options: { cwd: post, ok: lenient } },
      { args: [BIN, 'review', '--html', 'review.html'], options: { cwd: post } },
    ],
    runs,
  ) as [number, number, number, number, number];
  goals.push(
    { figure: '`status`, unchanged post', value: formatMs(status), reference: `node -e 0: ${formatMs(node)}`, ratio: status / node, goal: '≤ 1.5', pass: status / node <= 1.5 },
    { figure: '`check`, post', value: formatMs(check), reference: `status with a parse: ${formatMs(parsed)}`, ratio: check / parsed, goal: '≤ 2', pass: check / parsed <= 2 },
    { figure: '`review --html`, post', value: formatMs(review), reference: `status with a parse: ${formatMs(parsed)}`, ratio: review / parsed, goal: '≤ 2', pass: review / parsed <= 2 },
  );
  return [
    { name: 'perf: node -e 0', ms: node, detail: `median of ${runs}` },
    { name: 'perf: status, unchanged post', ms: status, detail: `${(status / node).toFixed(2)}x node -e 0` },
    { name: 'perf: status, post with one paragraph edited', ms: parsed, detail: `${(parsed / node).toFixed(2)}x node -e 0` },
    { name: 'perf: check, post', ms: check, detail: `${(check / parsed).toFixed(2)}x status with a parse` },
    { name: 'perf: review --html, post', ms: review, detail: `${(review / parsed).toFixed(2)}x status with a parse` },
  ];
}

/** Removes `status`'s cache, so that the next status parses (the reference of the goals that need a parse). */
function dropStatusCache(dir: string): void {
  rmSync(join(dir, 'translations', '.bitext', 'cache'), { recursive: true, force: true });
}

/** Bytes of a file, or of every file under a folder. */
function sizeOf(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

interface ScaleRun {
  times: number;
  sourceBytes: number;
  translate: ProcessRun;
  /** Source plus everything written under translations/. */
  filesBytes: number;
}

async function scaleGoals(root: string, sizes: [number, number], goals: GoalRow[], note: (message: string) => void): Promise<Row[]> {
  const post = readFileSync(join(REPO, POST), 'utf8');
  const runs: ScaleRun[] = [];
  for (const times of sizes) {
    const dir = join(root, `x${times}`);
    mkdirSync(join(dir, 'content'), { recursive: true });
    const source = join(dir, 'content', 'post.md');
    writeFileSync(source, scaledPost(post, times));
    note(`x${times}: translate from scratch`);
    const translate = await runBitext(['translate', 'content/post.md', '--translator', 'pseudo'], { cwd: dir, usage: { hookDir: root } });
    runs.push({ times, sourceBytes: sizeOf(source), translate, filesBytes: sizeOf(source) + sizeOf(join(dir, 'translations')) });
  }
  const [small, big] = runs as [ScaleRun, ScaleRun];
  const label = `post x${big.times} (${formatMiB(big.sourceBytes)})`;
  const rows: Row[] = runs.map((run) => ({
    name: `perf: pseudo translate post x${run.times} from scratch`,
    ms: run.translate.ms,
    detail: `cpu ${formatMs(run.translate.cpuMs ?? Number.NaN)}, peak ${formatMiB(run.translate.maxRssBytes ?? 0)}, files ${formatMiB(run.filesBytes)}`,
  }));

  if (po4aInstalled()) {
    note(`x${big.times}: po4a extract + translate`);
    const po4a = await runPo4a(join(root, `x${big.times}`), join(root, `x${big.times}`, 'content', 'post.md'));
    const ratio = big.translate.ms / po4a.ms;
    goals.push({ figure: `${label}, pseudo translate from scratch`, value: formatMs(big.translate.ms), reference: `po4a extract+translate: ${formatMs(po4a.ms)}`, ratio, goal: '≤ 2', pass: ratio <= 2 });
    rows.push({ name: `perf: po4a extract+translate post x${big.times}`, ms: po4a.ms, detail: po4a.maxRssBytes === undefined ? '' : `peak ${formatMiB(po4a.maxRssBytes)}` });
    if (po4a.maxRssBytes !== undefined) {
      goals.push({ figure: `${label}, po4a peak memory`, value: formatMiB(po4a.maxRssBytes), reference: '–', ratio: undefined, goal: '–', pass: undefined });
    }
  } else {
    goals.push({ figure: `${label}, pseudo translate from scratch`, value: formatMs(big.translate.ms), reference: `po4a not installed; x${small.times}: ${formatMs(small.translate.ms)}`, ratio: big.translate.ms / small.translate.ms, goal: '≤ 2× po4a', pass: undefined });
  }
  const limit = 3 * big.filesBytes + 100 * MiB;
  const peak = big.translate.maxRssBytes ?? Number.NaN;
  goals.push({ figure: `${label}, peak memory`, value: formatMiB(peak), reference: `3× files (${formatMiB(big.filesBytes)}) + 100 MiB: ${formatMiB(limit)}`, ratio: peak / limit, goal: '≤ 1', pass: peak <= limit });
  const exponent = Math.log(big.translate.ms / small.translate.ms) / Math.log(big.sourceBytes / small.sourceBytes);
  goals.push({ figure: `growth x${small.times} → x${big.times} (exponent n^k)`, value: `${formatMs(small.translate.ms)} → ${formatMs(big.translate.ms)}`, reference: `size ×${(big.sourceBytes / small.sourceBytes).toFixed(1)}`, ratio: exponent, goal: '≤ 1.1', pass: exponent <= 1.1 });
  // The same from CPU time, which a machine shared with other work disturbs far less than wall time.
  const cpuExponent = Math.log((big.translate.cpuMs ?? Number.NaN) / (small.translate.cpuMs ?? Number.NaN)) / Math.log(big.sourceBytes / small.sourceBytes);
  goals.push({ figure: `growth x${small.times} → x${big.times}, CPU time`, value: `${formatMs(small.translate.cpuMs ?? Number.NaN)} → ${formatMs(big.translate.cpuMs ?? Number.NaN)}`, reference: `size ×${(big.sourceBytes / small.sourceBytes).toFixed(1)}`, ratio: cpuExponent, goal: '–', pass: undefined });

  // 1% of the paragraphs edited, then re-translated, against a status of the same edited document.
  const dir = join(root, `x${big.times}`);
  const source = join(dir, 'content', 'post.md');
  const { text, edited } = editParagraphs(readFileSync(source, 'utf8'), 0.01);
  writeFileSync(source, text);
  note(`x${big.times}: status and re-translate after editing ${edited} paragraphs`);
  const statusTimes: number[] = [];
  for (let i = 0; i < (big.times <= 10 ? 3 : 1); i++) {
    dropStatusCache(dir);
    statusTimes.push((await runBitext(['status', 'content/post.md'], { cwd: dir, ok: [0, 1] })).ms);
  }
  const status = median(statusTimes);
  const retranslate = await runBitext(['translate', 'content/post.md', '--translator', 'pseudo'], { cwd: dir });
  const editRatio = retranslate.ms / status;
  goals.push({ figure: `${label}, 1% edited (${edited} paragraphs), re-translate`, value: formatMs(retranslate.ms), reference: `status of it: ${formatMs(status)}`, ratio: editRatio, goal: '≤ 1.5', pass: editRatio <= 1.5 });
  rows.push(
    { name: `perf: status post x${big.times}, 1% edited`, ms: status, detail: `${edited} paragraphs edited` },
    { name: `perf: re-translate post x${big.times}, 1% edited`, ms: retranslate.ms, detail: `${editRatio.toFixed(2)}x its status` },
  );
  return rows;
}

/** Characters of the segments the plan sends, from `translate --json` reports (undefined if the format changed). */
function plannedCharacters(json: string): number | undefined {
  try {
    const reports = JSON.parse(json) as { plan?: { send?: { characters?: number }[] } }[];
    const total = reports.flatMap((report) => report.plan?.send ?? []).reduce((sum, item) => sum + (item.characters ?? 0), 0);
    return total > 0 ? total : undefined;
  } catch {
    return undefined;
  }
}

async function latencyGoals(root: string, runs: number, goals: GoalRow[]): Promise<Row[]> {
  const dir = postProject(root, 'latency', false);
  const fresh = () => {
    for (const file of readdirSync(join(dir, 'translations'))) {
      if (!file.startsWith('glossary')) rmSync(join(dir, 'translations', file), { recursive: true, force: true });
    }
  };
  // The local work of the same run: the same translation with no waiting on a server.
  const localTimes: number[] = [];
  let characters: number | undefined;
  for (let i = 0; i < runs; i++) {
    fresh();
    const run = await runBitext(['translate', '--translator', 'pseudo', '--json'], { cwd: dir });
    localTimes.push(run.ms);
    characters ??= plannedCharacters(run.stdout);
  }
  const local = median(localTimes);
  const rows: Row[] = [{ name: 'perf: pseudo translate post from scratch (local work)', ms: local, detail: `median of ${runs}` }];

  const apiKey = 'sk-bench-not-a-secret';
  const server = await startLatencyServer(LATENCY_MS, apiKey);
  try {
    const env = { OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: server.baseURL };
    for (const concurrency of CONCURRENCIES) {
      fresh();
      // --no-validate: the fake server's replies keep the source text (see startLatencyServer).
      const args = ['translate', '--translator', 'openai', '--concurrency', String(concurrency), '--no-validate'];
      const run = await runBitext(args, { cwd: dir, env });
      const stats = server.take();
      const ideal = Math.ceil(stats.requests / concurrency) * LATENCY_MS + local;
      const ratio = run.ms / ideal;
      goals.push({
        figure: `translate post, ${LATENCY_MS} ms server, concurrency ${concurrency}`,
        value: formatMs(run.ms),
        reference: `ceil(${stats.requests}/${concurrency})×${LATENCY_MS} ms + local ${formatMs(local)} = ${formatMs(ideal)}`,
        ratio,
        goal: '≤ 1.15',
        pass: ratio <= 1.15,
      });
      rows.push({ name: `perf: translate post, ${LATENCY_MS} ms server, concurrency ${concurrency}`, ms: run.ms, detail: `${stats.requests} requests, at most ${stats.maxInFlight} in flight; ${ratio.toFixed(2)}x ideal` });
      if (concurrency !== 1) continue;
      const sourceCharacters = characters ?? stats.segmentCharacters;
      const perChar = stats.promptCharacters / sourceCharacters;
      goals.push({
        figure: 'prompt characters per source character, post',
        value: `${stats.promptCharacters.toLocaleString('en')} chars in ${stats.requests} requests`,
        reference: `segments: ${sourceCharacters.toLocaleString('en')} chars`,
        ratio: perChar,
        goal: '≤ 1.6',
        pass: perChar <= 1.6,
      });
      goals.push({
        figure: 'prompt prefix shared with an earlier request',
        value: `${stats.sharedPrefixCharacters.toLocaleString('en')} chars`,
        reference: `all prompts: ${stats.promptCharacters.toLocaleString('en')} chars`,
        ratio: stats.sharedPrefixCharacters / stats.promptCharacters,
        goal: '–',
        pass: undefined,
      });
      const summary = `${run.stdout}\n${run.stderr}`;
      const reported = /cached/i.test(summary);
      goals.push({
        figure: 'cached tokens in the run summary',
        value: reported ? `shown: "${summary.split('\n').find((line) => /cached/i.test(line))?.trim() ?? ''}"` : 'not shown',
        reference: `server reported ${stats.cachedTokens.toLocaleString('en')} of ${stats.promptTokens.toLocaleString('en')} prompt tokens cached`,
        ratio: undefined,
        goal: 'shown',
        pass: reported,
      });
    }
  } finally {
    await server.close();
  }
  return rows;
}
