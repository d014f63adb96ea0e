import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../model/errors.js';
import { DEFAULT_FRONT_MATTER_FIELDS } from '../segment/segment-document.js';
import type { DocumentSettings } from '../engine/load-document.js';
import { loadConfig, type BitextConfig } from '../store/load-config.js';
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
  files: string[];
}

/** Merges config and flags, and works out which files a command runs on. */
export async function resolveSettings(flags: CommonFlags, files: string[], io: CliIo): Promise<ResolvedSettings> {
  const { config } = await loadConfig(io.cwd, flags.config);
  const from = flags.from ?? config.from ?? 'zh';
  const to = flags.to ?? config.to ?? 'en';
  for (const [name, code] of [['--from', from], ['--to', to]] as const) {
    if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(code)) throw new UsageError(`${name} ${code} is not a language code`, {}, 'Use a code such as zh, en, de, pt-BR.');
  }
  if (from === to) throw new UsageError(`--from and --to are both ${from}`);
  const chosen = files.length > 0 ? files : (config.content ?? []);
  if (chosen.length === 0) throw new UsageError('no files given', {}, 'Name a Markdown file, or list your files under "content" in bitext.config.json.');
  return {
    cwd: io.cwd,
    from,
    to,
    outDir: flags.out ?? config.out ?? 'translations',
    frontMatterFields: config.frontMatterFields ?? DEFAULT_FRONT_MATTER_FIELDS,
    ...(config.dialect !== undefined ? { dialect: typeof config.dialect === 'string' ? [config.dialect] : config.dialect } : {}),
    ...(config.math !== undefined ? { math: config.math } : {}),
    ...(config.htmlAttributes ? { htmlAttributes: config.htmlAttributes } : {}),
    config,
    files: chosen,
  };
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
