import type { RenderSpan } from '../model/types.js';
import { formatYamlScalar } from '../parse/front-matter.js';
import { escapeBlockStart } from './escape-block-starts.js';

/**
 * Turns a translation into the exact bytes that replace its source span: container prefixes
 * restored on continuation lines, structure-changing line starts escaped, headings and table
 * cells kept on one line.
 */
export function formatTranslation(translation: string, span: RenderSpan, originalSource: string, eol: string): string {
  if (span.type === 'yaml-scalar') return formatYamlScalar(translation, originalSource);

  // Leading whitespace would be stripped by Markdown anyway, or turn a line into code.
  let lines = translation.split(/\r?\n/).map((line) => line.replace(/^[ \t]+/, ''));
  if (span.singleLine) lines = [lines.filter((l) => l !== '').join(' ')];
  else lines = lines.filter((line, index) => line !== '' || index === 0);

  return lines
    .map((line, index) => {
      let out = span.inTable ? escapeTablePipes(line) : line;
      if (span.singleLine && !span.inTable) out = out.replace(/(\s)(#+)[ \t]*$/, '$1\\$2');
      out = escapeBlockStart(out, index === 0 ? span.atBlockStart : false);
      if (index === 0) return out;
      const prefix = span.linePrefixes[index - 1] ?? span.linePrefixes[span.linePrefixes.length - 1] ?? '';
      return eol + prefix + out;
    })
    .join('');
}

/** A `|` inside a table cell ends the cell unless escaped. */
function escapeTablePipes(line: string): string {
  return line.replace(/(^|[^\\])\|/g, '$1\\|');
}
