import { diffChars } from 'diff';

/** One run of a character diff: text both sides share, or text only one side has. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

// Past this many edits the diff would be slow and unreadable anyway; show a plain replacement.
const MAX_EDIT_LENGTH = 2000;

/**
 * Character-level diff from `before` to `after` (Chinese has no spaces, so word diffs say nothing).
 * Within a change the deletion comes before the insertion; a shared run at most half as long as
 * the changes on both sides of it is folded into them.
 */
export function charDiff(before: string, after: string): DiffPart[] {
  const changes = diffChars(before, after, { maxEditLength: MAX_EDIT_LENGTH });
  if (changes === undefined) return replacement(before, after);
  const parts: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    if (deleted) parts.push({ op: 'delete', text: deleted });
    if (inserted) parts.push({ op: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  changes.forEach((change, index) => {
    if (change.added) inserted += change.value;
    else if (change.removed) deleted += change.value;
    else if (isFoldable(change.value, changeSize(deleted, inserted), changeSizeAfter(changes, index + 1))) {
      // In a rewritten phrase a lone shared `的` or `文` is a coincidence, and splitting the
      // change around it turns one readable replacement into confetti, so it joins both sides.
      deleted += change.value;
      inserted += change.value;
    } else {
      flush();
      parts.push({ op: 'equal', text: change.value });
    }
  });
  flush();
  return parts;
}

/**
 * A shared run between two changes is folded into them when both changes are at least twice as
 * long as it (measured in code points, the longer of deletion and insertion); a shared word stays.
 */
function isFoldable(shared: string, sizeBefore: number, sizeAfter: number): boolean {
  return 2 * codePoints(shared) <= Math.min(sizeBefore, sizeAfter);
}

function changeSizeAfter(changes: readonly { added: boolean; removed: boolean; value: string }[], start: number): number {
  let deleted = '';
  let inserted = '';
  for (let i = start; i < changes.length; i++) {
    const change = changes[i];
    if (change === undefined || (!change.added && !change.removed)) break;
    if (change.added) inserted += change.value;
    else deleted += change.value;
  }
  return changeSize(deleted, inserted);
}

function changeSize(deleted: string, inserted: string): number {
  return Math.max(codePoints(deleted), codePoints(inserted));
}

// Code points, not UTF-16 units, so a rare character outside the BMP counts as one.
function codePoints(text: string): number {
  return [...text].length;
}

function replacement(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  if (before) parts.push({ op: 'delete', text: before });
  if (after) parts.push({ op: 'insert', text: after });
  return parts;
}
