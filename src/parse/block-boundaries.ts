/**
 * Places where a Markdown document can be cut into pieces that parse, one by one, exactly as the
 * whole does: after a blank line, before a line that starts at column 0 with a letter or `#` (a
 * paragraph or an ATX heading, which no open list, quote, table or paragraph can absorb), outside
 * any top-level fenced code or HTML block (the two blocks that run across blank lines).
 *
 * Conservative by design: returns no places at all when something elsewhere in the document can
 * change how a piece reads (link or footnote definitions, a lone `\r` line ending, front matter
 * without its closing line), and stops at a fence or HTML block opened with 1–3 spaces of
 * indentation, which may belong to a list item and cannot be told apart without the parser.
 */
export function blockBoundaries(text: string, minPieceChars: number): number[] {
  // A definition anywhere changes how `[x]` reads everywhere; a lone CR is a line ending only the parser sees.
  if (text.includes(']:') || /\r(?!\n)/.test(text)) return [];
  let position = frontMatterEnd(text);
  if (position === undefined) return [];

  const cuts: number[] = [];
  let lastCut = 0;
  let open: OpenBlock | undefined;
  let previousBlank = false;
  while (position < text.length) {
    const lineEnd = text.indexOf('\n', position);
    const next = lineEnd === -1 ? text.length : lineEnd + 1;
    const line = text.slice(position, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
    if (open) {
      if (closes(open, line)) open = undefined;
      previousBlank = false;
    } else {
      if (previousBlank && position - lastCut >= minPieceChars && PIECE_START.test(line)) {
        cuts.push(position);
        lastCut = position;
      }
      const opener = openingBlock(line);
      if (opener === 'unknown') return cuts;
      open = opener;
      previousBlank = BLANK.test(line);
    }
    position = next;
  }
  return cuts;
}

/** A fenced code block or an HTML block of types 1–5, open at the top level. */
type OpenBlock = { fence: string } | { htmlEnd: RegExp };

const BLANK = /^[ \t]*$/;
const PIECE_START = /^(?:#|\p{L})/u;
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/s;
// The HTML blocks that do not end at a blank line (CommonMark types 1–5) and what ends each.
const HTML_BLOCKS: { start: RegExp; end: RegExp }[] = [
  { start: /^( {0,3})<(?:script|pre|style|textarea)(?=[\s>]|$)/i, end: /<\/(?:script|pre|style|textarea)>/i },
  { start: /^( {0,3})<!--/, end: /-->/ },
  { start: /^( {0,3})<\?/, end: /\?>/ },
  { start: /^( {0,3})<![A-Za-z]/, end: />/ },
  { start: /^( {0,3})<!\[CDATA\[/, end: /\]\]>/ },
];

/** The block a line opens that runs past blank lines; 'unknown' when it is indented and may sit in a list item. */
function openingBlock(line: string): OpenBlock | 'unknown' | undefined {
  const fence = FENCE.exec(line);
  if (fence && !(fence[2]?.startsWith('`') && fence[3]?.includes('`'))) {
    if (fence[1] !== '') return 'unknown';
    return { fence: fence[2] ?? '' };
  }
  for (const { start, end } of HTML_BLOCKS) {
    const match = start.exec(line);
    if (!match) continue;
    if (match[1] !== '') return 'unknown';
    // The end may come on the opening line itself.
    return end.test(line) ? undefined : { htmlEnd: end };
  }
  return undefined;
}

function closes(open: OpenBlock, line: string): boolean {
  if ('htmlEnd' in open) return open.htmlEnd.test(line);
  const fence = FENCE.exec(line);
  const marker = fence?.[2] ?? '';
  return fence !== null && marker[0] === open.fence[0] && marker.length >= open.fence.length && /^[ \t]*$/.test(fence[3] ?? '');
}

/** Where the body starts: after the front matter's closing line, 0 without one, undefined if it never closes. */
function frontMatterEnd(text: string): number | undefined {
  const open = /^(?:---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const marker = open[0].slice(0, 3);
  const close = new RegExp(`^${marker === '---' ? '---' : '\\+\\+\\+'}[ \\t]*\\r?$`, 'm').exec(text.slice(open[0].length));
  if (!close) return undefined;
  const end = open[0].length + close.index + close[0].length;
  return text[end] === '\n' ? end + 1 : end;
}
