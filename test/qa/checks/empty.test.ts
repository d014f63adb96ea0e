import { describe, expect, it } from 'vitest';
import { empty } from '../../../src/qa/checks/empty.js';

describe('empty', () => {
  it('reports an empty translation', () => {
    expect(empty({ id: 's1', source: '你好', translation: '', line: 7 })).toEqual([
      { check: 'empty', segmentId: 's1', line: 7, message: 'the translation is empty' },
    ]);
  });

  it('reports a whitespace-only translation', () => {
    expect(empty({ id: 's1', source: '你好', translation: ' \n\t' }).map((finding) => finding.message)).toEqual([
      'the translation is only whitespace',
    ]);
  });

  it('accepts any other translation', () => {
    expect(empty({ id: 's1', source: '你好', translation: 'Hello' })).toEqual([]);
  });
});
