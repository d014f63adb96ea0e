import type { ImportedFile, ImportedUnit } from '../formats/exchange-types.js';
import type { Origin, SegmentId } from '../model/types.js';
import type { SegmentState } from '../plan/document-state.js';
import type { SegmentUpdate } from '../plan/next-document.js';
import { memoryKey, type TranslationMemory } from '../plan/translation-memory.js';
import { unmaskTranslation } from '../segment/mask-protected.js';
import { acquireLock, type ReleaseLock } from '../store/document-lock.js';
import { mergeIntoMemoryFile } from '../store/memory-file.js';
import { displayPath } from '../store/project-paths.js';
import { maskEntry } from './export-document.js';
import type { LoadedDocument } from './load-document.js';
import { saveBilingual, saveTarget } from './save-document.js';

/** One translation an import changes. */
export interface ImportChange {
  id: string;
  before?: string;
  after: string;
}

/** A unit an import does not apply, and why. */
export interface ImportRejection {
  id: string;
  reason: string;
  /** Line of the unit in the imported file, where the format tells. */
  line?: number;
}

/** What importing one file into one document would do; computed without writing. */
export interface ImportPlan {
  document: LoadedDocument;
  updates: Map<SegmentId, SegmentUpdate>;
  changes: ImportChange[];
  /** Units whose source changed since the export: never applied. */
  conflicts: ImportRejection[];
  /** Units whose placeholders a translator broke. */
  problems: ImportRejection[];
  /** Ids the document does not have. */
  unknown: string[];
}

/**
 * Works out which imported targets become a person's translations: a target that differs from
 * the current translation, or one the file marks done where bitext had it stale. Units whose
 * source changed since the export are conflicts; broken placeholders are problems.
 */
export function planImport(document: LoadedDocument, file: ImportedFile, origin: Origin): ImportPlan {
  const plan: ImportPlan = { document, updates: new Map(), changes: [], conflicts: [], problems: [], unknown: [] };
  const entries = new Map(document.state.entries.map((e) => [e.id as string, e]));
  for (const unit of file.units) {
    const entry = entries.get(unit.id);
    if (!entry) {
      plan.unknown.push(unit.id);
      continue;
    }
    planUnit(plan, entry, unit, origin);
  }
  return plan;
}

function planUnit(plan: ImportPlan, entry: SegmentState, unit: ImportedUnit, origin: Origin): void {
  if (unit.target === undefined || unit.target.trim() === '') return;
  const masked = maskEntry(entry);
  const unchanged = unit.target === masked.translation;
  const confirms = unchanged && unit.confirmed && (entry.status === 'stale' || entry.status === 'conflict');
  if (unchanged && !confirms) return;
  if (!sameSource(unit, masked.source, masked.tokens.map((t) => t.original))) {
    plan.conflicts.push({ id: unit.id, reason: 'the source changed since the file was exported; export again and redo this unit', ...(unit.line ? { line: unit.line } : {}) });
    return;
  }
  const unmasked = unmaskTranslation(unit.target, masked.tokens);
  if ('problem' in unmasked) {
    plan.problems.push({ id: unit.id, reason: unmasked.problem, ...(unit.line ? { line: unit.line } : {}) });
    return;
  }
  plan.updates.set(entry.id, { type: 'translation', text: unmasked.text, origin });
  plan.changes.push({ id: unit.id, ...(entry.record?.translation !== undefined ? { before: entry.record.translation } : {}), after: unmasked.text });
}

/** The unit's source is today's: same text around the placeholders, and the same originals where the file keeps them. */
function sameSource(unit: ImportedUnit, source: string, originals: string[]): boolean {
  if (unit.source !== source) return false;
  for (const [n, original] of unit.sourceOriginals ?? []) if (originals[n - 1] !== original) return false;
  return true;
}

/**
 * Writes planned imports: the bilingual document, the translated version and the memory of
 * each. Every lock is taken first, so a document locked by another run stops the import before
 * anything is written. Returns the files written per plan.
 */
export async function applyImports(plans: readonly ImportPlan[], cwd: string): Promise<string[][]> {
  const releases: ReleaseLock[] = [];
  try {
    for (const plan of plans) {
      if (plan.updates.size > 0) releases.push(await acquireLock(plan.document.paths.bilingual, plan.document.bilingualDisplay));
    }
    const wrote: string[][] = [];
    for (const plan of plans) wrote.push(plan.updates.size > 0 ? await writeImport(plan, cwd) : []);
    return wrote;
  } finally {
    for (const release of releases) await release();
  }
}

async function writeImport(plan: ImportPlan, cwd: string): Promise<string[]> {
  const wrote: string[] = [];
  const { document } = plan;
  await saveBilingual(document, plan.updates, wrote);
  await saveTarget(document, plan.updates, wrote);
  const learned: TranslationMemory = new Map();
  for (const entry of document.state.entries) {
    const update = plan.updates.get(entry.id);
    if (update?.type !== 'translation') continue;
    learned.set(memoryKey(document.header.from, document.header.to, entry.segment.hash), { source: entry.segment.text, translation: update.text, origin: update.origin });
  }
  const memoryFile = document.paths.memory;
  await mergeIntoMemoryFile(memoryFile, displayPath(memoryFile, cwd), learned);
  return wrote;
}
