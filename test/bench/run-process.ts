import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Where the built CLI lives; every goal is measured through it, never through internal functions. */
export const REPO = new URL('../..', import.meta.url).pathname;
export const BIN = join(REPO, 'dist', 'bin', 'bitext.js');

/** One finished child process: wall time, output, and (when asked for) its own resource usage. */
export interface ProcessRun {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the child in bytes, when run with `usage`. */
  maxRssBytes?: number;
  /** CPU time (user + system) of the child, when run with `usage`: less swayed than wall time by a busy machine. */
  cpuMs?: number;
}

/** How to run a child: folder, extra environment, exit codes that count as success. */
export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  ok?: readonly number[];
  /** Record the child's peak memory through a tiny `--require` hook (adds ~1 ms; not for startup timings). */
  usage?: { hookDir: string };
}

// Written by the child itself at exit: process.resourceUsage() covers exactly that process, unlike
// timing wrappers that would also count a shell or `time`.
const USAGE_HOOK = `const fs = require('node:fs');
process.on('exit', () => { try { fs.writeFileSync(process.env.BITEXT_BENCH_USAGE_FILE, JSON.stringify(process.resourceUsage())); } catch {} });
`;

/** Runs `node ...args` to completion (asynchronously, so an in-process server can answer it). */
export function runNode(args: readonly string[], options: RunOptions): Promise<ProcessRun> {
  return runCommand(process.execPath, args, options);
}

/** Runs any program to completion; `usage` only works for Node programs. */
export async function runCommand(program: string, args: readonly string[], options: RunOptions): Promise<ProcessRun> {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  let usageFile: string | undefined;
  if (options.usage) {
    const hook = join(options.usage.hookDir, 'bench-usage-hook.cjs');
    writeFileSync(hook, USAGE_HOOK);
    usageFile = join(options.usage.hookDir, `bench-usage-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
    env['NODE_OPTIONS'] = `${env['NODE_OPTIONS'] ?? ''} --require ${hook}`.trim();
    env['BITEXT_BENCH_USAGE_FILE'] = usageFile;
  }
  const start = performance.now();
  const result = await new Promise<Omit<ProcessRun, 'ms'>>((resolve, reject) => {
    const child = spawn(program, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
  const ms = performance.now() - start;
  const ok = options.ok ?? [0];
  if (result.code === null || !ok.includes(result.code)) {
    throw new Error(`${program} ${args.join(' ')} (in ${options.cwd}) exited ${result.code}:\n${result.stderr.slice(0, 2000)}`);
  }
  const run: ProcessRun = { ms, ...result };
  if (usageFile) {
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRSS: number; userCPUTime: number; systemCPUTime: number };
    rmSync(usageFile, { force: true });
    run.maxRssBytes = usage.maxRSS * 1024;
    run.cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  }
  return run;
}

/** Runs the built CLI: `node dist/bin/bitext.js ...args`. */
export function runBitext(args: readonly string[], options: RunOptions): Promise<ProcessRun> {
  return runNode([BIN, ...args], options);
}

/** The median of some numbers (the lower middle for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/**
 * Median wall times of several commands, run in turns (A B C A B C ...) after one warm-up round,
 * so that a burst of load on a shared machine hits every command alike and the ratios hold.
 */
export async function interleavedMedians(
  commands: readonly { args: readonly string[]; options: RunOptions; before?: () => void }[],
  runs: number,
): Promise<number[]> {
  const times: number[][] = commands.map(() => []);
  for (let round = -1; round < runs; round++) {
    for (const [i, command] of commands.entries()) {
      command.before?.();
      const run = await runNode(command.args, command.options);
      if (round >= 0) times[i]!.push(run.ms);
    }
  }
  return times.map(median);
}
