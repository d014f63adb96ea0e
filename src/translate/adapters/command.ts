import { spawn } from 'node:child_process';
import { UsageError } from '../../model/errors.js';
import { positiveIntegerSetting, stringSetting } from '../read-settings.js';
import {
  TranslatorError,
  type TranslationRequest,
  type TranslationResponse,
  type Translator,
  type TranslatorOptions,
} from '../translator.js';

/** How much of stderr goes into an error message: enough to see the cause, not a whole log. */
const STDERR_LINES = 5;
const STDERR_CHARS = 600;
/** Grace period between SIGTERM and SIGKILL for a command that ignores the first. */
const KILL_GRACE_MS = 2_000;
/** How much stderr is kept at all. */
const STDERR_KEEP_BYTES = 64 * 1024;
/** Default bound on a command's stdout: a batch's reply is kilobytes; this stops a runaway command before memory runs out. */
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/**
 * Translator that runs a shell command once per batch: the request goes to its stdin as JSON,
 * `{"translations":[{"id","text"}]}` comes back on stdout. Lets any script or local model
 * act as a translator without writing a module.
 */
export function createCommandTranslator(options: TranslatorOptions): Translator {
  const command = stringSetting(options.settings, 'command')?.trim();
  if (!command) {
    throw new UsageError(
      'the command translator needs a command to run: translatorOptions.command is not set',
      {},
      'Add "translatorOptions": { "command": "node translate.mjs" } to bitext.config.json.',
    );
  }
  const limits = {
    maxSegmentsPerRequest: positiveIntegerSetting(options.settings, 'maxSegmentsPerRequest', 20),
    maxCharactersPerRequest: positiveIntegerSetting(options.settings, 'maxCharactersPerRequest', 12_000),
  };
  const maxOutputBytes = positiveIntegerSetting(options.settings, 'maxOutputBytes', MAX_OUTPUT_BYTES);
  return {
    name: 'command',
    limits,
    async translate(request: TranslationRequest): Promise<TranslationResponse> {
      const output = await runCommand(command, commandInput(request), options, request.signal, maxOutputBytes);
      return parseCommandOutput(output);
    },
  };
}

/** The documented stdin JSON: exactly these keys, in this order; `previous` and `context` only when present. */
function commandInput(request: TranslationRequest): string {
  return JSON.stringify({
    source: request.source,
    target: request.target,
    segments: request.segments.map((s) => ({
      id: s.id,
      text: s.text,
      ...(s.previous ? { previous: { source: s.previous.source, translation: s.previous.translation } } : {}),
      // A segment's own neighbours, when a request spans documents.
      ...(s.context ? { context: { before: s.context.before, after: s.context.after } } : {}),
    })),
    context: request.context,
    glossary: request.glossary,
  });
}

function runCommand(command: string, input: string, options: TranslatorOptions, signal: AbortSignal, maxOutputBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new TranslatorError('the command was not started: the request was aborted', { kind: 'timeout' }));
      return;
    }
    // Its own process group, so a timeout can stop the shell and everything it started: a child
    // that keeps running would otherwise hold the pipes open and keep bitext from exiting.
    const child = spawn(command, { shell: true, cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let settled = false;
    const killGroup = (how: NodeJS.Signals): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, how);
      } catch {
        // ESRCH: the group is already gone.
      }
    };
    const stopEverything = (): void => {
      killGroup('SIGTERM');
      const killTimer = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS);
      killTimer.unref();
      child.stdout.destroy();
      child.stderr.destroy();
      child.stdin.destroy();
      child.unref();
    };
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      action();
    };
    const onAbort = (): void => {
      stopEverything();
      finish(() => reject(new TranslatorError('the command was stopped (with every process it started): the request was aborted', { kind: 'timeout' })));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxOutputBytes) {
        stopEverything();
        finish(() => reject(new TranslatorError(
          `the command "${command}" printed more than ${formatBytes(maxOutputBytes)} on stdout; it was stopped. A reply to one batch is far smaller: check the command, or raise translatorOptions.maxOutputBytes`,
          { kind: 'bad-request' },
        )));
        return;
      }
      stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      // Only the start of stderr is shown; the rest is read and dropped so the command never blocks.
      if (stderrBytes < STDERR_KEEP_BYTES) stderr.push(chunk);
      stderrBytes += chunk.length;
    });
    // A command that exits without reading its input makes the write fail with EPIPE; the exit
    // code says what went wrong, so this error adds nothing.
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => {
      finish(() => reject(new TranslatorError(`cannot run the command "${command}": ${error.message}`, { kind: 'server', cause: error })));
    });
    // The shell is done, but something it started in the background may still hold stdout open
    // (then 'close' would never come): stop the rest of its group.
    child.on('exit', () => killGroup('SIGKILL'));
    child.on('close', (code, killedBy) => {
      finish(() => {
        if (code === 0) {
          resolve(Buffer.concat(stdout).toString('utf8'));
          return;
        }
        const how = code === null ? `was killed by ${killedBy ?? 'a signal'}` : `exited with code ${code}`;
        const tail = firstLines(Buffer.concat(stderr).toString('utf8'));
        // The shell's 126/127 mean the program cannot run at all: retrying cannot help.
        const kind = code === 126 || code === 127 ? 'bad-request' : 'server';
        reject(new TranslatorError(`the command "${command}" ${how}${tail ? `:\n${tail}` : ''}`, { kind, ...(code !== null ? { status: code } : {}) }));
      });
    });
    child.stdin.end(input, 'utf8');
  });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(0)} MiB` : `${bytes} bytes`;
}

function firstLines(text: string): string {
  const lines = text.trim().split(/\r?\n/).slice(0, STDERR_LINES).join('\n');
  return lines.length > STDERR_CHARS ? `${lines.slice(0, STDERR_CHARS)}…` : lines;
}

/** The command's stdout as a response; anything but the documented shape is a `bad-response`. */
function parseCommandOutput(output: string): TranslationResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(output);
  } catch {
    const shown = output.trim() === '' ? 'nothing' : JSON.stringify(output.trim().slice(0, 120));
    throw new TranslatorError(`the command printed ${shown} instead of {"translations":[...]} JSON`, { kind: 'bad-response' });
  }
  const list: unknown = typeof parsed === 'object' && parsed !== null ? (parsed as { translations?: unknown }).translations : undefined;
  if (!Array.isArray(list)) {
    throw new TranslatorError('the command\'s JSON has no "translations" array', { kind: 'bad-response' });
  }
  const translations: { id: string; text: string }[] = [];
  for (const entry of list as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, text } = entry as { id?: unknown; text?: unknown };
    // Malformed entries are skipped: the core re-asks ids that did not come back.
    if (typeof id === 'string' && typeof text === 'string') translations.push({ id, text });
  }
  const usage = readUsage((parsed as { usage?: unknown }).usage);
  return { translations, ...(usage ? { usage } : {}) };
}

function readUsage(value: unknown): TranslationResponse['usage'] {
  if (typeof value !== 'object' || value === null) return undefined;
  const usage: NonNullable<TranslationResponse['usage']> = {};
  for (const key of ['inputTokens', 'outputTokens', 'cachedInputTokens', 'characters'] as const) {
    const n: unknown = (value as Record<string, unknown>)[key];
    if (typeof n === 'number' && Number.isFinite(n)) usage[key] = n;
  }
  return usage;
}
