import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockedError } from '../../src/model/errors.js';
import { acquireLock } from '../../src/store/document-lock.js';
import { tempProject } from '../helpers/temp-project.js';

function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('acquireLock', () => {
  it('of many simultaneous takeovers of a dead process\'s lock, exactly one wins', async () => {
    const dead = deadPid();
    for (let trial = 0; trial < 30; trial++) {
      const dir = tempProject();
      const document = join(dir, 'doc.zh-en.md');
      writeFileSync(`${document}.lock`, JSON.stringify({ pid: dead, host: hostname(), started: 'earlier' }));
      // Staggered starts, so that one run's read of the dead holder falls between another's steps.
      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => new Promise((r) => setTimeout(r, (i * 7 + trial) % 4)).then(() => acquireLock(document, 'doc'))));
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      expect(won, `trial ${trial}`).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(LockedError);
      await (won[0] as unknown as PromiseFulfilledResult<() => Promise<void>>).value();
      expect(existsSync(`${document}.lock`)).toBe(false);
      expect(existsSync(`${document}.lock.takeover`)).toBe(false);
    }
  });

  it('refuses while the holder runs, and says who holds it and what to do', async () => {
    const dir = tempProject();
    const document = join(dir, 'doc.zh-en.md');
    const release = await acquireLock(document, 'doc');
    await expect(acquireLock(document, 'doc')).rejects.toThrow(/another bitext run \(pid \d+/);
    await release();
    const again = await acquireLock(document, 'doc');
    await again();
  });

  it('a release never removes a lock someone else holds now', async () => {
    const dir = tempProject();
    const document = join(dir, 'doc.zh-en.md');
    const release = await acquireLock(document, 'doc');
    // Someone deleted our lock by hand and another run took it.
    writeFileSync(`${document}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), started: 'now', token: 'someone-else' }));
    await release();
    expect(existsSync(`${document}.lock`)).toBe(true);
  });
});
