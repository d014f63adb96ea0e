import { basename, extname, join, relative, sep } from 'node:path';
import type { LanguageCode } from '../model/types.js';

/** Where a source file's outputs go. */
export interface DocumentPaths {
  /** `<out>/<name>.<to>.md` */
  target: string;
  /** `<out>/<name>.<from>-<to>.md` */
  bilingual: string;
}

/** Default output paths: `content/post.md` → `translations/post.en.md` and `translations/post.zh-en.md`. */
export function documentPaths(sourcePath: string, outDir: string, from: LanguageCode, to: LanguageCode): DocumentPaths {
  const extension = extname(sourcePath) || '.md';
  let name = basename(sourcePath, extension);
  // A source already named `post.zh.md` should give `post.en.md`, not `post.zh.en.md`.
  if (name.endsWith(`.${from}`)) name = name.slice(0, -from.length - 1);
  return { target: join(outDir, `${name}.${to}${extension}`), bilingual: join(outDir, `${name}.${from}-${to}${extension}`) };
}

/** The translation memory shared by every document in an output folder. */
export function memoryPath(outDir: string): string {
  return join(outDir, '.bitext', 'memory.json');
}

/** A path as shown to the user and stored in documents: relative to cwd, with `/`. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel.startsWith('..') ? path : rel).split(sep).join('/');
}
