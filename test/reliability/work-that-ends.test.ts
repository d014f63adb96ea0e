import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer } from '../helpers/fake-openai-server.js';
import type { FakeServer } from '../helpers/recording-server.js';
import { isRunning, smallDocument, spawnBitext } from '../helpers/run-bitext.js';
import { bitext, projectWithPost, tempProject, writeFile } from '../helpers/temp-project.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('work that never ends or cannot be stopped', () => {
  it('a command translator that hangs is killed with every process it started, and bitext exits', async () => {
    const dir = tempProject({ 'content/doc.md': smallDocument(2) });
    // The shell starts a child that keeps running, holding stdout open, and never answers.
    writeFile(dir, 'hang.sh', `sleep 300 &\necho $! > child.pid\nwait\n`);
    const run = await spawnBitext(dir, ['translate', 'content/doc.md', '--translator', 'command', '--command', 'sh hang.sh', '--timeout', '1', '--max-attempts', '1'], { limitMs: 25_000 });
    expect(run.timedOut, 'bitext must exit after its summary').toBe(false);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('failed');
    const child = Number(readFileSync(join(dir, 'child.pid'), 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(isRunning(child), "the command's child must be killed too").toBe(false);
    expect(existsSync(join(dir, 'translations/doc.zh-en.md.lock'))).toBe(false);
  });

  it('a command printing hundreds of megabytes is stopped at a bound, with a clear error, and the lock is released', async () => {
    const dir = tempProject({ 'content/doc.md': smallDocument(2) });
    writeFile(dir, 'flood.mjs', "const b = Buffer.alloc(1 << 20, 120);\nlet sent = 0;\n(function w() { while (sent++ < 200 && process.stdout.write(b)); if (sent < 200) process.stdout.once('drain', w); })();\n");
    const run = await spawnBitext(dir, ['translate', 'content/doc.md', '--translator', 'command', '--command', 'node flood.mjs', '--max-attempts', '1'], { limitMs: 25_000 });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/printed more than 32 MiB/);
    expect(existsSync(join(dir, 'translations/doc.zh-en.md.lock'))).toBe(false);
  });

  it('Retry-After: 100000 is capped at 60 s, and the message says so', async () => {
    const dir = tempProject({
      'content/doc.md': smallDocument(1),
      'slow-down.mjs': `import { TranslatorError } from ${JSON.stringify(new URL('../../dist/translate/translator.js', import.meta.url).pathname)};
export function createTranslator() { return { name: 'limited', limits: { maxSegmentsPerRequest: 10, maxCharactersPerRequest: 10000 }, async translate() { throw new TranslatorError('slow down', { kind: 'rate-limit', retryAfterMs: 100000 * 1000 }); } }; }`,
    });
    const run = await bitext(dir, ['translate', 'content/doc.md', '--translator', './slow-down.mjs'], {}, (stderr, abort) => {
      if (stderr.includes('retrying in')) abort();
    });
    expect(run.stderr).not.toContain('100000.0 s');
    expect(run.stderr).toMatch(/retrying in 60\.0 s/);
    expect(run.stderr).toContain('the service asked to wait 100000 s; waiting at most 60 s');
    expect(run.code).toBe(130);
  });

  it('a rejected key (401) is reported once with a count, not once per segment', async () => {
    const dir = projectWithPost();
    server = await startFakeOpenAIServer('sk-the-right-key-123456');
    const run = await bitext(dir, ['translate', 'content/post.md', '--translator', 'openai'], { OPENAI_API_KEY: 'sk-a-wrong-key-9876543210', OPENAI_BASE_URL: `${server.url}/v1` });
    expect(run.code).toBe(1);
    const output = `${run.stdout}${run.stderr}`;
    const lines = output.split('\n').filter((l) => l.includes('Incorrect API key'));
    expect(lines.length, output).toBeLessThanOrEqual(3);
    expect(output).toMatch(/failed \d+ segments \(/);
    expect(output).not.toContain('sk-a-wrong-key-9876543210');
  });
});
