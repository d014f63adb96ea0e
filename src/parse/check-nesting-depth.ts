import { InputError } from '../model/errors.js';

/** Deepest nesting of lists and block quotes bitext reads; real documents stay far below it. */
export const MAX_NESTING_DEPTH = 100;

// One container opener at the start of a line: `>` or a list marker followed by a space.
const OPENER = /^[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/;

/**
 * Rejects a document whose lists or block quotes nest deeper than MAX_NESTING_DEPTH: the Markdown
 * parser's time grows steeply with depth (a 1,000-deep list takes minutes).
 */
export function checkNestingDepth(text: string, file: string): void {
  let lineNumber = 0;
  let inFence = false;
  for (const line of text.split('\n')) {
    lineNumber++;
    if (/^[ \t>]*(?:`{3,}|~{3,})/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const depth = estimateDepth(line);
    if (depth > MAX_NESTING_DEPTH) {
      throw new InputError(
        `lists or block quotes nest about ${depth} levels deep here (bitext reads at most ${MAX_NESTING_DEPTH})`,
        { file, line: lineNumber },
        'Flatten the nesting (this is usually generated or broken input) and run again.',
      );
    }
  }
}

/** Container openers at the line start, plus the list levels its indentation implies. */
function estimateDepth(line: string): number {
  let rest = line;
  let openers = 0;
  let indent = 0;
  for (let match = OPENER.exec(rest); match; match = OPENER.exec(rest)) {
    if (openers === 0) indent = (/^[ \t]*/.exec(rest)?.[0] ?? '').replace(/\t/g, '    ').length;
    openers++;
    rest = rest.slice(match[0].length);
  }
  // A nested list item is indented by at least two columns per level.
  return openers === 0 ? 0 : openers + Math.floor(indent / 2);
}
