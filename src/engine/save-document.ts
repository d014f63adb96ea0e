import { bilingualParts } from '../bilingual/render-bilingual.js';
import type { SegmentId, SegmentStatus } from '../model/types.js';
import { nextDocument, type SegmentUpdate } from '../plan/next-document.js';
import { renderTarget } from '../render/render-target.js';
import { slugStyleOf } from '../dialect/markdown-syntax.js';
import { writeFileAtomicIfChanged, writePartsAtomicIfChanged } from '../store/atomic-write.js';
import type { LoadedDocument } from './load-document.js';

/** Writes the bilingual document with the updates applied; returns each segment's new status. */
export async function saveBilingual(document: LoadedDocument, updates: ReadonlyMap<SegmentId, SegmentUpdate>, wrote: string[]): Promise<SegmentStatus[]> {
  const { doc, statuses } = nextDocument(document.state, document.header, updates);
  const path = document.paths.bilingual;
  if ((await writePartsAtomicIfChanged(path, () => bilingualParts(doc, statuses))) && !wrote.includes(path)) wrote.push(path);
  return statuses;
}

/**
 * Writes the translated version: the source's bytes with every translated span replaced. Stale
 * segments keep their old translation and missing ones their source text until translated.
 */
export async function saveTarget(document: LoadedDocument, updates: ReadonlyMap<SegmentId, SegmentUpdate>, wrote: string[]): Promise<void> {
  const { doc } = nextDocument(document.state, document.header, updates);
  const translations = doc.segments.map((segment) => segment.translation);
  await writeIfChanged(document.paths.target, renderTarget(document.source, document.segments, translations, { slugStyle: slugStyleOf(document.syntax) }), wrote);
}

/** Writes a file when its content changed, and notes it in `wrote`. */
async function writeIfChanged(path: string, content: string, wrote: string[]): Promise<void> {
  if ((await writeFileAtomicIfChanged(path, content)) && !wrote.includes(path)) wrote.push(path);
}
