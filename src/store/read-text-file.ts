import { readFile } from 'node:fs/promises';
import { InputError } from '../model/errors.js';
import { decodeSource, type DecodedSource } from '../parse/decode-source.js';

/** Reads and strictly decodes a UTF-8 file; a missing or unreadable file is an InputError. */
export async function readTextFile(path: string, displayPath: string): Promise<DecodedSource> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code ?? 'unknown error'})`;
    throw new InputError(reason, { file: displayPath }, code === 'ENOENT' ? 'Check the path (it is relative to the current folder).' : 'Check the file and its permissions.');
  }
  return decodeSource(bytes, displayPath);
}

/** Like readTextFile, but a missing file is `undefined` rather than an error. */
export async function readTextFileIfExists(path: string, displayPath: string): Promise<DecodedSource | undefined> {
  try {
    return await readTextFile(path, displayPath);
  } catch (error) {
    if (error instanceof InputError && error.message === 'no such file') return undefined;
    throw error;
  }
}
