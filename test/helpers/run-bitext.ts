import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, type CliResult } from './temp-project.js';

/** The built binary (`npm run build`, which `npm test` runs first). */
export const BIN = join(REPO, 'dist', 'bin', 'bitext.js');

/** A small Chinese document of `n` distinct paragraphs, each long enough to be translated. */
export function smallDocument(n = 4): string {
  const paragraphs = Array.from({ length: n }, (_, i) => `第${i + 1}段：我们讨论了模型的训练方法和评估，编号${i + 1}。`);
  return `# 标题\n\n${paragraphs.join('\n\n')}\n`;
}

/** Runs the real binary; resolves with its output, or with `timedOut` if it outlives `limitMs`. */
export function spawnBitext(
  cwd: string,
  args: string[],
  options: { env?: Record<string, string>; limitMs?: number } = {},
): Promise<CliResult & { timedOut: boolean; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.limitMs ?? 30_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, timedOut, signal });
    });
  });
}

/** True while a process with this pid runs (a zombie waiting to be reaped does not count). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}
