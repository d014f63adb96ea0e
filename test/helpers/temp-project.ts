import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';

/** The repository root. */
export const REPO = new URL('../..', import.meta.url).pathname;
/** The post every scenario works on. */
export const POST = join(REPO, 'content', 'john-schulman-interview.md');

const created: string[] = [];
afterEach(() => {
  while (created.length) rmSync(created.pop() as string, { recursive: true, force: true });
});

/** A temporary project folder, removed after the test. */
export function tempProject(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'bitext-test-'));
  created.push(dir);
  for (const [path, content] of Object.entries(files)) writeFile(dir, path, content);
  return dir;
}

/** A temporary project holding a copy of the post at `content/post.md`. */
export function projectWithPost(): string {
  const dir = tempProject();
  mkdirSync(join(dir, 'content'), { recursive: true });
  copyFileSync(POST, join(dir, 'content', 'post.md'));
  return dir;
}

/** Writes a file below `dir`, creating folders. */
export function writeFile(dir: string, path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

/** Reads a file below `dir` as UTF-8. */
export function readText(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

/** Output of an in-process CLI run. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process, as the binary would, with an isolated environment and a Ctrl-C signal
 * the test controls: `onStderr` sees stderr as it grows and may call `abort()`.
 */
export async function bitext(
  cwd: string,
  argv: string[],
  env: Record<string, string | undefined> = {},
  onStderr?: (stderr: string, abort: () => void) => void,
): Promise<CliResult> {
  const controller = new AbortController();
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    stdout: { write: (t: string) => (stdout += t) },
    stderr: {
      write: (t: string) => {
        stderr += t;
        onStderr?.(stderr, () => controller.abort());
      },
    },
    signal: controller.signal,
  });
  return { code, stdout, stderr };
}
