import { DOMImplementation, DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { InputError } from '../model/errors.js';
import type { InlineText } from './exchange-types.js';

// XLIFF and TMX are read and written through a W3C DOM (@xmldom/xmldom) rather than the `xliff`
// and `tmexchange` packages: `xliff` cannot put `state` on <segment> (where XLIFF 2.0 wants it)
// nor write <originalData>, and `tmexchange` writes no per-unit <prop> (where the origin goes).
// A DOM keeps text and inline elements in order, which placeholders need.

/** A new XML document whose root element is in `namespace`. */
export function newXmlDocument(namespace: string | null, rootName: string): Document {
  return new DOMImplementation().createDocument(namespace, rootName, null);
}

/**
 * Appends an element on its own indented line (whitespace only between block elements, never
 * inside text-bearing ones) and returns it.
 */
export function appendElement(parent: Element, name: string, attributes: Record<string, string | undefined> = {}, depth = 1): Element {
  const doc = documentOf(parent);
  const element = doc.createElementNS(parent.namespaceURI, name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (key.startsWith('xml:')) element.setAttributeNS('http://www.w3.org/XML/1998/namespace', key, value);
    else element.setAttribute(key, value);
  }
  parent.appendChild(doc.createTextNode(`\n${'  '.repeat(depth)}`));
  parent.appendChild(element);
  return element;
}

/** Closes an element's indented children with a newline before its end tag. */
export function closeIndent(element: Element, depth: number): void {
  element.appendChild(documentOf(element).createTextNode(`\n${'  '.repeat(depth)}`));
}

/** Appends a text node. */
export function appendText(element: Element, text: string): Element {
  element.appendChild(documentOf(element).createTextNode(text));
  return element;
}

/** The document an element belongs to. */
function documentOf(element: Element): Document {
  const doc = element.ownerDocument;
  if (!doc) throw new Error('element outside a document');
  return doc;
}

/** Appends inline text, each placeholder made by `placeholder` (the format's inline element). */
export function appendInline(element: Element, parts: InlineText, placeholder: (doc: Document, n: number, original: string) => Element): void {
  const doc = documentOf(element);
  for (const part of parts) {
    element.appendChild(typeof part === 'string' ? doc.createTextNode(part) : placeholder(doc, part.n, part.original));
  }
}

/** The serialized document with an XML declaration. */
export function serializeXml(doc: Document): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}

/** Parses XML; malformed input is an InputError naming the file and, where known, the line. */
export function parseXml(text: string, file: string): Document {
  let failure: { message: string; line?: number } | undefined;
  const fail = (message: unknown, locator: { lineNumber?: number } | undefined): void => {
    if (failure) return;
    const line = locator?.lineNumber;
    failure = { message: String(message).split('\n')[0] ?? String(message), ...(line ? { line } : {}) };
  };
  let doc: Document | undefined;
  try {
    doc = new DOMParser({
      onError: (level, message, context) => {
        if (level !== 'warning') fail(message, (context as { locator?: { lineNumber?: number } } | undefined)?.locator);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    // xmldom throws on fatal errors; the error carries where it happened.
    fail((error as Error).message, (error as { locator?: { lineNumber?: number } }).locator);
  }
  if (failure || !doc?.documentElement) {
    throw new InputError(`not well-formed XML: ${failure?.message ?? 'no root element'}`, { file, ...(failure?.line ? { line: failure.line } : {}) }, 'Open the file in the tool that wrote it and save it again, or export it afresh.');
  }
  return doc;
}

/** Child elements of `parent` with a local name, in order. */
export function childElements(parent: Element, localName?: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE && (localName === undefined || (node as Element).localName === localName)) found.push(node as Element);
  }
  return found;
}

/** The first child element with a local name. */
export function childElement(parent: Element, localName: string): Element | undefined {
  return childElements(parent, localName)[0];
}

/**
 * Reads mixed content: text as it is, each inline element through `inline`, which returns its
 * text form (a `⟦n⟧` token) or throws for an element the format does not allow there.
 */
export function readInline(element: Element, inline: (child: Element) => string): string {
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.TEXT_NODE || node.nodeType === node.CDATA_SECTION_NODE) text += node.nodeValue ?? '';
    else if (node.nodeType === node.ELEMENT_NODE) text += inline(node as Element);
  }
  return text;
}

/** 1-based line of a parsed node, when the parser recorded it. */
export function lineOf(element: Element): number | undefined {
  return (element as unknown as { lineNumber?: number }).lineNumber;
}
