import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingTranslator } from '../helpers/recording-translator.js';
import { smallDocument } from '../helpers/run-bitext.js';
import { bitext, REPO, tempProject, writeFile } from '../helpers/temp-project.js';

const LOCK_MODULE = JSON.stringify(join(REPO, 'dist', 'store', 'document-lock.js'));

/** A pid that certainly belongs to no process any more: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** Starts `n` processes at once that each try the document lock and say whether they got it. */
async function lockRace(dir: string, n: number): Promise<string[]> {
  const script = `import { acquireLock } from ${LOCK_MODULE};
const go = Number(process.argv[1]);
while (Date.now() < go) {}
try { const release = await acquireLock(${JSON.stringify(join(dir, 'doc.zh-en.md'))}, 'doc'); process.stdout.write('took'); await new Promise((r) => setTimeout(r, 2500)); await release(); }
catch (error) { process.stdout.write(error.name === 'LockedError' ? 'locked' : 'error ' + error.message); }`;
  writeFile(dir, 'race.mjs', script);
  // Every process spins until the same moment, so they reach the stale lock together; the winner
  // holds it long enough that a slow starter cannot mistake a released lock for a race.
  const go = Date.now() + 1000;
  return Promise.all(
    Array.from({ length: n }, () => new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [join(dir, 'race.mjs'), String(go)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
      child.on('close', () => resolve(out));
    })),
  );
}

describe('races', () => {
  // Real processes, once (the in-process race in test/store/document-lock.test.ts runs 30 trials;
  // `npm run torture` runs N races of the whole CLI).
  it('of several processes finding a dead process\'s lock, exactly one takes it over', async () => {
    for (let trial = 0; trial < 1; trial++) {
      const dir = tempProject();
      writeFile(dir, 'doc.zh-en.md.lock', JSON.stringify({ pid: deadPid(), host: (await import('node:os')).hostname(), started: 'earlier' }));
      const outcomes = await lockRace(dir, 4);
      expect(outcomes.filter((o) => o === 'took'), outcomes.join(', ')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'locked')).toHaveLength(3);
    }
  });

  it('runs on different documents sharing an output folder lose no memory entries, whatever the interleaving', async () => {
    for (let trial = 0; trial < 3; trial++) {
      const documents = ['a', 'b', 'c'];
      const files: Record<string, string> = {};
      for (const [i, name] of documents.entries()) files[`content/${name}.md`] = smallDocument(6).replace(/编号/g, `文档${i}编号`);
      const dir = tempProject(files);
      const recorder = recordingTranslator(dir);
      const runs = await Promise.all(documents.map((name) => bitext(dir, ['translate', `content/${name}.md`, '--translator', 'command', '--command', recorder.command, '--concurrency', '3'], { SLOW_MS: String(5 + trial * 10) })));
      for (const run of runs) expect(run.code, run.stderr).toBe(0);
      const memory = JSON.parse(readFileSync(join(dir, 'translations/.bitext/memory.json'), 'utf8')) as { entries: { source: string }[] };
      // Each document: a heading (the same in all three) and six paragraphs of its own.
      expect(memory.entries.map((e) => e.source).sort()).toHaveLength(1 + 6 * documents.length);
    }
  });
});
