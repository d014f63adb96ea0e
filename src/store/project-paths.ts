import { basename, dirname, extname, join, posix, relative, resolve, sep } from 'node:path';
import { UsageError } from '../model/errors.js';
import type { LanguageCode } from '../model/types.js';

/** Where a source file's outputs go for one language pair. */
export interface DocumentPaths {
  /** The translated version, placed by the layout. */
  target: string;
  /** `<out>/<dir>/<name>.<from>-<to><ext>`: always under `out`, mirroring the source tree. */
  bilingual: string;
  /** `<out>/.bitext/memory.json`: the translation memory every document under `out` shares. */
  memory: string;
}

/** The layout presets; any other value containing `{` is a template. */
export const LAYOUT_PRESETS = ['mirror', 'hugo', 'hugo-content-dirs', 'docusaurus', 'vitepress'] as const;

/** Everything that decides where outputs go; every path is absolute. */
export interface PathSettings {
  /** The folder the content tree is taken relative to. */
  root: string;
  /** The folder for bilingual documents and the memory (and targets with `mirror`). */
  outDir: string;
  /** A preset name or a template with `{root}`, `{path}`, `{dir}`, `{name}`, `{ext}`, `{from}`, `{to}`. */
  layout: string;
  /** Templates are taken relative to this folder. */
  cwd: string;
  from: LanguageCode;
}

/**
 * The one place that decides where a source's outputs go: pure, from (source, root, layout,
 * languages) to paths. Callers check for collisions before writing anything.
 *
 * - `mirror`: `<out>/<dir>/<name>.<to><ext>`
 * - `hugo`: beside the source, `<root>/<dir>/<name>.<to><ext>`
 * - `hugo-content-dirs`: `<root>/../<to>/<path>` (one content folder per language)
 * - `docusaurus`: `<root>/../i18n/<to>/docusaurus-plugin-content-docs/current/<path>`
 * - `vitepress`: `<root>/<to>/<path>`
 */
export function documentPaths(sourcePath: string, settings: PathSettings, to: LanguageCode): DocumentPaths {
  const { root, outDir, layout, from } = settings;
  const rel = relative(root, sourcePath);
  if (rel.startsWith('..') || rel === '' || resolve(root, rel) !== resolve(sourcePath)) {
    throw new UsageError(`${sourcePath} is outside the content root ${root}`, {}, 'Set "root" in bitext.config.json to a folder that holds every source file.');
  }
  const path = rel.split(sep).join('/');
  const ext = extname(path) || '.md';
  const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
  let name = basename(path, extname(path));
  // A source already named `post.zh.md` should give `post.en.md`, not `post.zh.en.md`.
  if (name.endsWith(`.${from}`)) name = name.slice(0, -from.length - 1);
  const bilingual = join(outDir, dir, `${name}.${from}-${to}${ext}`);
  const site = dirname(root);
  let target: string;
  switch (layout) {
    case 'mirror': target = join(outDir, dir, `${name}.${to}${ext}`); break;
    case 'hugo': target = join(root, dir, `${name}.${to}${ext}`); break;
    case 'hugo-content-dirs': target = join(site, to, path); break;
    case 'docusaurus': target = join(site, 'i18n', to, 'docusaurus-plugin-content-docs', 'current', path); break;
    case 'vitepress': target = join(root, to, path); break;
    default: {
      const values: Record<string, string> = { root: relative(settings.cwd, root) || '.', path, dir, name, ext, from, to };
      target = resolve(settings.cwd, layout.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole));
    }
  }
  return { target, bilingual, memory: memoryPath(outDir) };
}

/** Checks a layout setting: a preset, or a template that names `{to}` and the file. */
export function checkLayout(layout: string, file?: string): void {
  if ((LAYOUT_PRESETS as readonly string[]).includes(layout)) return;
  const where = file ? { file } : {};
  if (!layout.includes('{')) throw new UsageError(`unknown layout "${layout}"`, where, `Use one of ${LAYOUT_PRESETS.join(', ')}, or a template such as "translations/{to}/{path}".`);
  const unknown = [...layout.matchAll(/\{(\w*)\}/g)].map((m) => m[1]).find((key) => !['root', 'path', 'dir', 'name', 'ext', 'from', 'to'].includes(key ?? ''));
  if (unknown !== undefined) throw new UsageError(`layout template: unknown placeholder {${unknown}}`, where, 'Placeholders: {root}, {path}, {dir}, {name}, {ext}, {from}, {to}.');
  if (!layout.includes('{to}')) throw new UsageError('layout template must contain {to}, or two languages would share one file', where);
  if (!layout.includes('{path}') && !layout.includes('{name}')) throw new UsageError('layout template must contain {path} or {name}, or two sources would share one file', where);
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
