import type { Nodes } from 'mdast';
import { parseMarkdown } from '../parse/parse-markdown.js';

// Every way a line can start a block, a table's delimiter row or a setext underline, loosely:
// a line that matches none is never given to the parser. `**bold**`, `[link](…)` or `2024 …`
// at a line start need no check.
const MAY_START_BLOCK = [
  /^[#>]/, // heading, quote
  /^[-+*](?:[ \t]|$)/, // bullet
  /^[-*_=:|][-*_=:| \t]*$/, // thematic break, setext underline, table delimiter row
  /^(?:`{3,}|~{3,}|\${2,})/, // fences, math block
  /^\d{1,9}[.)]/, // ordered list item
  /^</, // HTML block
  /^\[(?:[^\]\\]|\\.)*\]:/, // definition, footnote definition
];

function mayStartBlock(line: string): boolean {
  return MAY_START_BLOCK.some((pattern) => pattern.test(line));
}

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
  const suspects = lines.map(mayStartBlock);
  if (!suspects.includes(true)) return [...lines];
  if (keepsStructure([...lines])) return [...lines];

  const fixes: Fix[] = lines.map((line, index) => (suspects[index] ? fixFor(line, index, lines[index - 1]) : 'none'));
  if (keepsStructure(applyFixes(lines, fixes))) {
    // A single fix is needed: without it the lines are as they came, which failed above.
    if (fixes.filter((fix) => fix !== 'none').length === 1) return applyFixes(lines, fixes);
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
