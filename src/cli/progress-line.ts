import type { RunReporter } from '../engine/run-reporter.js';
import type { LanguageProgress, SiteReporter } from '../engine/translate-site.js';
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

/**
 * Progress of a site run on stderr, per language: documents and segments done. One live line on
 * a terminal; otherwise a plain line at most once per ten percent of all segments.
 */
export function siteProgressReporter(stream: OutputStream, write: (text: string) => void): SiteReporter & { end(): void } {
  const live = Boolean(stream.isTTY);
  let lastDecile = -1;
  let drawn = false;
  let last = '';
  let printed = '';
  return {
    progress(languages: readonly LanguageProgress[]) {
      const segments = languages.reduce((n, l) => n + l.segments, 0);
      if (segments === 0) return;
      const text = languages
        .map((l) => `${l.to}: ${l.documentsDone}/${l.documents} documents, ${l.segmentsDone}/${l.segments} segments${l.failed ? `, ${l.failed} failed` : ''}`)
        .join('; ');
      last = text;
      if (live) {
        write(`\r\u001b[2K${text}`);
        drawn = true;
        return;
      }
      const done = languages.reduce((n, l) => n + l.segmentsDone + l.failed, 0);
      const decile = Math.floor((done / segments) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        printed = text;
        write(`${text}\n`);
      }
    },
    retry(message) {
      write(`${live && drawn ? '\r\u001b[2K' : ''}${message}\n`);
    },
    end() {
      if (live && drawn) write('\r\u001b[2K');
      // The final counts, once, in a log.
      else if (!live && last !== printed) write(`${last}\n`);
    },
  };
}
