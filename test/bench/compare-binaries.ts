import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, interleavedMedians, REPO } from './run-process.js';

/**
 * Times one command of two builds of bitext on a copy of the committed post, in turns, e.g. the
 * code before a change (a `git worktree` or `git archive` of it, built) against this one:
 *
 *   node --import tsx test/bench/compare-binaries.ts /tmp/old/dist/bin/bitext.js check [runs]
 */
async function compareBinaries(oldBin: string, args: string[], runs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-compare-'));
  try {
    for (const entry of ['.bitext.json', 'content', 'translations']) cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
    const options = { cwd: dir, ok: [0, 1] };
    const [node, before, after] = (await interleavedMedians(
      [
        { args: ['-e', '0'], options },
        { args: [oldBin, ...args], options },
        { args: [BIN, ...args], options },
      ],
      runs,
    )) as [number, number, number];
    console.log(`bitext ${args.join(' ')} (medians of ${runs}, in turns; node -e 0: ${node.toFixed(0)} ms)`);
    console.log(`  ${oldBin}: ${before.toFixed(0)} ms`);
    console.log(`  ${BIN}: ${after.toFixed(0)} ms (${(before / after).toFixed(2)}x as fast)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [oldBin, command, runs] = process.argv.slice(2);
if (oldBin === undefined || command === undefined) {
  console.error('usage: node --import tsx test/bench/compare-binaries.ts <old dist/bin/bitext.js> <command> [runs]');
  process.exitCode = 2;
} else {
  await compareBinaries(oldBin, command.split(' '), Number(runs ?? 9));
}
