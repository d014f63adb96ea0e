import { createRequire } from 'node:module';
import { posix } from 'node:path';
import type * as Tinyglobby from 'tinyglobby';
import { filesUnder } from '../store/files-under.js';

// tinyglobby (with picomatch) is loaded only for a pattern that can be a glob: it is a good part
// of every start, and most configs name plain files. A pattern without these characters is plain.
const GLOB_CHARACTERS = /[*?[\]{}()!+@\\]/;
let library: typeof Tinyglobby | undefined;
function tinyglobby(): typeof Tinyglobby {
  library ??= createRequire(import.meta.url)('tinyglobby') as typeof Tinyglobby;
  return library;
}
function isDynamicPattern(pattern: string): boolean {
  return GLOB_CHARACTERS.test(pattern) && tinyglobby().isDynamicPattern(pattern);
}

/**
 * The source files named by `content`: globs are expanded (sorted, `exclude` applied), plain
 * paths are kept as written so that a missing file is reported rather than skipped.
 */
export async function findSources(patterns: readonly string[], exclude: readonly string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  const excluded = exclude.length > 0 ? new Set(await tinyglobby().glob([...exclude], { cwd, onlyFiles: true })) : new Set<string>();
  for (const pattern of patterns) {
    if (!isDynamicPattern(pattern)) {
      const plain = posix.normalize(pattern.replace(/\\/g, '/'));
      if (!excluded.has(plain)) found.push(plain);
      continue;
    }
    const matches = await tinyglobby().glob(pattern, { cwd, onlyFiles: true, ignore: [...exclude, '**/node_modules/**'], expandDirectories: false });
    found.push(...matches.sort());
  }
  return [...new Set(found)];
}

/** The folder a pattern's matches all lie under: `content/**\/*.md` → `content`, `docs/a.md` → `docs`. */
export function patternBase(pattern: string): string {
  const parts = pattern.replace(/\\/g, '/').split('/');
  const fixed: string[] = [];
  // The last part is a file name (or a glob), never part of the base.
  for (const part of parts.slice(0, -1)) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.length === 0 ? '.' : posix.normalize(fixed.join('/'));
}

/** The deepest folder that holds all of `folders` (posix paths relative to cwd). */
export function commonFolder(folders: readonly string[]): string {
  if (folders.length === 0) return '.';
  const split = folders.map((f) => (f === '.' ? [] : f.split('/')));
  const first = split[0] ?? [];
  let length = 0;
  while (length < first.length && split.every((parts) => parts[length] === first[length])) length++;
  return length === 0 ? '.' : first.slice(0, length).join('/');
}

/**
 * The target languages earlier runs wrote, read from the bilingual documents' names under
 * `outDir` (`post.zh-ja.md` → `ja`), so their translated versions are never taken for sources.
 */
export async function languagesInOut(outDir: string, from: string): Promise<string[]> {
  // A plain walk, not a glob: this runs on every command's start, `status` from its cache included.
  const names = await filesUnder(outDir);
  const found = new Set<string>();
  for (const name of names) {
    const match = new RegExp(`\\.${from}-([a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*)\\.[^./]+$`).exec(name);
    if (match?.[1]) found.add(match[1]);
  }
  return [...found];
}
