import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, tempProject } from '../helpers/temp-project.js';

/** A temporary project with a copy of the post and its committed translations. */
export function projectWithTranslatedPost(): string {
  const dir = tempProject();
  cpSync(join(REPO, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(REPO, 'translations'), join(dir, 'translations'), { recursive: true });
  return dir;
}

/** The post's source path and the outputs an export writes for it by default. */
export const POST_SOURCE = 'content/john-schulman-interview.md';
export const POST_BILINGUAL = 'translations/john-schulman-interview.zh-en.md';
export const POST_TARGET = 'translations/john-schulman-interview.en.md';

/** The default export file of the post per format. */
export const POST_EXPORT = {
  xliff: 'translations/john-schulman-interview.zh-en.xlf',
  xliff1: 'translations/john-schulman-interview.zh-en.xliff12.xlf',
  po: 'translations/john-schulman-interview.zh-en.po',
} as const;

/** Escapes text for an XML text node. */
function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Replaces the target of one unit as a translator's tool would: the XML target element's
 * content, or the PO entry's msgstr. `raw` is inserted as it is (for inline elements).
 */
export function editTarget(format: keyof typeof POST_EXPORT, file: string, id: string, target: string, raw = false): string {
  if (format === 'po') {
    const at = file.indexOf(`msgctxt "${id}"`);
    if (at < 0) throw new Error(`no entry ${id}`);
    const start = file.indexOf('\nmsgstr ', at);
    const end = file.indexOf('\n\n', start + 1);
    const quoted = raw ? target : JSON.stringify(target);
    return `${file.slice(0, start)}\nmsgstr ${quoted}${end < 0 ? '\n' : file.slice(end)}`;
  }
  const unitTag = format === 'xliff' ? '<unit id=' : '<trans-unit id=';
  const at = file.indexOf(`${unitTag}"${id}"`);
  if (at < 0) throw new Error(`no unit ${id}`);
  const open = file.indexOf('<target', at);
  const contentStart = file.indexOf('>', open) + 1;
  const contentEnd = file.indexOf('</target>', contentStart);
  return file.slice(0, contentStart) + (raw ? target : xmlText(target)) + file.slice(contentEnd);
}

/** Line numbers (1-based) where two texts differ, when both have the same number of lines. */
export function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) throw new Error(`line count changed: ${a.length} → ${b.length}`);
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]));
}

/** Whether a program can be run (for tests that use Debian tools, skipped with a reason when absent). */
export function hasProgram(name: string): boolean {
  return spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0;
}
