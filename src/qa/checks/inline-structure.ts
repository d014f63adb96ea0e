import type { QaFinding, TranslatedPair } from '../qa-types.js';
import { makeFinding } from './make-finding.js';
import { inlineSummary } from './inline-summary.js';

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
  const source = inlineSummary(pair.source).structure;
  const translation = inlineSummary(pair.translation).structure;
  const findings: QaFinding[] = [];
  for (const [key, label] of LISTS) {
    for (const message of compareMultisets(source[key], translation[key], label, key === 'code' ? codeSpan : String)) {
      findings.push(makeFinding('inline-structure', pair, message));
    }
  }
  // English sets titles in italics where Chinese writes 《书名》: that many extra emphasis spans are fine.
  const titleMarks = pair.source.split('《').length - 1;
  const extraEmphasis = translation.emphasis - source.emphasis;
  const counts = { emphasis: extraEmphasis > 0 && extraEmphasis <= titleMarks ? source.emphasis : translation.emphasis, strong: translation.strong };
  for (const [key, label] of [['emphasis', 'emphasis spans'], ['strong', 'strong (bold) spans']] as const) {
    if (source[key] !== counts[key]) {
      const message = `the source has ${source[key]} ${label}, the translation ${counts[key]}`;
      findings.push(makeFinding('inline-structure', pair, message));
    }
  }
  return findings;
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
