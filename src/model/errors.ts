/** A problem the user can fix; carries where it is so the message can say `file:line:column`. */
export class BitextError extends Error {
  constructor(
    message: string,
    readonly where: { file?: string; line?: number; column?: number } = {},
    /** What the user should do next. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'BitextError';
  }

  /** `file:line:column: message` plus the hint, as shown to the user. */
  format(): string {
    const { file, line, column } = this.where;
    const place = file ? [file, line, line !== undefined ? column : undefined].filter((p) => p !== undefined).join(':') : '';
    return `${place ? `${place}: ` : ''}${this.message}${this.hint ? `\n  ${this.hint}` : ''}`;
  }
}

/** Bad command-line usage or configuration (exit code 2). */
export class UsageError extends BitextError {
  override name = 'UsageError';
}

/** Unreadable or invalid input file (exit code 2); nothing is written. */
export class InputError extends BitextError {
  override name = 'InputError';
}

/** Another bitext run holds the lock on a document. */
export class LockedError extends BitextError {
  override name = 'LockedError';
}
