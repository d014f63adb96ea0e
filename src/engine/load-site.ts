import { BitextError } from '../model/errors.js';
import type { LanguageCode } from '../model/types.js';
import { loadDocument, readSource, type DocumentSettings, type LoadedDocument } from './load-document.js';

/** Every document of a run, in file order then language order, and what could not be read. */
export interface LoadedSite {
  documents: LoadedDocument[];
  failures: { file: string; error: BitextError }[];
}

/**
 * Loads each file in each target language, reading and parsing each source once. A file that
 * cannot be read or parsed (or whose bilingual document is damaged) is reported; the rest load.
 */
export async function loadSite(files: readonly string[], targets: readonly LanguageCode[], settings: DocumentSettings): Promise<LoadedSite> {
  const site: LoadedSite = { documents: [], failures: [] };
  for (const file of files) {
    try {
      const source = await readSource(file, settings);
      for (const to of targets) {
        try {
          site.documents.push(await loadDocument(file, { ...settings, to }, source));
        } catch (error) {
          if (!(error instanceof BitextError)) throw error;
          site.failures.push({ file, error });
        }
      }
    } catch (error) {
      if (!(error instanceof BitextError)) throw error;
      site.failures.push({ file, error });
    }
  }
  return site;
}
