/** bitext's version, as `--version` prints it and the status cache keys on it. */
export const BITEXT_VERSION = '0.1.0';
