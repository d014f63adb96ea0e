import { relative, resolve, sep } from 'node:path';
import { parseEnv } from 'node:util';
import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '../model/errors.js';
import { siteDialects } from '../store/detect-site-dialect.js';
import type { LanguageCode } from '../model/types.js';
import { DEFAULT_FRONT_MATTER_FIELDS } from '../segment/default-front-matter-fields.js';
import { checkOutputs, withoutOutputs } from '../engine/check-outputs.js';
import { commonFolder, findSources, languagesInOut, patternBase } from '../engine/find-sources.js';
import type { DocumentSettings } from '../engine/load-document.js';
import { loadConfig, type BitextConfig } from '../store/load-config.js';
import { checkLayout } from '../store/project-paths.js';
import type { GlossaryEntry } from '../translate/translator.js';
import type { CliIo } from './cli-io.js';

/** Flags every command accepts. */
export interface CommonFlags {
  from?: string;
  to?: string;
  out?: string;
  config?: string;
  verbose?: boolean;
}

/** Settings for a command: config file merged with flags (flags win). */
export interface ResolvedSettings extends DocumentSettings {
  config: BitextConfig;
  /** Source files (globs expanded), relative to cwd. */
  files: string[];
  /** Every target language of the run; `to` is the first. */
  targets: LanguageCode[];
  /** Always set here, relative to cwd. */
  root: string;
  layout: string;
}

/**
 * Merges config and flags, works out which files a command runs on, and refuses (before
 * anything is written) a run in which two sources or two languages would share an output.
 * `documents: false` (for commands on the memory alone) skips finding and checking files.
 */
export async function resolveSettings(flags: CommonFlags, files: string[], io: CliIo, options: { documents?: boolean } = {}): Promise<ResolvedSettings> {
  const { config, path: configPath } = await loadConfig(io.cwd, flags.config);
  const from = flags.from ?? config.from ?? 'zh';
  const toSetting = flags.to ?? config.to ?? 'en';
  const targets = [...new Set((Array.isArray(toSetting) ? toSetting : toSetting.split(',')).map((t) => t.trim()).filter(Boolean))];
  if (targets.length === 0) throw new UsageError('--to names no language', {}, 'Use a code such as en, or a list such as en,ja.');
  for (const [name, code] of [['--from', from], ...targets.map((t) => ['--to', t] as const)] as const) {
    if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(code)) throw new UsageError(`${name} ${code} is not a language code`, {}, 'Use a code such as zh, en, de, pt-BR.');
  }
  if (targets.includes(from)) throw new UsageError(`--from and --to are both ${from}`);
  const layout = config.layout ?? 'mirror';
  checkLayout(layout, configPath ? relative(io.cwd, configPath) : undefined);
  const patterns = config.content ?? [];
  // Commands on the translation memory alone (`tm`) need languages and folders, but no documents.
  const needsDocuments = options.documents ?? true;
  const fromConfig = files.length === 0 && needsDocuments;
  // The same file named twice (`a.md ./a.md`) is one file.
  let chosen = fromConfig ? await findSources(patterns, config.exclude ?? [], io.cwd) : [...new Map(files.map((f) => [resolve(io.cwd, f), f])).values()];
  if (!needsDocuments) chosen = [];
  if (fromConfig && chosen.length === 0) {
    throw new UsageError(patterns.length ? `"content" (${patterns.join(', ')}) matches no file` : 'no files given', {}, 'Name a Markdown file, or list your files (or globs such as "content/**/*.md") under "content" in bitext.config.json.');
  }
  const root = config.root ?? (await defaultRoot(patterns, io.cwd, layout));
  const outDir = flags.out ?? config.out ?? 'translations';
  const settings: ResolvedSettings = {
    cwd: io.cwd,
    from,
    to: targets[0] as LanguageCode,
    targets,
    outDir,
    root,
    layout,
    frontMatterFields: config.frontMatterFields ?? DEFAULT_FRONT_MATTER_FIELDS,
    // Settled once per command: otherwise every source file would look for the site's files again.
    dialect: config.dialect !== undefined ? (typeof config.dialect === 'string' ? [config.dialect] : config.dialect) : await siteDialects(io.cwd),
    ...(config.math !== undefined ? { math: config.math } : {}),
    ...(config.htmlAttributes ? { htmlAttributes: config.htmlAttributes } : {}),
    config,
    files: chosen,
  };
  if (fromConfig) {
    // A glob also finds what earlier runs wrote (`docs/ja/...`, `index.en.md`, the out folder).
    const out = resolve(io.cwd, outDir);
    const configured = config.to === undefined ? [] : Array.isArray(config.to) ? config.to : config.to.split(',');
    const known = [...new Set([...targets, ...configured.map((t) => t.trim()), ...(await languagesInOut(out, from))])].filter((t) => t && t !== from);
    chosen = withoutOutputs(chosen, settings, known).filter((file) => !`${resolve(io.cwd, file)}`.startsWith(`${out}${sep}`));
    settings.files = chosen;
  }
  if (needsDocuments) checkOutputs(settings.files, settings, targets);
  return settings;
}

/**
 * The content root when the config names none: `content` when that folder exists and holds
 * every `content` entry (so adding a file never moves the others' outputs), else the common
 * folder of the entries (`docs/**\/*.md` gives `docs`), else the working folder. It never
 * depends on the files a command is given, so a file's outputs are the same whether it is
 * translated alone or with the rest.
 */
async function defaultRoot(patterns: readonly string[], cwd: string, layout: string): Promise<string> {
  const hasContentFolder = await stat(resolve(cwd, 'content')).then((s) => s.isDirectory(), () => false);
  const bases = patterns.map(patternBase);
  // One content folder per language: the root is the source language's own folder (`content/zh`).
  if (layout === 'hugo-content-dirs' && bases.length > 0) return commonFolder(bases);
  if (hasContentFolder && bases.every((base) => base === 'content' || base.startsWith('content/'))) return 'content';
  return bases.length > 0 ? commonFolder(bases) : '.';
}

/** The environment adapters read keys from: the process environment plus an optional env file. */
export async function environmentWithKeys(io: CliIo, envFile: string | undefined): Promise<Record<string, string | undefined>> {
  if (!envFile) return io.env;
  const path = resolve(io.cwd, envFile);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the env file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file: envFile });
  }
  // The process environment wins, as with every dotenv tool.
  return { ...parseEnv(text), ...io.env };
}

/** Parses a positive whole number flag. */
export function positiveInteger(value: string, name: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new UsageError(`${name} must be a positive whole number, not "${value}"`);
  return parsed;
}

/**
 * The glossary of each target language: `--glossary` or the config's, where `{from}` and `{to}`
 * in the path name one file per language pair (`translations/glossary.{from}-{to}.yaml`).
 */
export async function glossariesFor(flagPath: string | undefined, settings: ResolvedSettings, cwd: string): Promise<Map<LanguageCode, GlossaryEntry[]>> {
  const path = flagPath ?? settings.config.glossary;
  const byLanguage = new Map<LanguageCode, GlossaryEntry[]>();
  // Loaded here, not at the top: the YAML parser would slow every command's start (`status`).
  const { glossaryFor } = await import('../store/read-glossary.js');
  for (const to of settings.targets) {
    const named = path?.replaceAll('{from}', settings.from).replaceAll('{to}', to);
    byLanguage.set(to, await glossaryFor(named, undefined, cwd));
  }
  return byLanguage;
}
