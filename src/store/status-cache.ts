import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BITEXT_VERSION } from '../engine/bitext-version.js';
import type { StatusSummary, SegmentStatusLine } from '../engine/describe-status.js';
import type { DocumentSettings } from '../engine/load-document.js';

/** What `status` reports about one source file in one target language, as printed. */
export interface DocumentStatusReport {
  sourceDisplay: string;
  language: string;
  bilingualDisplay: string;
  targetDisplay: string;
  /** Whether the bilingual document exists. */
  stored: boolean;
  segments: SegmentStatusLine[];
  removed: { id: string; source: string }[];
  summary: StatusSummary;
  /** Source hash of every segment that is not current, to match against runs' journals. */
  unfinished: string[];
}

/** One cached report and the exact inputs it was computed from. */
export interface StatusCacheEntry {
  /** The `statusFingerprint` it was computed under. */
  fingerprint: string;
  sourcePath: string;
  bilingualPath: string;
  sourceHash: string;
  /** Null when there was no bilingual document. */
  bilingualHash: string | null;
  report: DocumentStatusReport;
}

interface CacheFile {
  format: 1;
  entries: Record<string, StatusCacheEntry>;
}

// Enough for a large site in several languages; the oldest entries go first.
const MAX_ENTRIES = 5000;

/** `<out>/.bitext/cache/status.json`; the folder ignores itself in git. */
export function statusCachePath(settings: Pick<DocumentSettings, 'cwd' | 'outDir'>): string {
  return join(resolve(settings.cwd, settings.outDir), '.bitext', 'cache', 'status.json');
}

/**
 * A fingerprint of everything besides the two files that decides a document's status: the
 * settings that change the segmentation or the paths (the site dialect included: detected when none
 * is configured), and bitext's version and build (the modification time and size of this module's
 * file, which every build rewrites).
 */
export async function statusFingerprint(settings: DocumentSettings): Promise<string> {
  const self = fileURLToPath(import.meta.url);
  const build = await stat(self).then((s) => `${s.mtimeMs}:${s.size}`, () => 'unknown');
  const parts = {
    version: BITEXT_VERSION,
    build,
    cwd: settings.cwd,
    from: settings.from,
    outDir: settings.outDir,
    root: settings.root ?? null,
    layout: settings.layout ?? null,
    frontMatterFields: settings.frontMatterFields,
    dialect: settings.dialect ?? null,
    math: settings.math ?? null,
    htmlAttributes: settings.htmlAttributes ?? null,
  };
  return hashBytes(JSON.stringify(parts));
}

/** The key of one document: the fingerprint, the absolute source path, the target language. */
export function statusCacheKey(fingerprint: string, sourcePath: string, to: string): string {
  return hashBytes(JSON.stringify([fingerprint, sourcePath, to]));
}

/** SHA-256 of the exact bytes of a file, or null when it does not exist; undefined when it cannot be read. */
export async function hashFileBytes(path: string): Promise<string | null | undefined> {
  try {
    return hashBytes(await readFile(path));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
  }
}

/** The cached entries, or an empty map when there is no cache or it cannot be read. */
export async function readStatusCache(path: string): Promise<Map<string, StatusCacheEntry>> {
  try {
    const file = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
    if (file.format !== 1 || typeof file.entries !== 'object' || file.entries === null) return new Map();
    return new Map(Object.entries(file.entries));
  } catch {
    return new Map();
  }
}

/**
 * Adds entries to the cache and drops those made under another fingerprint (another build or
 * other settings), so the cache stays the size of the site. Only when the out folder exists
 * (status never creates a project's folders); a cache that cannot be written is no error, the
 * next run just computes again.
 */
export async function writeStatusCache(path: string, outDir: string, fingerprint: string, added: Map<string, StatusCacheEntry>): Promise<void> {
  if (added.size === 0) return;
  const outExists = await stat(outDir).then((s) => s.isDirectory(), () => false);
  if (!outExists) return;
  const entries = new Map([...(await readStatusCache(path))].filter(([, entry]) => entry.fingerprint === fingerprint));
  for (const [key, entry] of added) {
    entries.delete(key);
    entries.set(key, entry);
  }
  const kept = [...entries].slice(-MAX_ENTRIES);
  const file: CacheFile = { format: 1, entries: Object.fromEntries(kept) };
  const dir = join(path, '..');
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, '.gitignore'), '*\n', { flag: 'wx' }).catch(() => undefined);
    // Written beside and renamed over, so a reader sees the old cache or the new one, never half.
    await writeFile(temporary, JSON.stringify(file));
    await rename(temporary, path);
  } catch {
    // A read-only project still gets its status, only without the cache.
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}

function hashBytes(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
