import { spawn } from 'node:child_process';
import { platform } from 'node:os';
import { basename, dirname, extname, resolve } from 'node:path';
import { loadDocument } from '../../engine/load-document.js';
import { buildReviewModel, checkDocument } from '../../engine/review-document.js';
import { UsageError } from '../../model/errors.js';
import { renderReviewHtml } from '../../review/render-review-html.js';
import { renderReviewText, type ReviewTextFilter } from '../../review/render-review-text.js';
import { alignReviewRows } from '../../review/sentences/align-review-rows.js';
import { writeFileAtomic } from '../../store/atomic-write.js';
import type { GlossaryEntry } from '../../translate/translator.js';
import { displayPath } from '../../store/project-paths.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { useColor } from '../color-choice.js';
import { glossariesFor, resolveSettings, type CommonFlags } from '../resolve-settings.js';

interface ReviewFlags extends CommonFlags {
  html?: string | boolean;
  only?: ReviewTextFilter;
  glossary?: string;
  color?: string;
  serve?: boolean;
  port?: string;
  open?: boolean;
}

const GENERATED_BY = 'bitext 0.1.0';

/**
 * `bitext review`: the aligned pairs as a self-contained HTML page, a listing paged in the
 * terminal, or (`--serve`) a local review server where translations are edited and accepted.
 */
export async function reviewCommand(files: string[], flags: ReviewFlags, io: CliIo): Promise<number> {
  const settings = await resolveSettings(flags, files, io);
  const glossaries = await glossariesFor(flags.glossary, settings, io.cwd);
  if (flags.serve) return serve(settings.files, settings, glossaries.get(settings.to) ?? [], flags, io);
  const color = useColor(flags.color, io.stdout, io.env);
  const listing: string[] = [];
  const single = settings.files.length === 1 && settings.targets.length === 1;
  for (const file of settings.files) for (const to of settings.targets) {
    const document = await loadDocument(file, { ...settings, to });
    const glossary = glossaries.get(to) ?? [];
    const model = buildReviewModel(document, checkDocument(document, glossary), GENERATED_BY);
    if (flags.html !== undefined && flags.html !== false) {
      const bilingual = document.paths.bilingual;
      const target =
        typeof flags.html === 'string' && single
          ? resolve(io.cwd, flags.html)
          : resolve(dirname(bilingual), `${basename(bilingual, extname(bilingual))}.review.html`);
      const html = renderReviewHtml(alignReviewRows(model, glossary));
      await writeFileAtomic(target, html);
      io.stdout.write(`wrote ${displayPath(target, io.cwd)} (${Math.round(Buffer.byteLength(html) / 1024)} KiB, ${model.rows.length} rows)\n`);
    } else {
      listing.push(renderReviewText(model, { ...(flags.only ? { only: flags.only } : {}), color, ...(io.stdout.columns ? { width: io.stdout.columns } : {}) }));
    }
  }
  if (listing.length) {
    const text = listing.join('\n');
    if (io.page && io.stdout.isTTY) await io.page(text);
    else io.stdout.write(text);
  }
  return EXIT.ok;
}

/** Runs the review server until the run is interrupted (Ctrl-C). */
async function serve(
  files: string[],
  settings: Awaited<ReturnType<typeof resolveSettings>>,
  glossary: GlossaryEntry[],
  flags: ReviewFlags,
  io: CliIo,
): Promise<number> {
  if (flags.html !== undefined && flags.html !== false) throw new UsageError('--serve and --html do not go together', {}, 'Serve the review, or write the static page.');
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number from 0 to 65535, not "${flags.port}"`, {}, 'Leave it out (or pass 0) to pick a free port.');
  // Read every document once before listening, so a broken one fails now with its file and line.
  for (const file of files) await loadDocument(file, settings);
  // Loaded here: the server brings saving, locking and the bilingual renderer, which the static
  // page and the listing never need.
  const { startReviewServer } = await import('../../review/server/review-server.js');
  const server = await startReviewServer({ settings, files, glossary, port, generatedBy: GENERATED_BY, log: (text) => io.stderr.write(text) });
  io.stdout.write(`${server.url}\n`);
  io.stderr.write('Review server on 127.0.0.1 only; the address holds a token, so share it with no one. Ctrl-C stops it.\n');
  if (flags.open) openInBrowser(server.url, io);
  await new Promise<void>((done) => {
    if (!io.signal || io.signal.aborted) return done();
    io.signal.addEventListener('abort', () => done(), { once: true });
  });
  await server.close();
  return EXIT.ok;
}

/** Opens the address in the desktop's browser; if that fails the printed address still works. */
function openInBrowser(url: string, io: CliIo): void {
  const system = platform();
  const [command, ...args] = system === 'darwin' ? ['open'] : system === 'win32' ? ['cmd', '/c', 'start', '""'] : ['xdg-open'];
  const child = spawn(command ?? 'xdg-open', [...args, url], { stdio: 'ignore', detached: true });
  child.on('error', () => io.stderr.write('could not open a browser; open the address above yourself\n'));
  child.unref();
}
