import type { Document, Element } from '@xmldom/xmldom';
import { InputError } from '../model/errors.js';
import type { ExchangeFile, ExchangeUnit, ImportedFile, ImportedUnit } from './exchange-types.js';
import { placeholdersOf } from './inline-text.js';
import { appendElement, appendInline, appendText, childElement, childElements, closeIndent, lineOf, newXmlDocument, parseXml, readInline, serializeXml } from './xml-dom.js';

/** The XLIFF 2.0 core namespace. */
export const XLIFF2_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';

/** XLIFF 2.0 segment state of a unit: a reviewed translation is `reviewed`, one needing work `initial`. */
export function xliff2State(unit: Pick<ExchangeUnit, 'status' | 'reviewed' | 'target'>): 'initial' | 'translated' | 'reviewed' {
  if (unit.target === undefined || unit.status !== 'current') return 'initial';
  return unit.reviewed ? 'reviewed' : 'translated';
}

/**
 * Writes an XLIFF 2.0 document: one `<unit>` per segment; protected spans become `<ph>` elements
 * whose original is kept in `<originalData>` (and shown through `disp`), so a tool never lets a
 * translator edit them; stale and conflicting units carry a `needs-review` note.
 */
export function renderXliff2(file: ExchangeFile): string {
  const doc = newXmlDocument(XLIFF2_NAMESPACE, 'xliff');
  const root = doc.documentElement as Element;
  root.setAttribute('version', '2.0');
  root.setAttribute('srcLang', file.from);
  root.setAttribute('trgLang', file.to);
  const fileElement = appendElement(root, 'file', { id: 'f1', original: file.sourcePath }, 1);
  for (const unit of file.units) writeUnit(fileElement, unit);
  closeIndent(fileElement, 1);
  closeIndent(root, 0);
  return serializeXml(doc);
}

function writeUnit(fileElement: Element, unit: ExchangeUnit): void {
  const unitElement = appendElement(fileElement, 'unit', { id: unit.id, name: unit.kind }, 2);
  const notes = reviewNotes(unit);
  if (notes.length) {
    const notesElement = appendElement(unitElement, 'notes', {}, 3);
    for (const [category, text] of notes) appendText(appendElement(notesElement, 'note', { category }, 4), text);
    closeIndent(notesElement, 3);
  }
  const placeholders = placeholdersOf(unit.source);
  if (placeholders.length) {
    const data = appendElement(unitElement, 'originalData', {}, 3);
    for (const p of placeholders) appendText(appendElement(data, 'data', { id: `d${p.n}`, 'xml:space': 'preserve' }, 4), p.original);
    closeIndent(data, 3);
  }
  const segment = appendElement(unitElement, 'segment', { state: xliff2State(unit) }, 3);
  appendInline(appendElement(segment, 'source', { 'xml:space': 'preserve' }, 4), unit.source, placeholder);
  if (unit.target !== undefined) appendInline(appendElement(segment, 'target', { 'xml:space': 'preserve' }, 4), unit.target, placeholder);
  closeIndent(segment, 3);
  closeIndent(unitElement, 2);
}

function placeholder(doc: Document, n: number, original: string): Element {
  const element = doc.createElementNS(XLIFF2_NAMESPACE, 'ph');
  element.setAttribute('id', String(n));
  element.setAttribute('dataRef', `d${n}`);
  element.setAttribute('disp', original);
  element.setAttribute('canDelete', 'no');
  return element;
}

/** The notes a unit carries: why it needs review, and what it was translated from. */
function reviewNotes(unit: ExchangeUnit): [string, string][] {
  const notes: [string, string][] = [];
  if (unit.status === 'stale') notes.push(['needs-review', 'stale: the source changed since this translation was made']);
  if (unit.status === 'conflict') notes.push(['needs-review', "conflict: the source changed under a person's translation"]);
  if (unit.previousSource !== undefined) notes.push(['previous-source', unit.previousSource]);
  if (unit.suggestion !== undefined) notes.push(['machine-suggestion', unit.suggestion]);
  return notes;
}

/** Reads an XLIFF 2.0 document back: units with their source and target as `⟦n⟧`-token text. */
export function parseXliff2(text: string, fileDisplay: string): ImportedFile {
  const doc = parseXml(text, fileDisplay);
  const root = doc.documentElement as Element;
  if (root.localName !== 'xliff' || root.namespaceURI !== XLIFF2_NAMESPACE) {
    throw new InputError(`not an XLIFF 2.0 document (root <${root.tagName}> in ${root.namespaceURI ?? 'no namespace'})`, { file: fileDisplay, line: 1 }, 'Pass --format, or export with `bitext export --format xliff`.');
  }
  const files = childElements(root, 'file');
  const first = files[0];
  if (!first) throw new InputError('the XLIFF document has no <file>', { file: fileDisplay });
  const units: ImportedUnit[] = [];
  for (const fileElement of files) for (const unit of unitsIn(fileElement)) units.push(readUnit(unit, fileDisplay));
  return { sourcePath: first.getAttribute('original') ?? '', from: root.getAttribute('srcLang') ?? '', to: root.getAttribute('trgLang') ?? '', units };
}

/** Units of a file or group, groups flattened. */
function unitsIn(parent: Element): Element[] {
  return childElements(parent).flatMap((child) => (child.localName === 'unit' ? [child] : child.localName === 'group' ? unitsIn(child) : []));
}

function readUnit(unit: Element, fileDisplay: string): ImportedUnit {
  const where = { file: fileDisplay, ...(lineOf(unit) ? { line: lineOf(unit) } : {}) };
  const id = unit.getAttribute('id') ?? '';
  const data = new Map<string, string>();
  const originalData = childElement(unit, 'originalData');
  if (originalData) for (const d of childElements(originalData, 'data')) data.set(d.getAttribute('id') ?? '', readInline(d, () => ''));
  const sourceOriginals = new Map<number, string>();
  const inline = (collect: boolean) => (element: Element): string => {
    // Annotations a tool adds (terms, comments) wrap translatable text; <cp> is a character XML cannot hold.
    if (element.localName === 'mrk') return readInline(element, inline(collect));
    if (element.localName === 'cp') return String.fromCodePoint(parseInt(element.getAttribute('hex') ?? '', 16) || 0xfffd);
    if (element.localName !== 'ph') throw new InputError(`unit ${id}: unexpected inline element <${element.localName}>`, { file: fileDisplay, ...(lineOf(element) ? { line: lineOf(element) } : {}) }, 'Only the <ph> placeholders bitext wrote may appear in a source or target.');
    const n = Number(element.getAttribute('id'));
    if (!Number.isInteger(n) || n < 1) throw new InputError(`unit ${id}: placeholder <ph id="${element.getAttribute('id')}"> is not one bitext wrote`, where);
    if (collect) {
      const ref = element.getAttribute('dataRef');
      const original = (ref ? data.get(ref) : undefined) ?? element.getAttribute('disp');
      if (original !== null && original !== undefined) sourceOriginals.set(n, original);
    }
    return `⟦${n}⟧`;
  };
  let source = '';
  let target: string | undefined;
  let states: string[] = [];
  for (const part of childElements(unit).filter((c) => c.localName === 'segment' || c.localName === 'ignorable')) {
    const sourceElement = childElement(part, 'source');
    const targetElement = childElement(part, 'target');
    source += sourceElement ? readInline(sourceElement, inline(true)) : '';
    // An ignorable part (whitespace a tool split off) without a target keeps its source.
    if (targetElement) target = (target ?? '') + readInline(targetElement, inline(false));
    else if (part.localName === 'ignorable' && target !== undefined) target += sourceElement ? readInline(sourceElement, inline(false)) : '';
    if (part.localName === 'segment') states.push(part.getAttribute('state') || 'initial');
  }
  if (!id) throw new InputError('a <unit> has no id', where, 'Export the file again; ids must stay as bitext wrote them.');
  states = states.length ? states : ['initial'];
  return { id, source, sourceOriginals, ...(target !== undefined ? { target } : {}), confirmed: states.every((s) => s !== 'initial'), ...(where.line ? { line: where.line } : {}) };
}
