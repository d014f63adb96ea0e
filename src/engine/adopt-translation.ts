import { resolve } from 'node:path';
import { UsageError } from '../model/errors.js';
import { HUMAN_ORIGIN, type SegmentId, type SourceSegment } from '../model/types.js';
import { parseMarkdown } from '../parse/parse-markdown.js';
import { buildDocumentState } from '../plan/document-state.js';
import type { SegmentUpdate } from '../plan/next-document.js';
import { memoryKey, type TranslationMemory } from '../plan/translation-memory.js';
import { segmentDocument } from '../segment/segment-document.js';
import { acquireLock } from '../store/document-lock.js';
import { mergeIntoMemoryFile } from '../store/memory-file.js';
import { displayPath } from '../store/project-paths.js';
import { readTextFile } from '../store/read-text-file.js';
import { loadDocument, type DocumentSettings, type LoadedDocument } from './load-document.js';
import { pairBlocks, type BlockPairing } from './pair-blocks.js';
import { saveBilingual } from './save-document.js';

/** A block adopt could not pair, with where it is and what was done with it. */
export interface AdoptFinding {
  file: string;
  line: number;
  /** The source segments it concerns (marked missing). */
  ids: string[];
  message: string;
}

/** What adopting a translation did or would do. */
export interface AdoptResult {
  document: LoadedDocument;
  updates: Map<SegmentId, SegmentUpdate>;
  adopted: number;
  findings: AdoptFinding[];
  wrote: string[];
}

/**
 * Adopts a hand-made translation: pairs its blocks with the source's (see `pairBlocks`) and
 * writes the bilingual document with every pair as a person's translation. Unpaired source
 * segments stay `missing` and every unpaired block is reported with its line. Refuses to replace
 * an existing bilingual document unless `force`. Does not touch the translation file itself.
 */
export async function adoptTranslation(sourceArg: string, translationArg: string, settings: DocumentSettings, options: { force?: boolean; dryRun?: boolean }): Promise<AdoptResult> {
  const loaded = await loadDocument(sourceArg, settings);
  if (loaded.stored && !options.force) {
    throw new UsageError('a bilingual document already exists for this source', { file: loaded.bilingualDisplay }, 'adopt starts tracking from scratch: pass --force to replace it (its translations are lost), or keep using `bitext translate`.');
  }
  // Start from a clean slate, as if the source had never been translated.
  const document: LoadedDocument = { ...loaded, state: buildDocumentState(loaded.segments, undefined) };
  delete document.stored;

  const translationPath = resolve(settings.cwd, translationArg);
  const translationDisplay = displayPath(translationPath, settings.cwd);
  const translation = await readTextFile(translationPath, translationDisplay);
  const blocks = segmentDocument(translation.text, parseMarkdown(translation.text), { file: translationDisplay, frontMatterFields: settings.frontMatterFields });

  const entries = document.state.entries;
  const updates = new Map<SegmentId, SegmentUpdate>();
  const findings: AdoptFinding[] = [];
  const at = (segment: SourceSegment) => `${document.sourceDisplay}:${segment.line}`;
  for (const pairing of pairBlocks(entries.map((e) => e.segment), blocks)) {
    const finding = describe(pairing);
    if (finding) findings.push(finding);
    if (pairing.type === 'pair') {
      const entry = entries[pairing.source];
      const block = blocks[pairing.target];
      if (entry && block && block.text.trim() !== '') updates.set(entry.id, { type: 'translation', text: block.text, origin: HUMAN_ORIGIN });
    }
  }
  findings.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === document.sourceDisplay ? -1 : 1));

  function describe(p: BlockPairing): AdoptFinding | undefined {
    const entry = (i: number) => entries[i] as (typeof entries)[number];
    const block = (j: number) => blocks[j] as SourceSegment;
    switch (p.type) {
      case 'pair':
        return undefined;
      case 'missing':
        return { file: document.sourceDisplay, line: entry(p.source).segment.line, ids: [entry(p.source).id], message: `${entry(p.source).id} (${entry(p.source).segment.kind}) has no counterpart in ${translationDisplay}; marked missing` };
      case 'extra':
        return { file: translationDisplay, line: block(p.target).line, ids: [], message: `this ${block(p.target).kind} matches no block of ${document.sourceDisplay}; not adopted` };
      case 'merged': {
        const [a, b] = p.sources.map(entry) as [ReturnType<typeof entry>, ReturnType<typeof entry>];
        return { file: translationDisplay, line: block(p.target).line, ids: [a.id, b.id], message: `this ${block(p.target).kind} seems to translate ${a.id} (${at(a.segment)}) and ${b.id} (${at(b.segment)}) merged; both marked missing (split it as in the source and adopt again, or translate them)` };
      }
      case 'split': {
        const e = entry(p.source);
        return { file: document.sourceDisplay, line: e.segment.line, ids: [e.id], message: `${e.id} seems to be translated as two blocks (${translationDisplay}:${block(p.targets[0]).line} and ${block(p.targets[1]).line}); marked missing` };
      }
    }
  }

  const wrote: string[] = [];
  if (!options.dryRun) {
    const release = await acquireLock(document.paths.bilingual, document.bilingualDisplay);
    try {
      await saveBilingual(document, updates, wrote);
      const learned: TranslationMemory = new Map();
      for (const entry of entries) {
        const update = updates.get(entry.id);
        if (update?.type === 'translation') learned.set(memoryKey(settings.from, settings.to, entry.segment.hash), { source: entry.segment.text, translation: update.text, origin: HUMAN_ORIGIN });
      }
      const memoryFile = document.paths.memory;
      await mergeIntoMemoryFile(memoryFile, displayPath(memoryFile, settings.cwd), learned);
    } finally {
      await release();
    }
  }
  return { document, updates, adopted: updates.size, findings, wrote };
}
