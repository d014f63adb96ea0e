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

/** A file-system operation failed (read-only folder, full disk, ...): exit code 2, with what to do. */
export class FileSystemError extends BitextError {
  override name = 'FileSystemError';
}

/** What an errno code means and what the user can do about it. */
const SYSTEM_ERRORS: Record<string, [what: string, todo: string]> = {
  EACCES: ['permission denied', 'Check the permissions of the file and its folder (is the folder read-only?), or choose another folder with --out.'],
  EPERM: ['operation not permitted', 'Check the permissions of the file and its folder, or choose another folder with --out.'],
  EROFS: ['the file system is read-only', 'Choose a writable folder with --out.'],
  ENOSPC: ['no space left on the device', 'Free some disk space and run again; finished work is saved.'],
  EDQUOT: ['the disk quota is exceeded', 'Free some space in your quota and run again.'],
  EISDIR: ['is a folder, not a file', 'Rename or remove the folder, or give the path of a file.'],
  ENOTDIR: ['a part of the path is a file, not a folder', 'Check the path: one of its folders is a file.'],
  ENOENT: ['no such file or folder', 'Check the path (it is relative to the current folder).'],
  EEXIST: ['already exists', 'Remove or rename the existing file.'],
  EMFILE: ['too many open files', 'Lower --concurrency or raise the open-file limit (ulimit -n).'],
  ENFILE: ['too many open files in the system', 'Close other programs or lower --concurrency, and run again.'],
  EIO: ['input/output error', 'Check the disk (it may be failing or disconnected) and run again.'],
  ENAMETOOLONG: ['the file name is too long', 'Use a shorter path.'],
  EBUSY: ['the file is busy', 'Close the program that holds it and run again.'],
  ELOOP: ['too many symbolic links', 'Check the symbolic links on the path.'],
};

/**
 * A Node.js system error (`code`, `syscall`, `path`) as a FileSystemError saying
 * `path: what happened: what to do`; undefined for anything else. Recognised by shape.
 */
export function toFileSystemError(error: unknown, displayPath?: string): FileSystemError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, syscall, path } = error as { code?: unknown; syscall?: unknown; path?: unknown };
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return undefined;
  const file = displayPath ?? (typeof path === 'string' ? path : undefined);
  if (file === undefined && typeof syscall !== 'string') return undefined;
  const [what, todo] = SYSTEM_ERRORS[code] ?? [`the ${typeof syscall === 'string' ? syscall : 'file'} operation failed`, 'Check the file, its folder and the disk, and run again.'];
  return new FileSystemError(`${what} (${code}${typeof syscall === 'string' ? ` in ${syscall}` : ''})`, file !== undefined ? { file } : {}, todo);
}
