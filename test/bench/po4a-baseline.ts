import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './run-process.js';

/** po4a's time and peak memory for one document: extract a POT, fill it (msgen), write the translation. */
export interface Po4aRun {
  ms: number;
  /** The largest peak memory of the steps, when `/usr/bin/time` is there to tell. */
  maxRssBytes: number | undefined;
}

const TOOLS = ['po4a-updatepo', 'po4a-translate', 'msgen'];

/** Whether po4a (the Debian package) and gettext's msgen are installed. */
export function po4aInstalled(): boolean {
  return TOOLS.every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0);
}

// The Markdown module, and lenient front matter: po4a's YAML reader rejects the post's folded summary.
const FORMAT = ['-f', 'text', '-o', 'markdown', '-o', 'yfm_lenient', '-M', 'UTF-8'];

/**
 * po4a's equivalent of a pseudo translation from scratch, in `dir`: extract every message
 * (`po4a-updatepo`), translate each to itself (`msgen`), write the translated document
 * (`po4a-translate -k 0`). The time is the sum of the three processes.
 */
export async function runPo4a(dir: string, markdown: string): Promise<Po4aRun> {
  const pot = join(dir, 'po4a.pot');
  const po = join(dir, 'po4a.po');
  const out = join(dir, 'po4a.out.md');
  for (const file of [pot, po, out]) rmSync(file, { force: true });
  const steps: [string, string[]][] = [
    ['po4a-updatepo', [...FORMAT, '-m', markdown, '-p', pot]],
    ['msgen', [pot, '-o', po]],
    ['po4a-translate', [...FORMAT, '-m', markdown, '-p', po, '-l', out, '-k', '0']],
  ];
  const timed = existsSync('/usr/bin/time');
  let ms = 0;
  let maxRssBytes: number | undefined;
  for (const [tool, args] of steps) {
    const rss = join(dir, 'po4a.rss');
    const run = timed
      ? await runCommand('/usr/bin/time', ['-f', '%M', '-o', rss, tool, ...args], { cwd: dir })
      : await runCommand(tool, args, { cwd: dir });
    ms += run.ms;
    if (timed) maxRssBytes = Math.max(maxRssBytes ?? 0, Number(readFileSync(rss, 'utf8').trim().split('\n').pop()) * 1024);
  }
  if (!existsSync(out)) throw new Error('po4a-translate wrote no translation');
  return { ms, maxRssBytes };
}
