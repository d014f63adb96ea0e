/** A stream the CLI writes to (process.stdout in the binary, a buffer in tests). */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything the CLI touches from its environment, handed in so tests can run it in-process. */
export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Aborted on Ctrl-C: a run saves what it has and stops. */
  signal?: AbortSignal;
  /** Pages long output (the binary pipes through $PAGER); tests leave it out. */
  page?: (text: string) => Promise<void>;
}

/** Exit codes: 0 ok; 1 a check found problems or some segments failed; 2 usage or fatal error. */
export const EXIT = { ok: 0, problems: 1, fatal: 2, interrupted: 130 } as const;

/**
 * A process stream that goes quiet once its reader has gone (EPIPE, as with `| head`): later
 * writes are dropped instead of raising an unhandled error. Other stream errors still surface.
 */
export function pipeSafe(stream: NodeJS.WriteStream): OutputStream {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    throw error;
  });
  return {
    write: (text: string) => (closed ? false : stream.write(text)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}
