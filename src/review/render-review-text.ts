import { charDiff } from './char-diff.js';
import { renderDiffText } from './render-diff-text.js';
import type { ReviewModel, ReviewRow } from './review-model.js';

/** Which rows `renderReviewText` lists: one status, or rows with QA findings. */
export type ReviewTextFilter = 'stale' | 'missing' | 'conflict' | 'qa';

/** Options of `renderReviewText`; `width` wraps text to that many columns (omitted: no wrapping). */
export interface ReviewTextOptions {
  only?: ReviewTextFilter;
  color: boolean;
  width?: number;
}

const RESET = '\u001b[0m';
const STYLE = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  current: '\u001b[32m',
  stale: '\u001b[33m',
  missing: '\u001b[31m',
  conflict: '\u001b[35m',
  flag: '\u001b[36m',
  check: '\u001b[1;33m',
} as const;

const LABEL_WIDTH = 13;
const INDENT = 2 + LABEL_WIDTH;
// Below this, wrapping produces a column of single characters; better to let the terminal wrap.
const MIN_TEXT_COLUMNS = 16;

/**
 * The review as terminal text: a summary, then each source/translation pair with where to edit
 * it, the source change of stale and conflict rows, the suggestion of conflicts and QA findings.
 */
export function renderReviewText(model: ReviewModel, options: ReviewTextOptions): string {
  const paint = painter(options.color);
  const rows = model.rows.filter((row) => matches(row, options.only));
  const textColumns = options.width === undefined ? Infinity : Math.max(MIN_TEXT_COLUMNS, options.width - INDENT);
  const blocks = rows.map((row) => renderRow(model, row, { paint, color: options.color, columns: textColumns }));
  const head = [
    paint('bold', `Review: ${visibleControls(model.title)}`),
    visibleControls(`${model.sourcePath} (${model.from}) → ${model.bilingualPath} (${model.to})`),
    summary(model.rows),
  ];
  if (options.only !== undefined) head.push(describe(options.only, rows.length));
  else if (rows.length === 0) head.push('No segments.');
  return `${[head.join('\n'), ...blocks].join('\n\n')}\n`;
}

type Paint = (style: keyof typeof STYLE, text: string) => string;

function painter(color: boolean): Paint {
  return (style, text) => (color && text ? `${STYLE[style]}${text}${RESET}` : text);
}

function matches(row: ReviewRow, only: ReviewTextFilter | undefined): boolean {
  if (only === undefined) return true;
  return only === 'qa' ? row.findings.length > 0 : row.status === only;
}

function describe(only: ReviewTextFilter, count: number): string {
  const segments = count === 1 ? 'segment' : 'segments';
  const noun = only === 'qa' ? `${segments} with QA findings` : `${only} ${segments}`;
  return count === 0 ? `No ${noun}.` : `Showing ${count} ${noun}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function summary(rows: readonly ReviewRow[]): string {
  const count = (keep: (row: ReviewRow) => boolean): number => rows.filter(keep).length;
  const statuses = (['current', 'stale', 'missing', 'conflict'] as const).map(
    (status) => `${count((row) => row.status === status)} ${status}`,
  );
  const findings = rows.reduce((total, row) => total + row.findings.length, 0);
  return [
    `${plural(rows.length, 'segment')}: ${statuses.join(', ')}`,
    `${count((row) => row.edited)} edited`,
    `${count((row) => row.reviewed)} reviewed`,
    `${plural(findings, 'QA finding')} in ${plural(count((row) => row.findings.length > 0), 'segment')}`,
  ].join(' · ');
}

function renderRow(
  model: ReviewModel,
  row: ReviewRow,
  { paint, color, columns }: { paint: Paint; color: boolean; columns: number },
): string {
  const header = [
    paint('bold', visibleControls(row.id)),
    row.kind,
    paint(row.status, row.status),
    ...(row.edited ? [paint('flag', 'edited')] : []),
    ...(row.reviewed ? [paint('flag', 'reviewed')] : []),
    ...(row.origin ? [visibleControls(row.origin)] : []),
    visibleControls(location(model, row)),
  ].join(paint('dim', ' · '));
  const lines = [header, field(paint, 'source', visibleControls(row.source), columns)];
  if (row.previousSource !== undefined && (row.status === 'stale' || row.status === 'conflict')) {
    const diff = renderDiffText(charDiff(row.previousSource, row.source), { color });
    lines.push(field(paint, 'changed', diff, columns));
  }
  const translation = row.translation === undefined ? paint('dim', '(missing)') : visibleControls(row.translation);
  lines.push(field(paint, 'translation', translation, columns));
  if (row.suggestion !== undefined) lines.push(field(paint, 'suggestion', visibleControls(row.suggestion), columns));
  for (const finding of row.findings) {
    const text = `${paint('check', visibleControls(finding.check))}: ${visibleControls(finding.message)}`;
    lines.push(field(paint, 'qa', text, columns));
  }
  return lines.join('\n');
}

/** Where a reviewer edits the row: its line in the bilingual document, else where it sits in the source. */
function location(model: ReviewModel, row: ReviewRow): string {
  if (row.bilingualLine !== undefined) return `${model.bilingualPath}:${row.bilingualLine}`;
  if (row.sourceLine !== undefined) return `${model.sourcePath}:${row.sourceLine}`;
  return model.bilingualPath;
}

function field(paint: Paint, label: string, text: string, columns: number): string {
  const pad = ' '.repeat(INDENT);
  const labelled = `  ${paint('dim', label)}${' '.repeat(Math.max(1, LABEL_WIDTH - label.length))}`;
  return layout(text, columns)
    .map((line, index) => `${index === 0 ? labelled : pad}${line}`)
    .join('\n');
}

// The text is untrusted: an escape sequence in a paragraph must not drive the reviewer's terminal.
// (Same rule as in render-diff-text.ts; the diff renderer applies it to its own parts.)
function visibleControls(text: string): string {
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, (c) =>
    c === '\t' ? '    ' : c === '\u007f' ? '\u2421' : c < ' ' ? String.fromCharCode(0x2400 + c.charCodeAt(0)) : '\ufffd',
  );
}

const WIDE =
  '\\u1100-\\u115f\\u2e80-\\u303e\\u3040-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6' +
  '\\u{1f300}-\\u{1f64f}\\u{1f900}-\\u{1f9ff}\\u{20000}-\\u{3fffd}';
// Closing punctuation and diff markers stay with what they close, and opening diff markers with
// what they open, so no line starts with `，`, `。` or `-]`.
const CLOSING = `(?:[、。，．：；！？）」』】〕》〉”’]|-\\]|\\+\\})*`;
const OPENING = `(?:\\[-|\\{\\+)?`;
const TOKENS = new RegExp(
  `\\u001b\\[[\\d;]*m|\\n|[^\\S\\n]+|${OPENING}[${WIDE}]${CLOSING}|[^\\s\\u001b${WIDE}]+${CLOSING}|[^]`,
  'gu',
);
const WIDE_CHAR = new RegExp(`[${WIDE}]`, 'u');
const ZERO_WIDTH = /[\u0300-\u036f\u200b-\u200f\ufe00-\ufe0f]/u;
const SPACE = /^[^\S\n]/u;

/**
 * Lines of `text` at most `columns` wide (CJK characters take two columns), breaking at spaces or
 * between CJK characters. Every line closes the colour it opened, so indentation is never coloured.
 */
function layout(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  // The colour the text stream asks for, and the colour open in `line`: colours are opened lazily,
  // right before text, so no line carries an empty coloured span.
  let style = '';
  let open = '';
  let pending: string[] = [];
  const emit = (chunk: string): void => {
    if (open !== style) line += `${open ? RESET : ''}${style}`;
    open = style;
    line += chunk;
    used += displayWidth(chunk);
  };
  const newline = (): void => {
    lines.push(open ? `${line}${RESET}` : line);
    line = '';
    open = '';
    used = 0;
  };
  const applyPending = (keepSpaces: boolean): void => {
    for (const token of pending) {
      if (token.startsWith('\u001b')) style = token === RESET ? '' : style + token;
      else if (keepSpaces) emit(token);
    }
    pending = [];
  };
  for (const token of text.match(TOKENS) ?? []) {
    if (token === '\n') {
      applyPending(true);
      newline();
    } else if (token.startsWith('\u001b') || SPACE.test(token)) {
      pending.push(token);
    } else {
      const spaces = pending.reduce((total, t) => total + (SPACE.test(t) ? displayWidth(t) : 0), 0);
      const width = displayWidth(token);
      const breaks = used > 0 && used + spaces + width > columns;
      if (breaks) newline();
      applyPending(!breaks);
      if (used + width <= columns) emit(token);
      else {
        for (const char of token) {
          if (used > 0 && used + displayWidth(char) > columns) newline();
          emit(char);
        }
      }
    }
  }
  applyPending(true);
  newline();
  return lines;
}

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE_CHAR.test(char) ? 2 : ZERO_WIDTH.test(char) ? 0 : 1;
  return width;
}
