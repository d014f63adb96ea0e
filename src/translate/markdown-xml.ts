import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * What `markdownToXml` saw that the XML does not say: the emphasis markers used, in order,
 * so that an unchanged text round-trips byte for byte (`__x__` stays `__x__`).
 */
export interface XmlMapping {
  bold: string[];
  italic: string[];
}

/** An inline construct that becomes an XML element, with its offsets in the Markdown text. */
interface Mark {
  tag: 'b' | 'i' | 'a';
  start: number;
  end: number;
  /** Offsets of the content between the delimiters. */
  innerStart: number;
  innerEnd: number;
  marker: string;
  /** The `⟦n⟧` number of a link destination. */
  id?: string;
  children: Mark[];
}

const TOKEN = /⟦(\d+)⟧/g;
const LINK_TAIL = /\]\(⟦(\d+)⟧\)$/;
const parser = unified().use(remarkParse);

/**
 * Inline Markdown as XML for a service with XML tag handling (DeepL): `**x**` → `<b>x</b>`,
 * `*x*`/`_x_` → `<i>x</i>`, `⟦n⟧` → `<x id="n"/>`, `[text](⟦n⟧)` → `<a id="n">text</a>`,
 * everything else as escaped text. Emphasis is found by parsing, not by pattern, so `2*3*4`
 * or `snake_case_name` stay text exactly as CommonMark would read them.
 */
export function markdownToXml(text: string): { xml: string; mapping: XmlMapping } {
  const tree: Root = parser.parse(text);
  const marks = collectMarks(tree, text);
  const mapping: XmlMapping = { bold: [], italic: [] };
  const xml = renderRange(text, 0, text.length, marks, mapping);
  return { xml, mapping };
}

function collectMarks(node: Nodes, text: string): Mark[] {
  const found: Mark[] = [];
  if (!('children' in node)) return found;
  for (const child of node.children) {
    const mark = toMark(child, text);
    if (mark) found.push(mark);
    else found.push(...collectMarks(child, text));
  }
  return found;
}

function toMark(node: Nodes, text: string): Mark | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const source = text.slice(start, end);
  if (node.type === 'strong' || node.type === 'emphasis') {
    const width = node.type === 'strong' ? 2 : 1;
    const marker = source.slice(0, width);
    // Only the plain forms: a delimiter run the parser split oddly stays text.
    if (!/^(\*\*?|__?)$/.test(marker) || source.slice(-width) !== marker || source.length <= 2 * width) return undefined;
    return {
      tag: node.type === 'strong' ? 'b' : 'i',
      start,
      end,
      innerStart: start + width,
      innerEnd: end - width,
      marker,
      children: collectMarks(node, text),
    };
  }
  if (node.type === 'link') {
    const tail = LINK_TAIL.exec(source);
    if (!source.startsWith('[') || !tail) return undefined;
    return {
      tag: 'a',
      start,
      end,
      innerStart: start + 1,
      innerEnd: end - tail[0].length,
      marker: '',
      id: tail[1] ?? '',
      children: collectMarks(node, text),
    };
  }
  return undefined;
}

function renderRange(text: string, start: number, end: number, marks: readonly Mark[], mapping: XmlMapping): string {
  let out = '';
  let cursor = start;
  for (const mark of marks) {
    out += textToXml(text.slice(cursor, mark.start));
    const inner = renderRange(text, mark.innerStart, mark.innerEnd, mark.children, mapping);
    if (mark.tag === 'a') {
      out += `<a id="${mark.id ?? ''}">${inner}</a>`;
    } else {
      (mark.tag === 'b' ? mapping.bold : mapping.italic).push(mark.marker);
      out += `<${mark.tag}>${inner}</${mark.tag}>`;
    }
    cursor = mark.end;
  }
  return out + textToXml(text.slice(cursor, end));
}

function textToXml(text: string): string {
  return escapeXml(text).replace(TOKEN, (_, n: string) => `<x id="${n}"/>`);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A parsed XML node of the small vocabulary `markdownToXml` produces. */
type XmlNode = { kind: 'text'; value: string } | { kind: 'element'; tag: 'b' | 'i' | 'a' | 'x'; id: string; children: XmlNode[] };

const TAG = /<(\/?)([a-z]+)((?:\s+[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;

/**
 * The Markdown for XML a service returned, using the markers `mapping` recorded. Whitespace
 * a service moved inside an element is moved back outside (`** x**` would not be bold).
 * Throws on tags it did not produce or that do not balance.
 */
export function xmlToMarkdown(xml: string, mapping: XmlMapping): string {
  const root = parseXml(xml);
  const counters = { bold: 0, italic: 0 };
  return renderMarkdown(root, mapping, counters);
}

function parseXml(xml: string): XmlNode[] {
  const root: XmlNode[] = [];
  const stack: { tag: string; children: XmlNode[] }[] = [{ tag: '', children: root }];
  let text = '';
  let i = 0;
  const top = (): XmlNode[] => stack[stack.length - 1]?.children ?? root;
  const flush = (): void => {
    if (text) top().push({ kind: 'text', value: decodeEntities(text) });
    text = '';
  };
  while (i < xml.length) {
    const char = xml[i] ?? '';
    if (char !== '<') {
      text += char;
      i += 1;
      continue;
    }
    TAG.lastIndex = i;
    const match = TAG.exec(xml);
    if (!match) throw new Error(`unexpected "<" at ${i} in the translated XML`);
    flush();
    const [whole, closing, name = '', attributes = '', selfClosing] = match;
    i += whole.length;
    if (name !== 'b' && name !== 'i' && name !== 'a' && name !== 'x') throw new Error(`unknown tag <${name}> in the translated XML`);
    if (closing) {
      const open = stack.pop();
      if (!open || open.tag !== name) throw new Error(`unbalanced </${name}> in the translated XML`);
      continue;
    }
    const id = /\bid\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1] ?? '';
    if ((name === 'a' || name === 'x') && !/^\d+$/.test(id)) throw new Error(`<${name}> without a numeric id in the translated XML`);
    const element: XmlNode = { kind: 'element', tag: name, id, children: [] };
    top().push(element);
    if (!selfClosing) stack.push({ tag: name, children: element.children });
  }
  flush();
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.tag ?? ''}> in the translated XML`);
  return root;
}

function renderMarkdown(nodes: readonly XmlNode[], mapping: XmlMapping, counters: { bold: number; italic: number }): string {
  let out = '';
  for (const [index, node] of nodes.entries()) {
    if (node.kind === 'text') {
      out += node.value;
      continue;
    }
    if (node.tag === 'x') {
      // A service may write `<x id="1"></x>`; any content of an ignored tag is meaningless.
      out += `⟦${node.id}⟧`;
      continue;
    }
    // Markers are taken in document order of the opening tags, before rendering children,
    // which is the order markdownToXml recorded them in.
    let marker = '';
    if (node.tag === 'b') marker = mapping.bold[counters.bold++] ?? '**';
    if (node.tag === 'i') marker = mapping.italic[counters.italic++] ?? '*';
    const inner = renderMarkdown(node.children, mapping, counters);
    if (node.tag === 'a') {
      out += `[${inner}](⟦${node.id}⟧)`;
      continue;
    }
    const lead = /^\s*/.exec(inner)?.[0] ?? '';
    const core = inner.slice(lead.length).trimEnd();
    const trail = inner.slice(lead.length + core.length);
    if (core === '') {
      out += inner;
      continue;
    }
    // `_` does not open emphasis inside a word; a translation may glue the element to one.
    // Only a text sibling can put a letter right after it: elements start with a marker.
    const next = nodes[index + 1];
    const before = out.slice(-1) + lead;
    const after = trail + (next?.kind === 'text' ? next.value.slice(0, 1) : '');
    const glued = /[\p{L}\p{N}]$/u.test(before) || /^[\p{L}\p{N}]/u.test(after);
    if (marker.startsWith('_') && glued) marker = marker.replace(/_/g, '*');
    out += `${lead}${marker}${core}${marker}${trail}`;
  }
  return out;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}
