import type { DiffPart } from './char-diff.js';

const RESET = '\u001b[0m';
const DELETED = '\u001b[31;9m'; // red, struck through
const INSERTED = '\u001b[32;4m'; // green, underlined so it still stands out without colour vision

/**
 * A character diff as terminal text: with `color`, deletions red and struck through and insertions
 * green; without, wdiff-style markers `[-deleted-]{+inserted+}`. Control characters are made visible.
 */
export function renderDiffText(parts: readonly DiffPart[], options: { color: boolean }): string {
  return parts
    .map(({ op, text }) => {
      const safe = visibleControls(text);
      if (op === 'equal') return safe;
      if (options.color) return `${op === 'delete' ? DELETED : INSERTED}${safe}${RESET}`;
      return op === 'delete' ? `[-${safe}-]` : `{+${safe}+}`;
    })
    .join('');
}

// The text is untrusted: an escape sequence in a paragraph must not drive the reviewer's terminal.
function visibleControls(text: string): string {
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, (c) =>
    c === '\t' ? '    ' : c === '\u007f' ? '\u2421' : c < ' ' ? String.fromCharCode(0x2400 + c.charCodeAt(0)) : '\ufffd',
  );
}
