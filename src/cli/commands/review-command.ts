import { basename, dirname, resolve } from 'node:path';
import { loadDocument } from '../../engine/load-document.js';
import { buildReviewModel, checkDocument } from '../../engine/review-document.js';
import { renderReviewHtml } from '../../review/render-review-html.js';
import { renderReviewText, type ReviewTextFilter } from '../../review/render-review-text.js';
import { writeFileAtomic } from '../../store/atomic-write.js';
import { displayPath } from '../../store/project-paths.js';
import { glossaryFor } from '../../store/read-glossary.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { useColor } from '../color-choice.js';
import { resolveSettings, type CommonFlags } from '../resolve-settings.js';

interface ReviewFlags extends CommonFlags {
  html?: string | boolean;
  only?: ReviewTextFilter;
  glossary?: string;
  color?: string;
}

/** `bitext review`: the aligned pairs as a self-contained HTML page, or a listing paged in the terminal. */
export async function reviewCommand(files: string[], flags: ReviewFlags, io: CliIo): Promise<number> {
  const settings = await resolveSettings(flags, files, io);
  const glossary = await glossaryFor(flags.glossary, settings.config.glossary, io.cwd);
  const color = useColor(flags.color, io.stdout, io.env);
  const listing: string[] = [];
  for (const file of settings.files) {
    const document = await loadDocument(file, settings);
    const model = buildReviewModel(document, checkDocument(document, glossary), 'bitext 0.1.0');
    if (flags.html !== undefined && flags.html !== false) {
      const target =
        typeof flags.html === 'string' && settings.files.length === 1
          ? resolve(io.cwd, flags.html)
          : resolve(dirname(document.paths.bilingual), `${basename(document.paths.bilingual, '.md')}.review.html`);
      const html = renderReviewHtml(model);
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
