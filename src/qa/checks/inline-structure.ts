import type { Nodes } from 'mdast';
import { DEFAULT_HTML_ATTRIBUTES } from '../../segment/segment-document.js';
import type { QaFinding, TranslatedPair } from '../qa-types.js';
import { makeFinding } from './make-finding.js';
import { allNodes, parseInline } from './parse-inline.js';

const TEXT_ATTRIBUTES = new RegExp(`(\\s(?:${DEFAULT_HTML_ATTRIBUTES.join('|')})\\s*=\\s*)(?:"[^"]*"|'[^']*')`, 'gi');

/** The parts of a segment a translation must carry over unchanged. */
interface InlineStructure {
  links: string[];
  images: string[];
  code: string[];
  footnotes: string[];
  html: string[];
  emphasis: number;
  strong: number;
}

const LISTS = [
  ['links', 'link target'],
  ['images', 'image'],
  ['code', 'inline code'],
  ['footnotes', 'footnote reference'],
  ['html', 'inline HTML'],
] as const;

/**
 * `inline-structure`: link targets, images, inline code spans, footnote references and inline
 * HTML (each as a multiset), and the number of emphasis and strong spans, must match the source's
 * (except for italics standing in for 《》 title marks).
 */
export function inlineStructure(pair: TranslatedPair): QaFinding[] {
  const source = structureOf(pair.source);
  const translation = structureOf(pair.translation);
  const findings: QaFinding[] = [];
  for (const [key, label] of LISTS) {
    for (const message of compareMultisets(source[key], translation[key], label, key === 'code' ? codeSpan : String)) {
      findings.push(makeFinding('inline-structure', pair, message));
    }
  }
  // English sets titles in italics where Chinese writes 《书名》: that many extra emphasis spans are fine.
  const titleMarks = pair.source.split('《').length - 1;
  const extraEmphasis = translation.emphasis - source.emphasis;
  if (extraEmphasis > 0 && extraEmphasis <= titleMarks) translation.emphasis = source.emphasis;
  for (const [key, label] of [['emphasis', 'emphasis spans'], ['strong', 'strong (bold) spans']] as const) {
    if (source[key] !== translation[key]) {
      const message = `the source has ${source[key]} ${label}, the translation ${translation[key]}`;
      findings.push(makeFinding('inline-structure', pair, message));
    }
  }
  return findings;
}

function structureOf(markdown: string): InlineStructure {
  const structure: InlineStructure = { links: [], images: [], code: [], footnotes: [], html: [], emphasis: 0, strong: 0 };
  for (const node of allNodes(parseInline(markdown))) collect(node, structure);
  return structure;
}

function collect(node: Nodes, structure: InlineStructure): void {
  switch (node.type) {
    case 'link':
      structure.links.push(node.url);
      break;
    case 'linkReference':
      structure.links.push(`[${node.identifier}]`);
      break;
    case 'image':
      structure.images.push(node.url);
      break;
    case 'imageReference':
      structure.images.push(`[${node.identifier}]`);
      break;
    case 'inlineCode':
      structure.code.push(node.value);
      break;
    case 'footnoteReference':
      structure.footnotes.push(node.identifier);
      break;
    case 'html':
      // Reader-facing attribute values (`alt`, `title`) are translated; the rest of the tag must match.
      structure.html.push(node.value.replace(TEXT_ATTRIBUTES, '$1""'));
      break;
    case 'emphasis':
      structure.emphasis += 1;
      break;
    case 'strong':
      structure.strong += 1;
      break;
    case 'text':
      // CommonMark leaves `**“人类在环”**的` unparsed (a closing `**` after punctuation needs
      // space or punctuation after it), yet the writer meant bold: count such leftover pairs.
      structure.strong += Math.floor((node.value.split('**').length - 1) / 2);
      break;
    default:
      break;
  }
}

/** Messages for the items of `source` missing from `translation`, or else for the extra ones. */
function compareMultisets(source: string[], translation: string[], label: string, show: (item: string) => string): string[] {
  const missing = difference(source, translation);
  const extra = difference(translation, source);
  if (missing.length > 0) {
    const found = extra.length > 0 ? `; found ${extra.map(show).join(', ')}` : '';
    return missing.map((item) => `${label} ${show(item)} in the source is missing from the translation${found}`);
  }
  return extra.map((item) => `${label} ${show(item)} in the translation is not in the source`);
}

/** The items of `a` left after removing one occurrence per item of `b`. */
function difference(a: string[], b: string[]): string[] {
  const remaining = [...b];
  return a.filter((item) => {
    const at = remaining.indexOf(item);
    if (at < 0) return true;
    remaining.splice(at, 1);
    return false;
  });
}

function codeSpan(code: string): string {
  return `\`${code}\``;
}
