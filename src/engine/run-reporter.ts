/** Where the engine reports progress; the CLI prints it, a library user may ignore it. */
export interface RunReporter {
  /** A batch finished: counts so far. */
  progress(done: number, total: number, failed: number): void;
  /** A transient problem that will be retried. */
  retry(message: string): void;
  /** A line of information. */
  info(message: string): void;
}

/** A reporter that says nothing. */
export const silentReporter: RunReporter = { progress() {}, retry() {}, info() {} };
