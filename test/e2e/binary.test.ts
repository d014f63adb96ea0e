import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBilingual } from '../../src/bilingual/parse-bilingual.js';
import { projectWithPost, readText, REPO, tempProject, writeFile } from '../helpers/temp-project.js';
import { recordingTranslator } from '../helpers/recording-translator.js';

const BIN = join(REPO, 'dist', 'bin', 'bitext.js');

function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
}

/** Resolves once `condition` holds (checked every 20 ms); rejects if the run never gets there. */
function pollUntil(condition: () => boolean, limitMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (condition()) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > limitMs) {
        clearInterval(poll);
        reject(new Error('the run never got going'));
      }
    }, 20);
  });
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

  it('kill -9 in the middle of a run leaves valid files; the next run sends only what was in flight, and status says so meanwhile', async () => {
    const dir = projectWithPost();
    const recorder = recordingTranslator(dir);
    const args = [BIN, 'translate', 'content/post.md', '--translator', 'command', '--command', recorder.command, '--concurrency', '1'];
    const child = spawn(process.execPath, args, { cwd: dir, env: { PATH: process.env.PATH ?? '', SLOW_MS: '150' }, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Wait until some batches are answered, then kill without warning.
    await pollUntil(() => recorder.sent().length >= 40);
    child.kill('SIGKILL');
    await exited;

    // Whatever is on disk is whole: the bilingual document (if written yet) and the memory parse.
    const bilingualPath = join(dir, 'translations', 'post.zh-en.md');
    if (existsSync(bilingualPath)) parseBilingual(readFileSync(bilingualPath, 'utf8'), 'post.zh-en.md');
    const memoryPath = join(dir, 'translations', '.bitext', 'memory.json');
    if (existsSync(memoryPath)) expect(Array.isArray(JSON.parse(readFileSync(memoryPath, 'utf8')).entries)).toBe(true);
    expect(existsSync(join(dir, 'translations', 'post.zh-en.md.lock'))).toBe(true); // left behind by kill -9
    const sentBefore = recorder.sent();

    // status names the finished work the document does not show yet; --check still fails.
    const status = run(dir, ['status', 'content/post.md']);
    const left = Number(/an interrupted run left (\d+) finished translation\(s\)/.exec(status.stdout)?.[1] ?? 0);
    expect(status.stdout, status.stdout).toContain('the next `bitext translate` takes them at no cost');
    // Everything answered but the batch in flight (at most 20 segments) is kept.
    expect(left).toBeGreaterThanOrEqual(sentBefore.length - 20);
    expect(left).toBeLessThanOrEqual(sentBefore.length);
    expect(run(dir, ['status', 'content/post.md', '--check']).status).toBe(1);

    const rerun = run(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command]);
    expect(rerun.status, rerun.stderr).toBe(0);
    const resent = recorder.sent().slice(sentBefore.length).map((s) => s.text);
    const before = new Set(sentBefore.map((s) => s.text));
    // Paid twice: only what was in flight when the process died (at most one batch).
    expect(resent.filter((text) => before.has(text)).length).toBeLessThanOrEqual(sentBefore.length - left);
    expect(resent.filter((text) => before.has(text)).length).toBeLessThanOrEqual(20);
    const final = parseBilingual(readText(dir, 'translations/post.zh-en.md'), 'x');
    expect(final.segments.every((s) => s.translation !== undefined)).toBe(true);
    expect(readFileSync(join(dir, 'translations', 'post.en.md'), 'utf8')).not.toMatch(/[\u3400-\u9fff]{4}/);
    // The dead run's journal is folded into the memory and gone; status is clean again.
    expect(readdirSync(join(dir, 'translations', '.bitext', 'journal')).filter((n) => n.endsWith('.jsonl'))).toEqual([]);
    const memory = readFileSync(memoryPath, 'utf8');
    for (const segment of final.segments) expect(memory).toContain(`"zh>en:${segment.sourceHash}"`);
    const after = run(dir, ['status', 'content/post.md', '--check']);
    expect(after.status).toBe(0);
    expect(after.stdout).not.toContain('interrupted');
  });

  it('suggestions finished before a kill -9 are not lost: the next run stores them beside the person\'s translations without asking again', async () => {
    // The committed post, translated by people: under an edited source every segment is a conflict.
    const dir = tempProject({ 'bitext.config.json': JSON.stringify({ translatorOptions: { maxSegmentsPerRequest: 5 } }) });
    const post = 'content/john-schulman-interview.md';
    const bilingualName = 'translations/john-schulman-interview.zh-en.md';
    writeFile(dir, post, readFileSync(join(REPO, post), 'utf8').replaceAll('。', '！'));
    writeFile(dir, bilingualName, readFileSync(join(REPO, bilingualName), 'utf8'));
    const people = new Map(parseBilingual(readText(dir, bilingualName), 'x').segments.map((s) => [s.id, s.translation]));
    const recorder = recordingTranslator(dir);
    const args = ['translate', post, '--translator', 'command', '--command', recorder.command, '--concurrency', '1'];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', SLOW_MS: '150' }, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await pollUntil(() => recorder.sent().length >= 15);
    child.kill('SIGKILL');
    await exited;
    const sentBefore = new Set(recorder.sent().map((s) => s.text));
    const journals = join(dir, 'translations', '.bitext', 'journal');
    const lines = readdirSync(journals).filter((n) => n.endsWith('.jsonl')).flatMap((n) => readFileSync(join(journals, n), 'utf8').split('\n').slice(1, -1));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ suggestion: true });

    const rerun = run(dir, args);
    expect(rerun.status, rerun.stderr).toBe(1); // conflicts remain for a person to settle
    const resent = recorder.sent().slice(sentBefore.size).map((s) => s.text);
    expect(resent.filter((text) => sentBefore.has(text)).length).toBeLessThanOrEqual(sentBefore.size - lines.length);
    const final = parseBilingual(readText(dir, bilingualName), 'x');
    const edited = final.segments.filter((s) => s.source.includes('！'));
    expect(edited.length).toBeGreaterThan(20);
    for (const segment of edited) {
      expect(segment.translation).toBe(people.get(segment.id));
      expect(segment.suggestion?.text).toMatch(/^EN /);
    }
  });

  it('Ctrl-C stops after the requests in flight, saves them, releases the lock and exits 130', async () => {
    const dir = projectWithPost();
    const recorder = recordingTranslator(dir);
    const child = spawn(process.execPath, [BIN, 'translate', 'content/post.md', '--translator', 'command', '--command', recorder.command, '--concurrency', '1'], { cwd: dir, env: { PATH: process.env.PATH ?? '', SLOW_MS: '150' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    await pollUntil(() => recorder.sent().length >= 20);
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('finished work is saved');
    expect(existsSync(join(dir, 'translations', 'post.zh-en.md.lock'))).toBe(false);
    const savedSegments = parseBilingual(readText(dir, 'translations/post.zh-en.md'), 'x').segments.filter((s) => s.translation !== undefined);
    const saved = savedSegments.length;
    expect(saved).toBeGreaterThanOrEqual(recorder.sent().length - 20);
    expect(saved).toBeLessThan(180);
    // Everything is saved before exiting: the target, the memory; the run's journal is no longer needed.
    expect(readText(dir, 'translations/post.en.md').split('EN ').length - 1).toBeGreaterThanOrEqual(saved);
    const memoryPath = join(dir, 'translations', '.bitext', 'memory.json');
    const memory = existsSync(memoryPath) ? readFileSync(memoryPath, 'utf8') : '';
    for (const segment of savedSegments) expect(memory).toContain(`"zh>en:${segment.sourceHash}"`);
    const journals = join(dir, 'translations', '.bitext', 'journal');
    expect(existsSync(journals) ? readdirSync(journals).filter((n) => n.endsWith('.jsonl')) : []).toEqual([]);
    const before = recorder.sent().length;
    expect(run(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command]).status).toBe(0);
    expect(recorder.sent().length - before).toBeLessThanOrEqual(180 - saved);
  });

  it('a second run on the same document while one is running refuses with a clear message', async () => {
    const dir = projectWithPost();
    const recorder = recordingTranslator(dir);
    const child = spawn(process.execPath, [BIN, 'translate', 'content/post.md', '--translator', 'command', '--command', recorder.command, '--concurrency', '1'], { cwd: dir, env: { PATH: process.env.PATH ?? '', SLOW_MS: '300' }, stdio: 'ignore' });
    await pollUntil(() => existsSync(join(dir, 'translations', 'post.zh-en.md.lock')));
    const second = run(dir, ['translate', 'content/post.md', '--translator', 'pseudo']);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/another bitext run \(pid \d+, started .*\) is working on this document/);
  });
});
