import type { Document, Element } from '@xmldom/xmldom';
import { InputError } from '../model/errors.js';
import type { ExchangeFile, ExchangeUnit, ImportedFile, ImportedUnit } from './exchange-types.js';
import { appendElement, appendInline, childElement, childElements, closeIndent, lineOf, newXmlDocument, parseXml, readInline, serializeXml } from './xml-dom.js';

/** The XLIFF 1.2 namespace. */
export const XLIFF12_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2';

/** Target states that mean the translation still needs work. */
const UNFINISHED_STATES = new Set(['new', 'needs-translation', 'needs-l10n', 'needs-adaptation', 'needs-review-translation', 'needs-review-l10n', 'needs-review-adaptation']);

/** XLIFF 1.2 `state` of a unit's target. */
export function xliff12State(unit: Pick<ExchangeUnit, 'status' | 'reviewed'>): string {
  if (unit.status === 'missing') return 'needs-translation';
  if (unit.status !== 'current') return 'needs-review-translation';
  return unit.reviewed ? 'signed-off' : 'translated';
}

/**
 * Writes an XLIFF 1.2 document for older tools: one `<trans-unit>` per segment, protected spans
 * as `<ph>` elements holding the original code (1.2's native-code placeholder), the status in
 * the target's `state`.
 */
export function renderXliff12(file: ExchangeFile): string {
  const doc = newXmlDocument(XLIFF12_NAMESPACE, 'xliff');
  const root = doc.documentElement as Element;
  root.setAttribute('version', '1.2');
  const fileElement = appendElement(root, 'file', { original: file.sourcePath, 'source-language': file.from, 'target-language': file.to, datatype: 'x-markdown' }, 1);
  const header = appendElement(fileElement, 'header', {}, 2);
  appendElement(header, 'tool', { 'tool-id': 'bitext', 'tool-name': 'bitext' }, 3);
  closeIndent(header, 2);
  const body = appendElement(fileElement, 'body', {}, 2);
  for (const unit of file.units) {
    const transUnit = appendElement(body, 'trans-unit', { id: unit.id, resname: unit.kind, 'xml:space': 'preserve' }, 3);
    appendInline(appendElement(transUnit, 'source', {}, 4), unit.source, placeholder);
    if (unit.target !== undefined) appendInline(appendElement(transUnit, 'target', { state: xliff12State(unit) }, 4), unit.target, placeholder);
    if (unit.status === 'stale' || unit.status === 'conflict') {
      const note = `${unit.status}: the source changed since this translation was made${unit.previousSource !== undefined ? `; it was made from: ${unit.previousSource}` : ''}`;
      appendElement(transUnit, 'note', { from: 'bitext', priority: '1' }, 4).appendChild(doc.createTextNode(note));
    }
    closeIndent(transUnit, 3);
  }
  closeIndent(body, 2);
  closeIndent(fileElement, 1);
  closeIndent(root, 0);
  return serializeXml(doc);
}

function placeholder(doc: Document, n: number, original: string): Element {
  const element = doc.createElementNS(XLIFF12_NAMESPACE, 'ph');
  element.setAttribute('id', String(n));
  element.appendChild(doc.createTextNode(original));
  return element;
}

/** Reads an XLIFF 1.2 document back: units with `⟦n⟧`-token text and whether the target is done. */
export function parseXliff12(text: string, fileDisplay: string): ImportedFile {
  const doc = parseXml(text, fileDisplay);
  const root = doc.documentElement as Element;
  if (root.localName !== 'xliff' || (root.namespaceURI !== XLIFF12_NAMESPACE && root.getAttribute('version') !== '1.2')) {
    throw new InputError('not an XLIFF 1.2 document', { file: fileDisplay, line: 1 }, 'Export with `bitext export --format xliff1`.');
  }
  const files = childElements(root, 'file');
  const first = files[0];
  if (!first) throw new InputError('the XLIFF document has no <file>', { file: fileDisplay });
  const units: ImportedUnit[] = [];
  for (const fileElement of files) {
    const body = childElement(fileElement, 'body');
    for (const transUnit of body ? transUnitsIn(body) : []) units.push(readTransUnit(transUnit, fileDisplay));
  }
  return { sourcePath: first.getAttribute('original') ?? '', from: first.getAttribute('source-language') ?? '', to: first.getAttribute('target-language') ?? '', units };
}

function transUnitsIn(parent: Element): Element[] {
  return childElements(parent).flatMap((c) => (c.localName === 'trans-unit' ? [c] : c.localName === 'group' ? transUnitsIn(c) : []));
}

function readTransUnit(transUnit: Element, fileDisplay: string): ImportedUnit {
  const id = transUnit.getAttribute('id') ?? '';
  const sourceOriginals = new Map<number, string>();
  const inline = (collect: boolean) => (element: Element): string => {
    // Annotations a tool adds (terms, comments) wrap translatable text.
    if (element.localName === 'mrk') return readInline(element, inline(collect));
    const n = Number(element.getAttribute('id'));
    const where = { file: fileDisplay, ...(lineOf(element) ? { line: lineOf(element) } : {}) };
    if (element.localName !== 'ph' && element.localName !== 'x') throw new InputError(`trans-unit ${id}: unexpected inline element <${element.localName}>`, where, 'Only the <ph> placeholders bitext wrote may appear in a source or target.');
    if (!Number.isInteger(n) || n < 1) throw new InputError(`trans-unit ${id}: placeholder <${element.localName} id="${element.getAttribute('id')}"> is not one bitext wrote`, where);
    if (collect && element.localName === 'ph') sourceOriginals.set(n, readInline(element, () => ''));
    return `⟦${n}⟧`;
  };
  const sourceElement = childElement(transUnit, 'source');
  const targetElement = childElement(transUnit, 'target');
  if (!id) throw new InputError('a <trans-unit> has no id', { file: fileDisplay, ...(lineOf(transUnit) ? { line: lineOf(transUnit) } : {}) });
  const state = targetElement?.getAttribute('state') || (targetElement ? 'translated' : 'new');
  return {
    id,
    source: sourceElement ? readInline(sourceElement, inline(true)) : '',
    sourceOriginals,
    ...(targetElement ? { target: readInline(targetElement, inline(false)) } : {}),
    confirmed: !UNFINISHED_STATES.has(state),
    ...(lineOf(transUnit) ? { line: lineOf(transUnit) } : {}),
  };
}
