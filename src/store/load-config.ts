import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DIALECT_PRESETS, DIALECTS, isDialectName } from '../dialect/load-syntax.js';
import { UsageError } from '../model/errors.js';

/** Settings from `bitext.config.json` (or `.bitext.json`); command-line flags override them. */
export interface BitextConfig {
  from?: string;
  /** One target language, or several: `["en", "ja"]`. */
  to?: string | string[];
  /** Source files or glob patterns a command works on when given none. */
  content?: string[];
  /** Globs of files left out of `content`. */
  exclude?: string[];
  /** The folder the content tree is taken relative to (default: the common folder of `content`). */
  root?: string;
  /** Where translated versions go: `mirror`, `hugo`, `hugo-content-dirs`, `docusaurus`, `vitepress` or a template. */
  layout?: string;
  out?: string;
  translator?: string;
  model?: string;
  /** Adapter settings, e.g. `{ "baseURL": "...", "structuredOutput": "json_schema" }`. */
  translatorOptions?: Record<string, unknown>;
  glossary?: string;
  frontMatterFields?: string[];
  /** Markdown dialects or site presets, e.g. `["docusaurus"]` or `["containers", "hugo"]`. */
  dialect?: string | string[];
  /** Read `$…$` as TeX math: true, false, or "auto" (default: only where `$$` blocks appear). */
  math?: boolean | 'auto';
  /** HTML attributes whose values are translated (default `alt`, `title`). */
  htmlAttributes?: string[];
  concurrency?: number;
  timeoutSeconds?: number;
  /** A dotenv file with API keys, outside the repository. */
  envFile?: string;
}

const FIELDS: Record<keyof BitextConfig, 'string' | 'strings' | 'string or strings' | 'number' | 'object' | 'dialect' | 'math'> = {
  from: 'string', to: 'string or strings', content: 'strings', exclude: 'strings', root: 'string', layout: 'string', out: 'string', translator: 'string', model: 'string',
  translatorOptions: 'object', glossary: 'string', frontMatterFields: 'strings', concurrency: 'number',
  timeoutSeconds: 'number', envFile: 'string',
  dialect: 'dialect', math: 'math', htmlAttributes: 'strings',
};

/** The config file names looked for in the working folder, in order. */
export const CONFIG_FILE_NAMES = ['bitext.config.json', '.bitext.json'];

/** Loads and checks the config; none found is an empty config. */
export async function loadConfig(cwd: string, explicitPath?: string): Promise<{ config: BitextConfig; path?: string }> {
  const candidates = explicitPath ? [resolve(cwd, explicitPath)] : CONFIG_FILE_NAMES.map((name) => join(cwd, name));
  for (const path of candidates) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !explicitPath) continue;
      throw new UsageError(`cannot read the config file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file: explicitPath ?? path });
    }
    return { config: checkConfig(text, explicitPath ?? path), path };
  }
  return { config: {} };
}

function checkConfig(text: string, file: string): BitextConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the config file is not valid JSON: ${(error as Error).message}`, { file }, 'Fix the JSON syntax.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError('the config file must hold a JSON object', { file });
  for (const [key, field] of Object.entries(value)) {
    const expected = FIELDS[key as keyof BitextConfig];
    if (!expected) throw new UsageError(`unknown config field "${key}"`, { file }, `Known fields: ${Object.keys(FIELDS).join(', ')}.`);
    if (expected === 'dialect' || expected === 'math') {
      checkSyntaxField(key, field, file);
      continue;
    }
    const isStrings = Array.isArray(field) && field.every((f) => typeof f === 'string');
    const ok =
      expected === 'string' ? typeof field === 'string'
      : expected === 'string or strings' ? typeof field === 'string' || (isStrings && field.length > 0)
      : expected === 'number' ? typeof field === 'number' && field > 0
      : expected === 'strings' ? isStrings
      : typeof field === 'object' && field !== null && !Array.isArray(field);
    if (!ok) throw new UsageError(`config field "${key}" must be ${expected === 'strings' ? 'a list of strings' : expected === 'string or strings' ? 'a string or a non-empty list of strings' : expected === 'object' ? 'an object' : `a ${expected}`}`, { file });
  }
  return value as BitextConfig;
}

/** Checks `dialect` (known names or presets) and `math` (true, false or "auto"). */
function checkSyntaxField(key: string, field: unknown, file: string): void {
  if (key === 'math') {
    if (field !== true && field !== false && field !== 'auto') throw new UsageError('config field "math" must be true, false or "auto"', { file });
    return;
  }
  const names = typeof field === 'string' ? [field] : Array.isArray(field) && field.every((f) => typeof f === 'string') ? (field as string[]) : undefined;
  if (!names) throw new UsageError('config field "dialect" must be a name or a list of names', { file });
  const unknown = names.find((name) => !isDialectName(name));
  if (unknown !== undefined) {
    throw new UsageError(`unknown dialect "${unknown}"`, { file }, `Known dialects: ${Object.keys(DIALECTS).join(', ')}; site presets: ${Object.keys(DIALECT_PRESETS).join(', ')}.`);
  }
}
