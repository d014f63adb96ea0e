import { charDiff } from '../review/char-diff.js';

// Unchanged characters kept either side of a change, so the model can find it in the old translation's source.
const ANCHOR = 4;

/**
 * What changed from `before` to `after`, as `[old, new]` excerpts with a few unchanged
 * characters around each change; undefined when the excerpts would be no shorter than `before`
 * itself (then the whole old source says it better).
 */
export function sourceChange(before: string, after: string): [string, string][] | undefined {
  const parts = charDiff(before, after);
  const changes: [string, string][] = [];
  let old = '';
  let next = '';
  let open = false;
  parts.forEach((part, index) => {
    if (part.op === 'equal') {
      const chars = [...part.text];
      const last = index === parts.length - 1;
      if (open && (last || chars.length > 2 * ANCHOR)) {
        const tail = chars.slice(0, ANCHOR).join('');
        changes.push([old + tail, next + tail]);
        open = false;
      } else if (open) {
        // A short shared run between two changes: one excerpt reads better than two.
        old += part.text;
        next += part.text;
        return;
      }
      if (!last) {
        const head = chars.slice(-ANCHOR).join('');
        old = head;
        next = head;
      }
      return;
    }
    if (!open) {
      if (index === 0) {
        old = '';
        next = '';
      }
      open = true;
    }
    if (part.op === 'delete') old += part.text;
    else next += part.text;
  });
  if (open) changes.push([old, next]);
  const size = changes.reduce((sum, [a, b]) => sum + a.length + b.length, 0);
  return changes.length > 0 && size < before.length ? changes : undefined;
}
