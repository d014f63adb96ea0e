/** Block-level Markdown constructs a line of text can start; one segment must not add any. */
const BLOCK_CONSTRUCTS: readonly { name: string; test: (line: string, previous: string | undefined) => boolean }[] = [
  { name: 'a table', test: (line, previous) => previous !== undefined && previous.includes('|') && /^\s{0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(line) && line.includes('-') && (line.includes('|') || previous.trim().startsWith('|')) },
  { name: 'a list item', test: (line) => /^\s{0,3}([-*+]|\d{1,9}[.)])(\s|$)/.test(line) },
  { name: 'a heading', test: (line, previous) => /^\s{0,3}#{1,6}(\s|$)/.test(line) || (previous !== undefined && previous.trim() !== '' && /^\s{0,3}(=+|-{2,})\s*$/.test(line)) },
  { name: 'a block quote', test: (line) => /^\s{0,3}>/.test(line) },
  { name: 'a code fence', test: (line) => /^\s{0,3}(`{3,}|~{3,})/.test(line) },
  { name: 'an indented code block', test: (line, previous) => previous !== undefined && previous.trim() === '' && /^( {4}|\t)\S/.test(line) },
  { name: 'a thematic break', test: (line) => /^\s{0,3}((\*\s*){3,}|(-\s*){3,}|(_\s*){3,})$/.test(line) },
];

/** Opening or closing HTML tags and comments, by tag name; a tag name at the very end counts too, so appending text cannot turn it into a new tag. */
const HTML_TAG = /<(\/?[A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)|<!--|<\?|<!\[CDATA\[|<![A-Za-z]/g;

/**
 * Compares a translation's block structure with its source's: a translation must not add a
 * block construct (table, list, heading, quote, fence, thematic break), split into paragraphs
 * with a blank line, or bring raw HTML the source does not have. Returns the problem, or
 * undefined. Both texts are wire text (protected spans, the source's HTML included, are tokens).
 */
export function compareBlockStructure(source: string, translation: string): string | undefined {
  const sourceCounts = countBlocks(source);
  const translationCounts = countBlocks(translation);
  for (const [name, count] of translationCounts) {
    if (count > (sourceCounts.get(name) ?? 0)) return `the translation adds ${name} that the source does not have (one segment cannot create blocks)`;
  }
  const sourceTags = countTags(source);
  for (const [tag, count] of countTags(translation)) {
    if (count > (sourceTags.get(tag) ?? 0)) return `the translation adds raw HTML (${tag === '<!--' || tag.startsWith('<') ? tag : `<${tag}>`}) that the source does not have`;
  }
  return undefined;
}

function countBlocks(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (name: string): void => {
    counts.set(name, (counts.get(name) ?? 0) + 1);
  };
  const lines = text.trim().split(/\r\n?|\n/);
  let previous: string | undefined;
  for (const line of lines) {
    if (line.trim() === '' && previous !== undefined && previous.trim() !== '') add('a blank line (a new paragraph)');
    for (const construct of BLOCK_CONSTRUCTS) if (construct.test(line, previous)) add(construct.name);
    previous = line;
  }
  return counts;
}

function countTags(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(HTML_TAG)) {
    const tag = (match[1] ?? match[0]).toLowerCase();
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return counts;
}
