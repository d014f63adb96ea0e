import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/run-bitext.js';
import { bitext, projectWithPost, tempProject } from '../helpers/temp-project.js';

/** Runs `bitext <args> | head -n 1` in a shell; the exit codes of both sides and bitext's stderr. */
function pipedToHead(cwd: string, args: string): { bitextCode: number; stderr: string; firstLine: string } {
  const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" ${args} 2>stderr.txt | head -n 1; echo "exit=\${PIPESTATUS[0]}"; cat stderr.txt`], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  const [firstLine = '', exit = '', ...rest] = result.stdout.split('\n');
  return { bitextCode: Number(exit.replace('exit=', '')), stderr: rest.join('\n'), firstLine };
}

describe('output hygiene', () => {
  it('`status --json | head -1` and `review | head -1` end quietly: no EPIPE stack trace', async () => {
    const dir = projectWithPost();
    expect((await bitext(dir, ['translate', 'content/post.md', '--translator', 'pseudo'])).code).toBe(0);
    // Many copies of the post make the output far larger than a pipe's buffer.
    const status = pipedToHead(dir, 'status content/post.md --json --all');
    expect(status.firstLine).toBe('{');
    expect(status.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(status.bitextCode).toBe(0);
    const review = pipedToHead(dir, 'review content/post.md --color never');
    expect(review.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(review.bitextCode).toBe(0);
  });

  it('terminal escape sequences from a document are never printed raw, in any command', async () => {
    const hostile = '这是一个段落\u001b[2J\u001b]0;owned\u0007，还有更多的文字\u009b31m在这里。';
    const dir = tempProject({ 'content/doc.md': `# 标题\u001b[8m\n\n${hostile}\n` });
    const outputs: string[] = [];
    const run = async (argv: string[]) => {
      const result = await bitext(dir, argv, { FORCE_COLOR: '1' });
      outputs.push(`${argv.join(' ')} → ${result.stdout}${result.stderr}`);
      return result;
    };
    await run(['translate', 'content/doc.md', '--translator', 'pseudo', '--dry-run']);
    await run(['translate', 'content/doc.md', '--translator', 'pseudo']);
    // Change the source so that diff has something to show.
    const { writeFile } = await import('../helpers/temp-project.js');
    writeFile(dir, 'content/doc.md', `# 标题\u001b[8m\n\n${hostile.replace('更多', '很多')}\n`);
    await run(['diff', 'content/doc.md', '--color', 'always']);
    await run(['status', 'content/doc.md', '--all']);
    await run(['check', 'content/doc.md']);
    await run(['review', 'content/doc.md', '--color', 'always']);
    const all = outputs.join('\n');
    expect(all).toContain('␛[2J'); // made visible, so the reader sees what is in the file
    for (const raw of ['\u001b[2J', '\u001b]0;', '\u0007', '\u009b', '\u001b[8m']) expect(all).not.toContain(raw);
    // bitext's own colours still work.
    expect(all).toMatch(/\u001b\[(31;9|32;4)m/);
  });

  it('a password inside OPENAI_BASE_URL is never printed', async () => {
    const dir = tempProject({ 'content/doc.md': '# 标题\n\n这是一个足够长的段落，用来测试错误信息里是否会出现密码。\n' });
    const env = { OPENAI_API_KEY: 'sk-test-key-0123456789', OPENAI_BASE_URL: 'http://alice:s3cr3t-pw@127.0.0.1:9/v1' };
    const runs = [
      await bitext(dir, ['translate', 'content/doc.md', '--translator', 'openai', '--max-attempts', '1', '--verbose'], env),
      await bitext(dir, ['translate', 'content/doc.md', '--translator', 'openai', '--dry-run', '--verbose'], env),
    ];
    const all = runs.map((r) => r.stdout + r.stderr).join('\n');
    expect(runs[0]?.code).toBe(1);
    expect(all).not.toContain('s3cr3t-pw');
    expect(all).not.toContain('sk-test-key-0123456789');
  });
});
