import type { RunReporter } from '../engine/run-reporter.js';
import type { OutputStream } from './cli-io.js';

/**
 * Progress on stderr: one live line on a terminal, plain lines otherwise (logs, CI), at most
 * one plain line per ten percent so logs stay short.
 */
export function progressReporter(stream: OutputStream, label: string, write: (text: string) => void): RunReporter & { end(): void } {
  const live = Boolean(stream.isTTY);
  let lastDecile = -1;
  let drawn = false;
  let lastRetry: string | undefined;
  let repeats = 0;
  const flushRepeats = (): void => {
    if (repeats > 0) write(`${live && drawn ? '\r\u001b[2K' : ''}${label}: (the same retry ${repeats} more time${repeats === 1 ? '' : 's'})\n`);
    repeats = 0;
  };
  return {
    progress(done, total, failed) {
      const text = `${label}: ${done}/${total} segments${failed ? `, ${failed} failed` : ''}`;
      if (live) {
        write(`\r\u001b[2K${text}`);
        drawn = true;
        return;
      }
      const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        write(`${text}\n`);
      }
    },
    retry(message) {
      // The same reason again (many batches hitting one rate limit): counted, printed once.
      const reason = message.replace(/^retrying in [\d.]+ s \(attempt \d+\): /, '');
      if (reason === lastRetry) {
        repeats++;
        return;
      }
      flushRepeats();
      lastRetry = reason;
      write(`${live && drawn ? '\r\u001b[2K' : ''}${label}: ${message}\n`);
    },
    info(message) {
      write(`${live && drawn ? '\r\u001b[2K' : ''}${message}\n`);
    },
    end() {
      flushRepeats();
      if (live && drawn) write('\r\u001b[2K');
    },
  };
}
