/** A range of document offsets. */
export interface Range {
  start: number;
  end: number;
}

/** A stretch of text between block-level tags of an HTML block, with its inline tags to protect. */
export interface HtmlRun extends Range {
  /** Inline tags, comments, entities and raw elements inside the run. */
  protected: Range[];
}

// Block-level tags (CommonMark HTML block condition 6) end a run of text.
const BLOCK_TAGS = new Set(
  'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'.split(' '),
);
// Elements whose content is never prose: kept whole.
const RAW = /^<(script|style|pre|textarea|code|kbd|samp|var|math|svg)\b[\s\S]*?<\/\1\s*>/i;
const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;

/**
 * Splits raw HTML (offsets `start`..`end` of `text`) into runs of translatable text: block-level
 * tags separate runs, inline tags and entities become protected spans inside a run. Attribute
 * values named in `attributes` (`alt`, `title`) are left out of the protection, so they are
 * translated: inside a run as part of its text, on a block-level tag as a run of their own.
 */
export function htmlRuns(text: string, start: number, end: number, attributes: readonly string[]): HtmlRun[] {
  const runs: HtmlRun[] = [];
  let current: HtmlRun | undefined;
  let cursor = start;
  const addText = (from: number, to: number): void => {
    if (to <= from) return;
    current ??= { start: from, end: to, protected: [] };
    current.end = to;
  };
  const close = (): void => {
    if (current) runs.push(trimRun(text, current));
    current = undefined;
  };
  TOKEN.lastIndex = start;
  const source = text.slice(0, end);
  for (let match = TOKEN.exec(source); match; match = TOKEN.exec(source)) {
    if (brokenTagIn(cursor, match.index)) return finish();
    addText(cursor, match.index);
    let tokenEnd = match.index + match[0].length;
    const raw = RAW.exec(source.slice(match.index));
    if (raw) tokenEnd = match.index + raw[0].length;
    const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(match[0])?.[1]?.toLowerCase();
    const values = raw ? [] : attributeValues(text, match.index, tokenEnd, attributes);
    const isBoundary = match[0].startsWith('<!') || match[0].startsWith('<?') || (name !== undefined && (BLOCK_TAGS.has(name) || /^(pre|script|style|textarea)$/.test(name)));
    if (isBoundary) {
      close();
      for (const value of values) runs.push({ ...value, protected: [] });
    } else {
      // An inline tag joins the run; its translatable attribute values stay text.
      let from = match.index;
      for (const value of values) {
        addProtected(from, value.start);
        addText(value.start, value.end);
        from = value.end;
      }
      addProtected(from, tokenEnd);
    }
    cursor = tokenEnd;
    TOKEN.lastIndex = tokenEnd;
  }
  if (brokenTagIn(cursor, end)) return finish();
  addText(cursor, end);
  return finish();

  function finish(): HtmlRun[] {
    close();
    return runs.filter((run) => hasLetters(text, run));
  }

  /**
   * A tag that never closes (`<div id="x"` with no `>`) swallows the rest of the block in HTML:
   * the text before it is a run, and nothing after it is translated.
   */
  function brokenTagIn(from: number, to: number): boolean {
    const at = text.slice(from, to).search(/<\/?[A-Za-z]/);
    if (at === -1) return false;
    addText(from, from + at);
    return true;
  }

  function addProtected(from: number, to: number): void {
    if (to <= from) return;
    current ??= { start: from, end: to, protected: [] };
    current.protected.push({ start: from, end: to });
    current.end = to;
  }
}

/** Offsets of the values of the named attributes in the tag at `start`..`end`, where they hold letters. */
export function attributeValues(text: string, start: number, end: number, attributes: readonly string[]): Range[] {
  if (attributes.length === 0) return [];
  const tag = text.slice(start, end);
  const names = attributes.map((a) => a.replace(/[^\w-]/g, '')).join('|');
  const pattern = new RegExp(`\\s(?:${names})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'gi');
  const found: Range[] = [];
  for (const match of tag.matchAll(pattern)) {
    const value = match[1] ?? match[2] ?? '';
    if (!/\p{L}/u.test(value)) continue;
    const at = start + match.index + match[0].length - value.length - 1;
    found.push({ start: at, end: at + value.length });
  }
  return found;
}

/** Drops leading and trailing whitespace and the protected spans that only pad the run. */
function trimRun(text: string, run: HtmlRun): HtmlRun {
  let { start, end } = run;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end, protected: run.protected.filter((p) => p.end > start && p.start < end) };
}

function hasLetters(text: string, run: HtmlRun): boolean {
  let rest = '';
  let cursor = run.start;
  for (const p of run.protected) {
    rest += text.slice(cursor, p.start);
    cursor = Math.max(cursor, p.end);
  }
  rest += text.slice(cursor, run.end);
  return /\p{L}/u.test(rest);
}
