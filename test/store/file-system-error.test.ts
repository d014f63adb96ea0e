import { describe, expect, it } from 'vitest';
import { FileSystemError, toFileSystemError } from '../../src/model/errors.js';
import { writeFileAtomic } from '../../src/store/atomic-write.js';
import { tempProject, writeFile } from '../helpers/temp-project.js';
import { join } from 'node:path';

/** A Node.js system error as fs throws it. */
function systemError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path, errno: -1 });
}

describe('toFileSystemError', () => {
  it.each([
    ['EACCES', 'permission denied', 'read-only'],
    ['ENOSPC', 'no space left on the device', 'Free some disk space'],
    ['EROFS', 'the file system is read-only', 'writable folder'],
    ['EISDIR', 'is a folder, not a file', 'Rename or remove the folder'],
    ['EMFILE', 'too many open files', '--concurrency'],
  ])('%s: path, what happened, what to do', (code, what, todo) => {
    const error = toFileSystemError(systemError(code, 'open', '/project/translations/post.en.md'));
    expect(error).toBeInstanceOf(FileSystemError);
    const shown = error?.format() ?? '';
    expect(shown).toMatch(new RegExp(`^/project/translations/post\\.en\\.md: ${what} \\(${code} in open\\)\\n  .*${todo.replace(/[-]/g, '\\-')}`));
  });

  it('an unknown code still says where and what to check; non-system errors are left alone', () => {
    expect(toFileSystemError(systemError('EXDEV', 'rename', '/a'))?.format()).toMatch(/^\/a: the rename operation failed \(EXDEV in rename\)\n  Check the file/);
    expect(toFileSystemError(new Error('plain'))).toBeUndefined();
    expect(toFileSystemError({ code: 'ERR_INVALID_ARG_TYPE' })).toBeUndefined();
  });

  it('writeFileAtomic names the file it could not write', async () => {
    const dir = tempProject();
    writeFile(dir, 'out', 'a file where a folder should be');
    await expect(writeFileAtomic(join(dir, 'out', 'post.en.md'), 'x')).rejects.toThrow(FileSystemError);
  });
});
