#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { pipeSafe } from '../cli/cli-io.js';
import { runCli } from '../cli/run-cli.js';

// V8 lets the heap grow to about four times what is live before collecting; bitext's live data is
// small next to the garbage parsing makes, so on a large document that alone cost hundreds of MiB.
// A 25% margin keeps the peak near the live size (issue 10: ≤ 3× the files + 100 MiB).
setFlagsFromString('--heap-growing-percent=25');

// The only place that touches the process: signals, streams, exit code.
const controller = new AbortController();
let interrupted = 0;
process.on('SIGINT', () => {
  interrupted++;
  if (interrupted > 1) process.exit(130);
  stderr.write('\nbitext: stopping after the requests in flight; finished work is saved (Ctrl-C again to quit now)\n');
  controller.abort();
});

// `bitext status --json | head -1`: once the reader is gone, output stops quietly (no EPIPE
// stack trace) and the command still finishes its work, releasing locks, with its own exit code.
const stdout = pipeSafe(process.stdout);
const stderr = pipeSafe(process.stderr);

/** Pipes long output through $PAGER on a terminal, like git does. */
async function page(text: string): Promise<void> {
  const pager = process.env.PAGER ?? 'less -R';
  if (!process.stdout.isTTY || pager === '' || pager === 'cat') {
    stdout.write(text);
    return;
  }
  // Loaded only to page: child_process (with net and stream) would slow every start.
  const { spawn } = await import('node:child_process');
  await new Promise<void>((resolve) => {
    const child = spawn(pager, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env: { LESS: 'FRX', ...process.env } });
    child.on('error', () => {
      stdout.write(text);
      resolve();
    });
    child.on('close', () => resolve());
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
}

const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout,
  stderr,
  signal: controller.signal,
  page,
});
process.exitCode = controller.signal.aborted && code === 0 ? 130 : code;
