import type { RenderSpan } from '../model/types.js';
import { formatYamlScalar } from '../parse/front-matter.js';
import type { BlockContexts } from './block-contexts.js';
import { signatureOf } from './block-contexts.js';
import { escapeBlockStarts } from './escape-block-starts.js';

/**
 * Turns a translation into the exact bytes that replace its source span: each continuation line
 * gets the line ending and container prefix its source line had, blank lines are dropped (a
 * segment never creates blocks), line starts the parser would read as a new block are escaped,
 * headings and table cells stay on one line.
 */
export function formatTranslation(translation: string, span: RenderSpan, originalSource: string, eol: string, contexts?: BlockContexts): string {
  if (span.type === 'yaml-scalar') return formatYamlScalar(translation, originalSource);

  // Leading whitespace would be stripped by Markdown anyway, or turn a line into code; a blank
  // line would end the block and start a new one.
  let lines = translation
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^[ \t]+/, ''))
    .filter((line) => line.replace(/[ \t]+$/, '') !== '');
  if (lines.length === 0) lines = [''];

  if (span.singleLine) {
    // Heading and cell text is inline content: nothing in it starts a block.
    let line = lines.join(' ');
    if (span.inTable) line = escapeTablePipes(line);
    else line = line.replace(/(\s)(#+)[ \t]*$/, '$1\\$2');
    return line;
  }

  const separators = lineSeparators(originalSource, span.linePrefixes, eol);
  const render = (candidate: readonly string[]): string =>
    candidate.map((line, index) => (index === 0 ? line : (separators[index - 1] ?? separators[separators.length - 1] ?? eol) + line)).join('');
  // The block around the span is only looked up (and the source parsed) when a line could
  // start a block at all.
  let context: ReturnType<BlockContexts['around']> | undefined;
  const keepsStructure = (candidate: string[]): boolean => {
    if (contexts === undefined) return true;
    context ??= contexts.around(span.start, span.end);
    return signatureOf(context.before + render(candidate) + context.after) === context.signature;
  };
  return render(escapeBlockStarts(lines, keepsStructure));
}

/**
 * The bytes between one line's content and the next in the source span: its own line ending
 * (LF or CRLF, even when the file mixes them) and the next line's container prefix.
 */
function lineSeparators(originalSource: string, prefixes: readonly string[], eol: string): string[] {
  const endings = [...originalSource.matchAll(/\r?\n/g)].map((m) => m[0]);
  const count = Math.max(prefixes.length, 1);
  const separators: string[] = [];
  for (let index = 0; index < count; index++) {
    separators.push((endings[index] ?? endings[endings.length - 1] ?? eol) + (prefixes[index] ?? prefixes[prefixes.length - 1] ?? ''));
  }
  return separators;
}

/** A `|` inside a table cell ends the cell unless escaped. */
function escapeTablePipes(line: string): string {
  return line.replace(/(^|[^\\])((?:\\\\)*)\|/g, '$1$2\\|');
}
