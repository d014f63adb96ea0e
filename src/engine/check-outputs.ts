import { resolve } from 'node:path';
import { UsageError } from '../model/errors.js';
import type { LanguageCode } from '../model/types.js';
import { displayPath, documentPaths } from '../store/project-paths.js';
import type { DocumentSettings } from './load-document.js';
import { pathSettings } from './path-settings.js';

/**
 * Works out every output of a run and refuses, before anything is written, when two sources
 * (or two languages) would share an output file or an output would overwrite a source.
 */
export function checkOutputs(files: readonly string[], settings: DocumentSettings, targets: readonly LanguageCode[]): void {
  const owners = new Map<string, string>();
  const sources = new Map(files.map((file) => [resolve(settings.cwd, file), file]));
  for (const file of files) {
    const sourcePath = resolve(settings.cwd, file);
    for (const to of targets) {
      const paths = documentPaths(sourcePath, pathSettings(settings, sourcePath), to);
      for (const path of [paths.target, paths.bilingual]) {
        const owner = `${displayPath(sourcePath, settings.cwd)} (${to})`;
        const other = owners.get(path) ?? (sources.has(path) ? `the source ${sources.get(path)}` : undefined);
        if (other !== undefined) {
          throw new UsageError(
            `${displayPath(path, settings.cwd)} would be written for both ${other} and ${owner}`,
            {},
            'Nothing was written. Set "root" to the folder that holds all your content (outputs then mirror its tree), or choose a "layout" that keeps the files apart.',
          );
        }
        owners.set(path, owner);
      }
    }
  }
}

/** Drops the files that are outputs of other files (a `vitepress` or `hugo` target found by a glob). */
export function withoutOutputs(files: readonly string[], settings: DocumentSettings, targets: readonly LanguageCode[]): string[] {
  const outputs = new Set<string>();
  for (const file of files) {
    const sourcePath = resolve(settings.cwd, file);
    for (const to of targets) {
      try {
        const paths = documentPaths(sourcePath, pathSettings(settings, sourcePath), to);
        outputs.add(paths.target).add(paths.bilingual);
      } catch {
        // A file outside the root is reported when its outputs are checked.
      }
    }
  }
  return files.filter((file) => !outputs.has(resolve(settings.cwd, file)));
}
