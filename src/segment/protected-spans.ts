import type { Nodes, PhrasingContent } from 'mdast';

/** A protected range in document offsets (before mapping to segment text). */
export interface DocumentSpan {
  start: number;
  end: number;
  labelIfTextChanges?: string;
}

/**
 * Collects the parts of a block's inline content that must never be translated: code, HTML,
 * math, footnote references, URLs and reference labels. Everything else, including link text and
 * titles, emphasis and image alt text, stays translatable.
 */
export function collectProtectedSpans(children: readonly PhrasingContent[] | readonly Nodes[], text: string): DocumentSpan[] {
  const spans: DocumentSpan[] = [];
  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    switch (node.type) {
      case 'inlineCode':
      case 'html':
      case 'inlineMath':
      case 'footnoteReference':
        spans.push({ start, end });
        return;
      case 'link':
      case 'image': {
        const destination = text[start] === '[' || text.startsWith('![', start) ? findDestination(text, start, end, node.title) : undefined;
        // Autolinks (`<https://…>`) and bare GFM URLs have no separate text: protect them whole.
        spans.push(destination ?? { start, end });
        break;
      }
      case 'linkReference':
      case 'imageReference': {
        const textStart = node.type === 'imageReference' ? start + 2 : start + 1;
        const close = findClosingBracket(text, textStart - 1);
        if (close === -1) break;
        const label = text.slice(textStart, close);
        if (node.referenceType === 'full') spans.push({ start: close + 1, end });
        // The text of `[text]` and `[text][]` doubles as the label: if it is translated, the
        // label must be written out, or the link breaks.
        else if (node.referenceType === 'collapsed') spans.push({ start: close + 1, end, labelIfTextChanges: `[${label}]` });
        else spans.push({ start: end, end, labelIfTextChanges: `[${label}]` });
        break;
      }
      default:
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  for (const child of children) visit(child as Nodes);
  return spans.sort((a, b) => a.start - b.start);
}

/** Index of the `]` that closes the `[` at `open`, honouring escapes and nesting; -1 if none. */
function findClosingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/**
 * The destination of an inline link or image `[text](destination "title")`: everything between
 * `(` and `)` except a title the parser found, which stays translatable. Taking the title from
 * the parser (not from a scan for spaces) keeps destinations such as `/url\u00a0"x"` whole: a
 * no-break space is not Markdown whitespace, so there the whole of it is the URL.
 */
function findDestination(text: string, start: number, end: number, title: string | null | undefined): DocumentSpan | undefined {
  const open = text[start] === '!' ? start + 1 : start;
  const close = findClosingBracket(text, open);
  if (close === -1 || text[close + 1] !== '(' || text[end - 1] !== ')') return undefined;
  let from = close + 2;
  let to = end - 1;
  while (from < to && /[ \t\r\n]/.test(text[from] ?? '')) from++;
  while (to > from && /[ \t\r\n]/.test(text[to - 1] ?? '')) to--;
  if (title !== null && title !== undefined) {
    const titleStart = findTitleStart(text, from, to);
    if (titleStart !== -1) {
      to = titleStart;
      while (to > from && /[ \t\r\n]/.test(text[to - 1] ?? '')) to--;
    }
  }
  return to > from ? { start: from, end: to } : undefined;
}

/** Where the title that ends at `to` opens (`"…"`, `'…'` or `(…)`), or -1. */
function findTitleStart(text: string, from: number, to: number): number {
  const closer = text[to - 1];
  const opener = closer === ')' ? '(' : closer;
  if (opener !== '"' && opener !== "'" && opener !== '(') return -1;
  for (let i = to - 2; i >= from; i--) {
    if (text[i] === opener && !isEscaped(text, i)) return /[ \t\r\n]/.test(text[i - 1] ?? '') ? i : -1;
  }
  return -1;
}

/** An odd number of backslashes right before `index` escapes the character there. */
function isEscaped(text: string, index: number): boolean {
  let count = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) count++;
  return count % 2 === 1;
}
