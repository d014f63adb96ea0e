import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const REPO = new URL('../..', import.meta.url).pathname;
const BIN = join(REPO, 'dist', 'bin', 'bitext.js');
const RUNS = 7;

/** Median wall time of a whole process, in ms. */
function timeProcess(args: string[], cwd: string, before?: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    before?.();
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
    times.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)] ?? 0;
}

/**
 * Whole-process times of `bitext status` and a pseudo `translate` of the post, measured in the
 * same run as `node -e 0` so the ratios hold on a noisy shared machine; plus the review page.
 * Needs `npm run build` first.
 */
export async function benchCli(): Promise<{ name: string; ms: number; detail: string }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-bench-'));
  try {
    mkdirSync(join(dir, 'content'));
    copyFileSync(join(REPO, 'content', 'john-schulman-interview.md'), join(dir, 'content', 'post.md'));
    const node = timeProcess(['-e', '0'], dir);
    const help = timeProcess([BIN, '--help'], dir);
    const translate = timeProcess([BIN, 'translate', 'content/post.md', '--translator', 'pseudo'], dir, () => rmSync(join(dir, 'translations'), { recursive: true, force: true }));
    const status = timeProcess([BIN, 'status', 'content/post.md'], dir);
    const review = timeProcess([BIN, 'review', 'content/post.md', '--html', 'review.html'], dir);
    const size = statSync(join(dir, 'review.html')).size;
    const ratio = (ms: number) => `${(ms / node).toFixed(1)}x node -e 0`;
    return [
      { name: 'node -e 0 (baseline)', ms: node, detail: '1.0x' },
      { name: 'bitext --help', ms: help, detail: ratio(help) },
      { name: 'bitext status (post)', ms: status, detail: ratio(status) },
      { name: 'bitext translate --translator pseudo (post, from scratch)', ms: translate, detail: ratio(translate) },
      { name: 'bitext review --html (post)', ms: review, detail: `${ratio(review)}; page ${(size / 1024).toFixed(0)} KiB` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
