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
      write(`${live && drawn ? '\r\u001b[2K' : ''}${label}: ${message}\n`);
    },
    info(message) {
      write(`${live && drawn ? '\r\u001b[2K' : ''}${message}\n`);
    },
    end() {
      if (live && drawn) write('\r\u001b[2K');
    },
  };
}
