import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createCallbackRejections } from '../../src/pipeline/callbacks.js';

describe('createCallbackRejections', () => {
  test.prop([fc.anything()])('what is not a thenable is never kept', async (value) => {
    const rejections = createCallbackRejections();
    rejections.watch(value);
    await Promise.resolve();
    expect(() => rejections.check()).not.toThrow();
  });

  it('keeps the first rejection of a promise, a thenable, a `then` that throws or cannot be read', async () => {
    const first = new Error('first');
    const cases: [unknown, unknown][] = [
      [Promise.reject(first), first],
      // biome-ignore lint/suspicious/noThenProperty: a thenable is the point
      [{ then: (_: unknown, reject: (error: unknown) => void) => reject(first) }, first],
      [
        {
          // biome-ignore lint/suspicious/noThenProperty: a thenable is the point
          then: () => {
            throw first;
          },
        },
        first,
      ],
      [
        {
          // biome-ignore lint/suspicious/noThenProperty: a thenable is the point
          get then() {
            throw first;
          },
        },
        first,
      ],
    ];
    for (const [returned, expected] of cases) {
      const rejections = createCallbackRejections();
      rejections.watch(returned);
      rejections.watch(Promise.reject(new Error('second')));
      await Promise.resolve();
      expect(() => rejections.check()).toThrow(expected as Error);
    }
  });

  it('a promise that resolves is forgotten', async () => {
    const rejections = createCallbackRejections();
    rejections.watch(Promise.resolve(1));
    await Promise.resolve();
    expect(() => rejections.check()).not.toThrow();
  });
});
