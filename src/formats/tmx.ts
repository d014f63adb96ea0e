import type { Element } from '@xmldom/xmldom';
import { InputError } from '../model/errors.js';
import type { LanguageCode, Origin } from '../model/types.js';
import { appendElement, appendText, childElement, childElements, closeIndent, lineOf, newXmlDocument, parseXml, serializeXml } from './xml-dom.js';

/** One translation unit of a TMX file: a source text, its translation and who made it. */
export interface TmxEntry {
  source: string;
  translation: string;
  origin?: Origin;
}

/** A TMX memory for one language pair. */
export interface TmxMemory {
  from: LanguageCode;
  to: LanguageCode;
  entries: TmxEntry[];
  /** The tool that wrote the file (the TMX header's `creationtool`). */
  tool?: string;
}

const ORIGIN_PROP = 'x-bitext-origin';

/** Writes a TMX 1.4b document: one `<tu>` per entry, the origin as a `<prop>`. */
export function renderTmx(memory: TmxMemory): string {
  const doc = newXmlDocument(null, 'tmx');
  const root = doc.documentElement as Element;
  root.setAttribute('version', '1.4');
  appendElement(root, 'header', { creationtool: 'bitext', creationtoolversion: '0.1.0', segtype: 'paragraph', 'o-tmf': 'bitext', adminlang: 'en', srclang: memory.from, datatype: 'x-markdown' }, 1);
  const body = appendElement(root, 'body', {}, 1);
  for (const entry of memory.entries) {
    const tu = appendElement(body, 'tu', {}, 2);
    if (entry.origin) appendText(appendElement(tu, 'prop', { type: ORIGIN_PROP }, 3), entry.origin);
    for (const [lang, text] of [[memory.from, entry.source], [memory.to, entry.translation]] as const) {
      const tuv = appendElement(tu, 'tuv', { 'xml:lang': lang }, 3);
      appendText(appendElement(tuv, 'seg', {}, 4), text);
      closeIndent(tuv, 3);
    }
    closeIndent(tu, 2);
  }
  closeIndent(body, 1);
  closeIndent(root, 0);
  return serializeXml(doc);
}

/**
 * Reads the pairs of a TMX file (1.1 to 1.4b) between two languages; a region (`en-US`) matches
 * its language (`en`). Inline codes in `<seg>` keep their native text.
 */
export function parseTmx(text: string, fileDisplay: string, from: LanguageCode, to: LanguageCode): TmxMemory {
  const doc = parseXml(text, fileDisplay);
  const root = doc.documentElement as Element;
  if (root.localName !== 'tmx') throw new InputError(`not a TMX document (root <${root.tagName}>)`, { file: fileDisplay, line: 1 });
  const header = childElement(root, 'header');
  const body = childElement(root, 'body');
  if (!body) throw new InputError('the TMX document has no <body>', { file: fileDisplay });
  const entries: TmxEntry[] = [];
  for (const tu of childElements(body, 'tu')) {
    const source = segIn(tu, from);
    const translation = segIn(tu, to);
    if (source === undefined || translation === undefined || source.trim() === '' || translation.trim() === '') continue;
    const origin = childElements(tu, 'prop').find((p) => p.getAttribute('type') === ORIGIN_PROP)?.textContent ?? undefined;
    entries.push({ source, translation, ...(origin ? { origin } : {}) });
  }
  const tool = header?.getAttribute('creationtool') ?? undefined;
  if (entries.length === 0 && childElements(body, 'tu').length > 0) {
    const first = childElements(body, 'tu')[0] as Element;
    throw new InputError(`no translation unit pairs ${from} with ${to}`, { file: fileDisplay, ...(lineOf(first) ? { line: lineOf(first) } : {}) }, 'Pass the languages of the file with --from and --to.');
  }
  return { from, to, entries, ...(tool ? { tool } : {}) };
}

function segIn(tu: Element, lang: LanguageCode): string | undefined {
  const wanted = lang.toLowerCase();
  for (const tuv of childElements(tu, 'tuv')) {
    const code = (tuv.getAttribute('xml:lang') || tuv.getAttribute('lang') || '').toLowerCase();
    if (code !== wanted && code.split(/[-_]/)[0] !== wanted) continue;
    const seg = childElement(tuv, 'seg');
    if (seg) return seg.textContent ?? '';
  }
  return undefined;
}
