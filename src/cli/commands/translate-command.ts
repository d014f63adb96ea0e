import type { TranslateReport } from '../../engine/translate-document.js';
import { estimatePlan } from '../../engine/estimate-plan.js';
import { translateSite } from '../../engine/translate-site.js';
import { displayPath } from '../../store/project-paths.js';
import { loadTranslator } from '../../translate/load-translator.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { describeFailures } from '../describe-failures.js';
import { siteProgressReporter } from '../progress-line.js';
import { environmentWithKeys, glossariesFor, positiveInteger, resolveSettings, type CommonFlags } from '../resolve-settings.js';
import { redactingWriter } from '../secrets.js';

interface TranslateFlags extends CommonFlags {
  translator?: string;
  model?: string;
  command?: string;
  concurrency?: string;
  glossary?: string;
  timeout?: string;
  maxAttempts?: string;
  envFile?: string;
  dryRun?: boolean;
  force?: boolean;
  validate: boolean;
  json?: boolean;
}

const DRY_RUN_KEYS: Record<string, string> = { openai: 'OPENAI_API_KEY', deepl: 'DEEPL_AUTH_KEY', anthropic: 'ANTHROPIC_API_KEY' };

/**
 * `bitext translate`: translate what is missing or stale in every file and target language, in
 * one run with one request pool. A file that cannot be processed is reported; the rest go on.
 */
export async function translateCommand(files: string[], flags: TranslateFlags, io: CliIo): Promise<number> {
  const settings = await resolveSettings(flags, files, io);
  const { config } = settings;
  const env = await environmentWithKeys(io, flags.envFile ?? config.envFile);
  const out = redactingWriter((t) => io.stdout.write(t), env);
  const err = redactingWriter((t) => io.stderr.write(t), env);

  const translatorSpec = flags.translator ?? config.translator ?? 'auto';
  const translatorSettings: Record<string, unknown> = { ...(config.translatorOptions ?? {}) };
  if (flags.command) translatorSettings.command = flags.command;
  const model = flags.model ?? config.model;
  // A dry run sends nothing, so it can estimate a service's cost before its key is set up.
  const adapterEnv = flags.dryRun && DRY_RUN_KEYS[translatorSpec] && !env[DRY_RUN_KEYS[translatorSpec]] ? { ...env, [DRY_RUN_KEYS[translatorSpec]]: 'dry-run-without-key' } : env;
  const translator = await loadTranslator(translatorSpec, { env: adapterEnv, settings: translatorSettings, cwd: io.cwd, ...(model ? { model } : {}) });
  const glossaries = await glossariesFor(flags.glossary, settings, io.cwd);
  const concurrency = flags.concurrency ? positiveInteger(flags.concurrency, '--concurrency') : (config.concurrency ?? 4);
  const timeoutMs = (flags.timeout ? positiveInteger(flags.timeout, '--timeout') : (config.timeoutSeconds ?? 120)) * 1000;
  const maxAttempts = flags.maxAttempts ? positiveInteger(flags.maxAttempts, '--max-attempts') : 4;

  const started = performance.now();
  const reporter = siteProgressReporter(io.stderr, err);
  const site = await translateSite({
    ...settings, translator, glossary: [], glossaries, force: Boolean(flags.force), dryRun: Boolean(flags.dryRun), validate: flags.validate,
    concurrency, timeoutMs, maxAttempts, reporter, ...(io.signal ? { signal: io.signal } : {}),
  });
  reporter.end();
  const seconds = (performance.now() - started) / 1000;
  let code: number = EXIT.ok;
  for (const report of site.documents) {
    if (!flags.json) out(flags.dryRun ? describeDryRun(report, translator.name) : describeRun(report, seconds, io.cwd, site.documents.length > 1));
    const conflicts = report.statuses.filter((s) => s === 'conflict').length;
    if (report.failed.length > 0 || conflicts > 0 || report.stoppedBy) code = EXIT.problems;
  }
  if (!flags.json && flags.dryRun && site.documents.length > 1) {
    // Documents of one language pair share requests, so the total is estimated over all of them.
    for (const to of settings.targets) {
      const reports = site.documents.filter((r) => r.document.header.to === to);
      const total = estimatePlan(reports.flatMap((r) => r.plan.send), translator.limits, settings.from);
      out(`${to}: would send ${total.segments} segment(s) of ${reports.length} document(s) to ${translator.name}: ${total.characters} characters, about ${total.estimatedTokens} input tokens, ${total.requests} request(s) in all\n`);
    }
  }
  if (!flags.json && !flags.dryRun && site.documents.length > 1) {
    const { usage } = site;
    const sum = (f: (r: TranslateReport) => number): number => site.documents.reduce((n, r) => n + f(r), 0);
    out(`${site.documents.length} document(s) in ${settings.targets.join(', ')}: ${sum((r) => r.translated)} translated, ${sum((r) => r.reused)} from memory, ${sum((r) => r.failed.length)} failed; ${site.requests} request(s), ${usage.characters} characters${describeTokens(usage)}; ${seconds.toFixed(1)} s\n`);
  }
  for (const failure of site.failures) err(`bitext: ${failure.error.format()}\n`);
  if (site.failures.length > 0) {
    err(`${site.failures.length} file(s) could not be processed (listed above); every other file was.\n`);
    code = EXIT.fatal;
  }
  if (flags.json) out(`${JSON.stringify(site.documents.map((r) => jsonReport(r, io.cwd)), null, 2)}\n`);
  if (io.signal?.aborted) return EXIT.interrupted;
  return code;
}

function describeDryRun(report: TranslateReport, translatorName: string): string {
  const { plan, estimate, document } = report;
  const lines = [`${document.sourceDisplay}: dry run, nothing sent or written`];
  lines.push(`  would send ${estimate.segments} segment(s) to ${translatorName}: ${estimate.characters} characters, about ${estimate.estimatedTokens} input tokens, ${estimate.requests} request(s)`);
  if (plan.reuse.length) lines.push(`  would reuse ${plan.reuse.length} translation(s) from the translation memory`);
  if (plan.copy.length) lines.push(`  would copy ${plan.copy.length} segment(s) already in the target language, unchanged (origin copy)`);
  for (const segment of plan.send) {
    const entry = document.state.entries.find((e) => e.id === segment.id);
    lines.push(`  ${segment.reason.padEnd(8)} ${segment.id.padEnd(12)} ${document.sourceDisplay}:${entry?.segment.line ?? '?'}  ${preview(segment.text)}`);
  }
  if (plan.removed.length) lines.push(`  ${plan.removed.length} segment(s) removed from the source will leave the bilingual document (kept in the memory)`);
  return `${lines.join('\n')}\n`;
}

/** A warning per same-document link whose fragment matches no heading. */
function describeUnmatchedFragments(report: TranslateReport): string[] {
  return report.unmatchedFragments.map((link) => `  warning ${report.document.sourceDisplay}:${link.line}: the link to #${link.fragment} matches no heading; it is left as it is`);
}

function describeRun(report: TranslateReport, seconds: number, cwd: string, several: boolean): string {
  const { document, usage } = report;
  const counts = countStatuses(report.statuses);
  if (several) {
    // One line per document; requests and time are shared, so they go on the summary line.
    const lines = [`${document.sourceDisplay} → ${document.header.to}: ${report.translated} translated, ${report.reused} from memory, ${report.copied ? `${report.copied} copied, ` : ''}${report.failed.length} failed; now ${counts.current} current, ${counts.stale} stale, ${counts.missing} missing, ${counts.conflict} conflict`];
    lines.push(...describeFailures(report.failed));
    lines.push(...describeUnmatchedFragments(report));
    if (report.stoppedBy) lines.push(`  stopped: ${report.stoppedBy}`);
    for (const [index, entry] of document.state.entries.entries()) {
      if (report.statuses[index] === 'conflict') lines.push(`  conflict ${entry.id} (${document.sourceDisplay}:${entry.segment.line}): resolve with \`bitext accept ${entry.id} --file ${document.sourceDisplay} --to ${document.header.to}\` (keep) or add --suggestion.`);
    }
    return `${lines.join('\n')}\n`;
  }
  const lines = [
    `${document.sourceDisplay}: ${report.translated} translated, ${report.reused} from memory, ${report.copied ? `${report.copied} copied (already in the target language), ` : ''}${report.failed.length} failed; ${report.requests} request(s), ${usage.characters} characters${describeTokens(usage)}; ${seconds.toFixed(1)} s`,
    `  now ${counts.current} current, ${counts.stale} stale, ${counts.missing} missing, ${counts.conflict} conflict`,
  ];
  lines.push(...describeFailures(report.failed));
  lines.push(...describeUnmatchedFragments(report));
  if (report.stoppedBy) lines.push(`  stopped: ${report.stoppedBy}`);
  for (const entry of document.state.entries) {
    if (report.statuses[document.state.entries.indexOf(entry)] === 'conflict') {
      lines.push(`  conflict ${entry.id} (${document.sourceDisplay}:${entry.segment.line}): the source changed under a person's translation; a suggestion is stored beside it. Resolve with \`bitext accept ${entry.id}\` (keep) or \`bitext accept ${entry.id} --suggestion\`.`);
    }
  }
  lines.push(report.wrote.length ? `  wrote ${report.wrote.map((p) => displayPath(p, cwd)).join(', ')}` : '  nothing to write: everything was up to date');
  return `${lines.join('\n')}\n`;
}

function jsonReport(report: TranslateReport, cwd: string) {
  return {
    source: report.document.sourceDisplay,
    language: report.document.header.to,
    bilingual: report.document.bilingualDisplay,
    target: report.document.targetDisplay,
    plan: {
      send: report.plan.send.map((s) => ({ id: s.id, kind: s.kind, reason: s.reason, characters: [...s.text].length })),
      reuse: report.plan.reuse.map((r) => r.id),
      copy: report.plan.copy.map((c) => c.id),
      moved: report.plan.moved,
      removed: report.plan.removed.map((r) => r.id),
    },
    estimate: report.estimate,
    translated: report.translated,
    reused: report.reused,
    copied: report.copied,
    unmatchedFragments: report.unmatchedFragments,
    failed: report.failed,
    requests: report.requests,
    usage: report.usage,
    stoppedBy: report.stoppedBy ?? null,
    summary: countStatuses(report.statuses),
    wrote: report.wrote.map((p) => displayPath(p, cwd)),
  };
}

/** `, 900 tokens in (600 cached), 300 out`, or nothing when the translator reports no tokens. */
function describeTokens(usage: TranslateReport['usage']): string {
  if (!usage.inputTokens && !usage.outputTokens) return '';
  const cached = usage.cachedInputTokens ? ` (${usage.cachedInputTokens} cached)` : '';
  return `, ${usage.inputTokens} tokens in${cached}, ${usage.outputTokens} out`;
}

function countStatuses(statuses: readonly string[]) {
  const counts = { current: 0, stale: 0, missing: 0, conflict: 0 };
  for (const s of statuses) counts[s as keyof typeof counts]++;
  return counts;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return [...flat].length > 40 ? `${[...flat].slice(0, 40).join('')}…` : flat;
}
