import { createHash } from 'node:crypto';
import type { GlossaryEntry } from '../translator.js';

/** What the glossary manager needs from the adapter: the endpoint and an authorised fetch. */
export interface DeepLGlossaryClient {
  baseURL: string;
  /** fetch with the DeepL auth header; throws a TranslatorError on a network failure. */
  request(path: string, init: { method: 'GET' | 'POST'; body?: string; signal: AbortSignal }): Promise<{ status: number; text: string }>;
}

/** One glossary per distinct entry set, found by its name on later runs instead of created again. */
export interface DeepLGlossaries {
  /** The id of a DeepL glossary holding exactly `entries` (created if needed); undefined if DeepL cannot have one. */
  idFor(entries: readonly GlossaryEntry[], source: string, target: string, signal: AbortSignal): Promise<string | undefined>;
}

/**
 * Creates DeepL glossaries from bitext's glossary entries, so DeepL users get the glossary with no
 * pre-made id. Names are content hashes (`bitext-<hash>`): the same entries reuse the same
 * glossary across runs. A language pair DeepL has no glossaries for means no glossary, not a
 * failed run (`bitext check` still verifies the terms).
 */
export function deeplGlossaries(client: DeepLGlossaryClient): DeepLGlossaries {
  const ids = new Map<string, Promise<string | undefined>>();
  let existing: Promise<Map<string, string>> | undefined;

  const list = (signal: AbortSignal): Promise<Map<string, string>> => {
    existing ??= client.request('/v2/glossaries', { method: 'GET', signal }).then(({ status, text }) => {
      const byName = new Map<string, string>();
      if (status !== 200) return byName;
      const parsed = safeJson(text) as { glossaries?: { name?: unknown; glossary_id?: unknown; ready?: unknown }[] } | undefined;
      for (const g of parsed?.glossaries ?? []) if (typeof g.name === 'string' && typeof g.glossary_id === 'string' && g.ready !== false) byName.set(g.name, g.glossary_id);
      return byName;
    });
    return existing;
  };

  return {
    idFor(entries, source, target, signal) {
      const rows = toTsvRows(entries);
      if (rows.length === 0) return Promise.resolve(undefined);
      const sourceLang = source.split(/[-_]/)[0]?.toLowerCase() ?? source;
      const targetLang = target.split(/[-_]/)[0]?.toLowerCase() ?? target;
      const tsv = rows.join('\n');
      const name = `bitext-${sourceLang}-${targetLang}-${createHash('sha256').update(tsv).digest('hex').slice(0, 16)}`;
      let id = ids.get(name);
      if (!id) {
        id = (async () => {
          const found = (await list(signal)).get(name);
          if (found) return found;
          const body = JSON.stringify({ name, source_lang: sourceLang, target_lang: targetLang, entries: tsv, entries_format: 'tsv' });
          const { status, text } = await client.request('/v2/glossaries', { method: 'POST', body, signal });
          if (status !== 200 && status !== 201) return undefined;
          const created = safeJson(text) as { glossary_id?: unknown } | undefined;
          return typeof created?.glossary_id === 'string' ? created.glossary_id : undefined;
        })();
        // A failure (timeout, network) is not remembered: the next request tries again.
        id.catch(() => ids.delete(name));
        ids.set(name, id);
      }
      return id;
    },
  };
}

/** Entries as DeepL's TSV rows: one source per row, no tabs or line breaks, sorted for a stable hash. */
function toTsvRows(entries: readonly GlossaryEntry[]): string[] {
  const bySource = new Map<string, string>();
  for (const { source, target } of entries) {
    const s = source.trim();
    const t = target.trim();
    if (s === '' || t === '' || /[\t\r\n]/.test(s + t) || bySource.has(s)) continue;
    bySource.set(s, t);
  }
  return [...bySource].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([s, t]) => `${s}\t${t}`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
