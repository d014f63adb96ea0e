import { dirname, resolve } from 'node:path';
import type { PathSettings } from '../store/project-paths.js';
import type { DocumentSettings } from './load-document.js';

/** The path settings of a command, absolute. Kept apart from `load-document` so settings resolve without loading the parser. */
export function pathSettings(settings: DocumentSettings, sourcePath: string): PathSettings {
  return {
    root: settings.root !== undefined ? resolve(settings.cwd, settings.root) : dirname(sourcePath),
    outDir: resolve(settings.cwd, settings.outDir),
    layout: settings.layout ?? 'mirror',
    cwd: settings.cwd,
    from: settings.from,
  };
}
