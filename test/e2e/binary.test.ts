import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBilingual } from '../../src/bilingual/parse-bilingual.js';
import { projectWithPost, readText, REPO } from '../helpers/temp-project.js';
import { recordingTranslator } from '../helpers/recording-translator.js';

const BIN = join(REPO, 'dist', 'bin', 'bitext.js');

function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
}

describe('the real binary', () => {
  it('is built (npm test builds it first)', () => {
    expect(existsSync(BIN)).toBe(true);
  });

  it('--help lists every command; exit codes are 0, 1 and 2', () => {
    const dir = projectWithPost();
    const help = run(dir, ['--help']);
    expect(help.status).toBe(0);
    for (const command of ['translate', 'status', 'diff', 'accept', 'check', 'review', 'mv']) expect(help.stdout).toContain(command);
    expect(run(dir, ['status', 'content/post.md', '--check']).status).toBe(1);
    expect(run(dir, ['status', '--bogus']).status).toBe(2);
    const translate = run(dir, ['translate', 'content/post.md', '--translator', 'pseudo']);
    expect(translate.status).toBe(0);
    expect(translate.stderr).toContain('en: 1/1 documents, 180/180 segments');
    expect(run(dir, ['status', 'content/post.md', '--check']).status).toBe(0);
  });

  it('kill -9 in the middle of a run leaves valid files; the next run sends only what was unfinished', async () => {
    const dir = projectWithPost();
    const recorder = recordingTranslator(dir);
    const args = [BIN, 'translate', 'content/post.md', '--translator', 'command', '--command', recorder.command, '--concurrency', '1'];
    const child = spawn(process.execPath, args, { cwd: dir, env: { PATH: process.env.PATH ?? '', SLOW_MS: '150' }, stdio: 'ignore' });
    // Wait until some batches are saved, then kill without warning.
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (recorder.sent().length >= 40) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        } else if (Date.now() - started > 60_000) {
          clearInterval(poll);
          reject(new Error('the run never got going'));
        }
      }, 20);
    });
    await new Promise((resolve) => child.on('exit', resolve));

    const bilingual = readText(dir, 'translations/post.zh-en.md');
    const doc = parseBilingual(bilingual, 'post.zh-en.md'); // valid, not half-written
    const done = doc.segments.filter((s) => s.translation !== undefined).map((s) => s.source);
    const sentBefore = recorder.sent();
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(180);
    expect(existsSync(join(dir, 'translations', 'post.zh-en.md.lock'))).toBe(true); // left behind by kill -9

    const rerun = run(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command]);
    expect(rerun.status, rerun.stderr).toBe(0);
    const resent = recorder.sent().slice(sentBefore.length).map((s) => s.text);
    for (const text of resent) expect(done).not.toContain(text);
    const final = parseBilingual(readText(dir, 'translations/post.zh-en.md'), 'x');
    expect(final.segments.every((s) => s.translation !== undefined)).toBe(true);
    // Everything sent more than once was in flight when the process died (at most one batch).
    const unique = new Set(recorder.sent().map((s) => s.text));
    expect(recorder.sent().length - unique.size).toBeLessThanOrEqual(20);
    expect(readFileSync(join(dir, 'translations', 'post.en.md'), 'utf8')).not.toMatch(/[\u3400-\u9fff]{4}/);
  });

  it('Ctrl-C stops after the requests in flight, saves them, releases the lock and exits 130', async () => {
    const dir = projectWithPost();
    const recorder = recordingTranslator(dir);
    const child = spawn(process.execPath, [BIN, 'translate', 'content/post.md', '--translator', 'command', '--command', recorder.command, '--concurrency', '1'], { cwd: dir, env: { PATH: process.env.PATH ?? '', SLOW_MS: '150' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (recorder.sent().length >= 20) {
          clearInterval(poll);
          child.kill('SIGINT');
          resolve();
        }
      }, 20);
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('finished work is saved');
    expect(existsSync(join(dir, 'translations', 'post.zh-en.md.lock'))).toBe(false);
    const saved = parseBilingual(readText(dir, 'translations/post.zh-en.md'), 'x').segments.filter((s) => s.translation !== undefined).length;
    expect(saved).toBeGreaterThanOrEqual(recorder.sent().length - 20);
    expect(saved).toBeLessThan(180);
    const before = recorder.sent().length;
    expect(run(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command]).status).toBe(0);
    expect(recorder.sent().length - before).toBeLessThanOrEqual(180 - saved);
  });

  it('a second run on the same document while one is running refuses with a clear message', async () => {
    const dir = projectWithPost();
    const recorder = recordingTranslator(dir);
    const child = spawn(process.execPath, [BIN, 'translate', 'content/post.md', '--translator', 'command', '--command', recorder.command, '--concurrency', '1'], { cwd: dir, env: { PATH: process.env.PATH ?? '', SLOW_MS: '300' }, stdio: 'ignore' });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(join(dir, 'translations', 'post.zh-en.md.lock'))) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    const second = run(dir, ['translate', 'content/post.md', '--translator', 'pseudo']);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/another bitext run \(pid \d+, started .*\) is working on this document/);
  });
});
