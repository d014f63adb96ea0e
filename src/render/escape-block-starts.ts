// Block-level HTML tags that may interrupt a paragraph (CommonMark HTML block condition 6).
const BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';

/** What starts a new block anywhere, even in the middle of a paragraph. */
const INTERRUPTING: RegExp[] = [
  /^#{1,6}(?=[ \t]|$)/, // ATX heading
  /^>/, // block quote
  /^(?:`{3,}|~{3,})/, // fenced code
  /^[-+*](?=[ \t]+\S)/, // bullet list item with content
  /^0*1(?=[.)][ \t]+\S)/, // ordered list starting at 1
  /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/, // thematic break
  /^(?:=+|-+)[ \t]*$/, // setext underline: would turn the previous line into a heading
  new RegExp(`^<(?:script|pre|style|textarea)(?=[\\s>]|$)|^<!--|^<\\?|^<![A-Za-z]|^<!\\[CDATA\\[|^</?(?:${BLOCK_TAGS})(?=[\\s/>]|$)`, 'i'),
];

/** What additionally starts a block on the first line of a block. */
const AT_BLOCK_START: RegExp[] = [
  /^[-+*](?=[ \t]|$)/, // any bullet, even empty
  /^\d{1,9}(?=[.)](?:[ \t]|$))/, // any ordered list number
  /^<(?=[A-Za-z/!?])/, // any HTML block
  /^\[\^?[^\]]+\]:/, // link reference or footnote definition
  /^\|/, // could start a table row
];

/**
 * Escapes a translated line that would otherwise change the document's structure (become a list
 * item, heading, quote, code fence...). Lines that start no block are returned unchanged, so an
 * untouched translation keeps the source bytes.
 */
export function escapeBlockStart(line: string, atBlockStart: boolean): string {
  const patterns = atBlockStart ? [...INTERRUPTING, ...AT_BLOCK_START] : INTERRUPTING;
  for (const pattern of patterns) {
    const match = pattern.exec(line);
    if (!match) continue;
    // Escape the marker character itself: `\-`, `\#`, `1\.`, `\<`.
    const digits = /^\d+/.exec(line)?.[0];
    if (digits && /^\d/.test(line)) return `${digits}\\${line.slice(digits.length)}`;
    return `\\${line}`;
  }
  return line;
}
