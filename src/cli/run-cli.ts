import type { Command } from 'commander';
import { BITEXT_VERSION } from '../engine/bitext-version.js';
import { BitextError, toFileSystemError } from '../model/errors.js';
import { EXIT, type CliIo } from './cli-io.js';
// Loaded with the CLI, unlike the other commands: `status` is run most and its cached answer
// should cost one file to load; what it parses with is still loaded only when it must parse.
import { statusCommand } from './commands/status-command.js';
import { redactingPager, redactingWriter } from './secrets.js';

/** The commands, as typed first on the command line. */
const COMMAND_NAMES = ['translate', 'status', 'diff', 'accept', 'check', 'review', 'mv', 'export', 'import', 'tm', 'adopt'];

/** The switches of `bitext status` that take no value. */
const STATUS_SWITCHES: Record<string, 'json' | 'check' | 'all' | 'verbose'> = { '--json': 'json', '--check': 'check', '--all': 'all', '--verbose': 'verbose' };

/**
 * The flags of `bitext status` followed by nothing but its switches (`status --check`), as
 * commander would parse them; undefined for any other command line.
 */
function plainStatusFlags(argv: readonly string[]): Partial<Record<'json' | 'check' | 'all' | 'verbose', true>> | undefined {
  if (argv[0] !== 'status') return undefined;
  const flags: Partial<Record<'json' | 'check' | 'all' | 'verbose', true>> = {};
  for (const arg of argv.slice(1)) {
    const name = Object.hasOwn(STATUS_SWITCHES, arg) ? STATUS_SWITCHES[arg] : undefined;
    if (!name) return undefined;
    flags[name] = true;
  }
  return flags;
}

/** Adds the options every command shares. */
function withCommonOptions(command: Command): Command {
  return command
    .option('--from <lang>', 'source language (default: zh, or "from" in the config)')
    .option('--to <langs>', 'target language, or several: en,ja (default: en, or "to" in the config)')
    .option('--out <dir>', 'folder for translations (default: translations)')
    .option('--config <file>', 'config file (default: bitext.config.json or .bitext.json if present)')
    .option('--verbose', 'show stack traces and more detail');
}

/**
 * Runs the CLI in-process and returns the exit code; never touches `process` itself, so tests
 * call it directly. 0 ok, 1 problems found or some segments failed, 2 usage or fatal error.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const out = redactingWriter((t) => io.stdout.write(t), io.env);
  const err = redactingWriter((t) => io.stderr.write(t), io.env);
  // Commands get streams that scrub secrets and terminal control sequences from everything.
  const safe: CliIo = {
    ...io,
    stdout: { write: out, ...(io.stdout.isTTY !== undefined ? { isTTY: io.stdout.isTTY } : {}), ...(io.stdout.columns !== undefined ? { columns: io.stdout.columns } : {}) },
    stderr: { write: err, ...(io.stderr.isTTY !== undefined ? { isTTY: io.stderr.isTTY } : {}), ...(io.stderr.columns !== undefined ? { columns: io.stderr.columns } : {}) },
    ...(io.page ? { page: redactingPager(io.page, io.env) } : {}),
  };
  let code: number = EXIT.ok;
  let verbose = argv.includes('--verbose');
  const setCode = (c: number): void => {
    code = c;
  };

  /** A thrown error as the user sees it, and its exit code. */
  const failed = (error: unknown): number => {
    const known = error instanceof BitextError ? error : toFileSystemError(error);
    if (known) {
      err(`bitext: ${known.format()}\n`);
      if (verbose && error instanceof Error && error.stack) err(`${error.stack}\n`);
      return EXIT.fatal;
    }
    verbose ||= false;
    const message = error instanceof Error ? error.message : String(error);
    err(`bitext: unexpected error: ${message}\n`);
    err(verbose && error instanceof Error && error.stack ? `${error.stack}\n` : '  Run again with --verbose for details, and report it if it persists.\n');
    return EXIT.fatal;
  };

  // `status` with nothing but its switches, the command run most, starts without commander.
  const plainStatus = plainStatusFlags(argv);
  if (plainStatus) {
    try {
      return await statusCommand([], plainStatus, safe);
    } catch (error) {
      return failed(error);
    }
  }
  const { Command, CommanderError, Option } = await import('commander');

  // Only the command asked for is defined (all of them for help, errors and anything else):
  // defining fourteen commands with their options is a good part of a cached `status`.
  const named = COMMAND_NAMES.find((name) => name === argv[0]);
  const wanted = (name: string): boolean => named === undefined || named === name;

  const program = new Command('bitext')
    .description('Translate Markdown documents and keep the translations aligned with their source.')
    .version(BITEXT_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err, outputError: (text, write) => write(text) })
    .showHelpAfterError('(run bitext --help for usage)');

  if (wanted('translate')) withCommonOptions(program.command('translate').argument('[files...]', 'Markdown files (default: "content" in the config)'))
    .description('translate what is missing or stale; write the bilingual document and the translated version')
    .option('--translator <name>', 'auto | pseudo | openai | deepl | anthropic | command | ./your-module.js')
    .option('--model <name>', 'model for LLM translators')
    .option('--command <shell>', 'shell command for --translator command')
    .option('--concurrency <n>', 'requests in flight at once, across all files and languages')
    .option('--glossary <file>', 'glossary file (YAML or JSON)')
    .option('--timeout <seconds>', 'time limit for one request')
    .option('--max-attempts <n>', 'attempts per segment before it counts as failed')
    .option('--env-file <file>', 'dotenv file with API keys (kept out of output)')
    .option('--dry-run', 'print what would be sent (segments, characters, tokens, requests); send and write nothing')
    .option('--force', "re-translate everything, overwriting people's translations")
    .option('--no-validate', 'accept whatever the translator returns (only placeholders are checked)')
    .option('--json', 'print the report as JSON')
    .action(async (files: string[], flags) => setCode(await (await import('./commands/translate-command.js')).translateCommand(files, flags, safe)));

  if (wanted('status')) withCommonOptions(program.command('status').argument('[files...]'))
    .description('per-segment status: current, stale, missing, conflict; what moved or was removed')
    .option('--json', 'print {segments, summary} as JSON')
    .option('--check', 'exit 1 unless every segment is current')
    .option('--all', 'list current segments too')
    .action(async (files: string[], flags) => setCode(await statusCommand(files, flags, safe)));

  if (wanted('diff')) withCommonOptions(program.command('diff').argument('[files...]'))
    .description('for each stale segment: the source change, character by character, beside the current translation')
    .option('--json', 'print as JSON')
    .addOption(new Option('--color <when>', 'colour the diff').choices(['auto', 'always', 'never']).default('auto'))
    .action(async (files: string[], flags) => setCode(await (await import('./commands/diff-command.js')).diffCommand(files, flags, safe)));

  if (wanted('accept')) withCommonOptions(program.command('accept').argument('[ids...]', 'segment ids to accept'))
    .description("mark segments reviewed; resolve conflicts (keeping the person's text, or --suggestion)")
    .option('--file <path>', 'source file the ids belong to (default: every content file)')
    .option('--all', 'accept every segment that has a translation')
    .option('--suggestion', "take the machine's suggestion instead of the person's text")
    .option('--allow <checks>', 'QA checks to mark as intended for these segments (comma-separated)')
    .action(async (ids: string[], flags) => setCode(await (await import('./commands/accept-command.js')).acceptCommand(ids, flags, safe)));

  if (wanted('check')) withCommonOptions(program.command('check').argument('[files...]'))
    .description('quality checks on translated pairs: structure, numbers, glossary, leftovers, length, brackets')
    .option('--glossary <file>', 'glossary file (YAML or JSON)')
    .option('--json', 'print findings as JSON')
    .action(async (files: string[], flags) => setCode(await (await import('./commands/check-command.js')).checkCommand(files, flags, safe)));

  if (wanted('review')) withCommonOptions(program.command('review').argument('[files...]'))
    .description('go through the aligned pairs: a side-by-side HTML page, a listing in the terminal, or a local review server')
    .option('--html [file]', 'write a self-contained HTML review page (default: <out>/<name>.review.html)')
    .addOption(new Option('--only <what>', 'only these rows').choices(['stale', 'missing', 'conflict', 'qa']))
    .option('--glossary <file>', 'glossary file for the QA findings')
    .addOption(new Option('--color <when>', 'colour the listing').choices(['auto', 'always', 'never']).default('auto'))
    .option('--serve', 'serve the review on 127.0.0.1 to edit and accept translations in the browser (prints the address with its token)')
    .option('--port <n>', 'port for --serve (default: 0, a free port)')
    .option('--open', 'with --serve: open the address in the browser')
    .action(async (files: string[], flags) => setCode(await (await import('./commands/review-command.js')).reviewCommand(files, flags, safe)));

  if (wanted('mv')) withCommonOptions(program.command('mv').argument('<old>', 'old source path').argument('<new>', 'new source path'))
    .description('rename a source file and carry its translations along')
    .action(async (from: string, to: string, flags) => setCode(await (await import('./commands/mv-command.js')).mvCommand(from, to, flags, safe)));

  if (wanted('export')) withCommonOptions(program.command('export').argument('[files...]'))
    .description("write the segments as XLIFF 2.0, XLIFF 1.2 or PO for a translator's tool")
    .addOption(new Option('--format <format>', 'xliff (2.0), xliff1 (1.2) or po').choices(['xliff', 'xliff1', 'po']).default('xliff'))
    .option('--output <file or dir>', 'where to write (default: <out>/<name>.<from>-<to>.xlf, .xliff12.xlf or .po)')
    .option('--only <statuses>', 'only segments that are stale, missing, conflict (comma-separated)')
    .action(async (files: string[], flags) => setCode(await (await import('./commands/export-command.js')).exportCommand(files, flags, safe)));

  if (wanted('import')) withCommonOptions(program.command('import').argument('<files...>', 'XLIFF or PO files written by bitext export'))
    .description("record a translator's edits from XLIFF or PO files as a person's translations")
    .addOption(new Option('--format <format>', 'xliff, xliff1 or po (default: from the content)').choices(['xliff', 'xliff1', 'po']))
    .option('--origin <name>', 'origin to record instead of human (say, the MT of a CAT tool)')
    .option('--dry-run', 'list what would change; write nothing')
    .action(async (files: string[], flags) => setCode(await (await import('./commands/import-command.js')).importCommand(files, flags, safe)));

  if (wanted('tm')) {
    const tm = program.command('tm').description('the translation memory as TMX, for other tools and from them');
    withCommonOptions(tm.command('export'))
      .description('write the translation memory as TMX 1.4b')
      .addOption(new Option('--format <format>', 'file format').choices(['tmx']).default('tmx'))
      .option('--output <file>', 'where to write (default: <out>/memory.<from>-<to>.tmx)')
      .action(async (flags) => setCode(await (await import('./commands/tm-command.js')).tmExportCommand(flags, safe)));
    withCommonOptions(tm.command('import').argument('<file>', 'a TMX file'))
      .description("add a TMX file's translations to the translation memory")
      .addOption(new Option('--format <format>', 'file format').choices(['tmx']).default('tmx'))
      .option('--origin <name>', 'origin to record for units without one (default: human)')
      .action(async (file: string, flags) => setCode(await (await import('./commands/tm-command.js')).tmImportCommand(file, flags, safe)));
  }

  if (wanted('adopt')) withCommonOptions(program.command('adopt').argument('<source>', 'the source Markdown file').argument('<translation>', 'its existing hand-made translation'))
    .description("start tracking a hand-made translation: pair its blocks with the source's and write the bilingual document")
    .option('--force', 'replace an existing bilingual document')
    .option('--dry-run', 'report how the blocks pair up; write nothing')
    .option('--json', 'print the report as JSON')
    .action(async (source: string, translation: string, flags) => setCode(await (await import('./commands/adopt-command.js')).adoptCommand(source, translation, flags, safe)));

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.ok;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit with 0; every parse error is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.fatal;
    }
    return failed(error);
  }
}
