import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { toFileSystemError } from '../model/errors.js';

/** Who holds a lock file: written once, whole, when the lock is created. */
export interface LockHolder {
  pid: number;
  host: string;
  started: string;
  /** Random per lock, so a release never removes a lock that someone else took over. */
  token: string;
}

/** The outcome of one attempt at a lock: taken (with its release), or held by someone. */
export type LockAttempt = { taken: true; release: () => Promise<void> } | { taken: false; holder: LockHolder | undefined; alive: boolean };

/**
 * One attempt at an exclusive lock file. The file appears with its whole content at once (written
 * aside, then hard-linked into place, which fails if it exists), so no reader sees it half-written.
 * A lock whose process is dead is taken over under a second lock (`.takeover`), re-checked there,
 * so two runs finding the same dead holder cannot both take it.
 */
export async function tryLockFile(lockPath: string): Promise<LockAttempt> {
  try {
    await mkdir(dirname(lockPath), { recursive: true });
  } catch (error) {
    throw toFileSystemError(error, dirname(lockPath)) ?? error;
  }
  const first = await createLink(lockPath);
  if (first) return { taken: true, release: releaser(lockPath, first) };
  const holder = await readHolder(lockPath);
  const alive = holderAlive(holder);
  if (alive) return { taken: false, holder, alive: true };

  const takeoverPath = `${lockPath}.takeover`;
  let takeover = await createLink(takeoverPath);
  if (!takeover) {
    const other = await readHolder(takeoverPath);
    if (holderAlive(other)) return { taken: false, holder, alive: true };
    // A takeover left by a run killed in the middle of one (a double fault): clear it once.
    await removeIfSame(takeoverPath, other);
    takeover = await createLink(takeoverPath);
    if (!takeover) return { taken: false, holder, alive: true };
  }
  try {
    // Under the takeover lock: someone may have taken the lock over just before us.
    const now = await readHolder(lockPath);
    if (now && holderAlive(now)) return { taken: false, holder: now, alive: true };
    await removeIfSame(lockPath, now);
    const mine = await createLink(lockPath);
    if (mine) return { taken: true, release: releaser(lockPath, mine) };
    const winner = await readHolder(lockPath);
    return { taken: false, holder: winner, alive: holderAlive(winner) };
  } finally {
    await removeIfSame(takeoverPath, takeover);
  }
}

/** True when the holder's process still runs (or runs on another host, where we cannot tell). */
function holderAlive(holder: LockHolder | undefined): boolean {
  return holder !== undefined && processAlive(holder.pid, holder.host);
}

/** True when process `pid` of `host` still runs, or runs on another host, where we cannot tell: only a local ESRCH says dead. */
export function processAlive(pid: number, host: string): boolean {
  if (host !== hostname()) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates `path` holding our identity, atomically; undefined if it already exists. */
async function createLink(path: string): Promise<LockHolder | undefined> {
  const holder: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const aside = `${path}.${process.pid}.${holder.token}`;
  try {
    await writeFile(aside, JSON.stringify(holder), { flag: 'wx' });
    await link(aside, path);
    return holder;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw toFileSystemError(error, path) ?? error;
  } finally {
    await rm(aside, { force: true });
  }
}

/** Reads a lock file; undefined when it is gone or unreadable (older bitext wrote it in two steps). */
export async function readHolder(path: string): Promise<LockHolder | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<Record<keyof LockHolder, unknown>>;
    if (typeof value.pid !== 'number') return undefined;
    return { pid: value.pid, host: String(value.host ?? hostname()), started: String(value.started ?? 'unknown'), token: String(value.token ?? '') };
  } catch {
    return undefined;
  }
}

/** Removes a lock file only if it still holds `holder` (or is unreadable when `holder` is undefined). */
async function removeIfSame(path: string, holder: LockHolder | undefined): Promise<void> {
  const now = await readHolder(path);
  if ((now === undefined && holder === undefined) || (now && holder && now.token === holder.token && now.pid === holder.pid)) await rm(path, { force: true });
}

function releaser(path: string, holder: LockHolder): () => Promise<void> {
  return () => removeIfSame(path, holder);
}
