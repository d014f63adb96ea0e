import type { Nodes } from 'mdast';
import { parseMarkdown } from '../parse/parse-markdown.js';

// A line can start a block (or a table's delimiter row, a setext underline) only with one of
// these; a line that starts otherwise is never checked.
const MAY_START_BLOCK = /^(?:[#>\-+*_=`~|<[:$]|\d)/;

/** How one line of a translation is kept from starting a block. */
type Fix = 'none' | 'escape' | 'join';

/**
 * Returns the lines of a translated block with as few changes as needed so that `keepsStructure`
 * holds: a line that would start a different construct gets its first marker escaped (`\-`,
 * `1\.`), or, when it starts with inline HTML or code that an escape would break, is joined to
 * the line before it (a soft line break renders as a space anyway). `keepsStructure` is the
 * real parser's verdict on the lines in place, so only what the parser reads as a new block is
 * touched.
 */
export function escapeBlockStarts(lines: readonly string[], keepsStructure: (lines: string[]) => boolean): string[] {
  const suspects = lines.map((line) => MAY_START_BLOCK.test(line));
  if (!suspects.includes(true)) return [...lines];
  if (keepsStructure([...lines])) return [...lines];

  const fixes: Fix[] = lines.map((line, index) => (suspects[index] ? fixFor(line, index, lines[index - 1]) : 'none'));
  if (keepsStructure(applyFixes(lines, fixes))) {
    // Undo every fix the parser does not need, first to last.
    for (let index = 0; index < fixes.length; index++) {
      if (fixes[index] === 'none') continue;
      const without = [...fixes];
      without[index] = 'none';
      if (keepsStructure(applyFixes(lines, without))) fixes[index] = 'none';
    }
    return applyFixes(lines, fixes);
  }
  // Some line starts a block no escape prevents: fall back to a single line.
  const single = escapeLineStart(lines.join(' '));
  return [single];
}

function fixFor(line: string, index: number, previous: string | undefined): Fix {
  const joinable = index > 0 && previous !== undefined && !endsWithHardBreak(previous);
  if (joinable && startsWithInlineLiteral(line)) return 'join';
  if (escapeLineStart(line) !== line) return 'escape';
  return joinable ? 'join' : 'none';
}

function applyFixes(lines: readonly string[], fixes: readonly Fix[]): string[] {
  const out: string[] = [];
  lines.forEach((line, index) => {
    const fix = fixes[index];
    if (fix === 'join' && out.length > 0) out[out.length - 1] += ` ${line}`;
    else out.push(fix === 'escape' ? escapeLineStart(line) : line);
  });
  return out;
}

/** Escapes the marker a line starts with: `\-`, `\#`, `\<`, or the `.`/`)` of `1.`. */
export function escapeLineStart(line: string): string {
  const ordered = /^(\d+)([.)])/.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]?.length ?? 0)}`;
  return /^[!-/:-@[-`{-~]/.test(line) ? `\\${line}` : line;
}

/** A hard line break (`  ` or `\` at the end) would be lost by joining the next line to it. */
function endsWithHardBreak(line: string): boolean {
  return / {2,}$/.test(line) || /(?:^|[^\\])(?:\\\\)*\\$/.test(line);
}

/** The line opens with inline HTML, a code span, math or an autolink, which `\` would break. */
function startsWithInlineLiteral(line: string): boolean {
  if (!/^[<`$]/.test(line)) return false;
  // After a letter nothing can start a block, so this reads the line as inline content.
  const paragraph = parseMarkdown(`a${line}`).children[0];
  if (paragraph?.type !== 'paragraph') return false;
  const first = paragraph.children.find((child) => child.position?.start.offset === 1) as Nodes | undefined;
  return first !== undefined && ['html', 'inlineCode', 'inlineMath', 'link'].includes(first.type);
}
