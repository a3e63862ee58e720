import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createMonotoneProgress, createRangeProgress } from '../../src/pipeline/range-progress.js';

const report = fc.record({ read: fc.nat(1000), rejected: fc.nat(50) });

describe('createMonotoneProgress', () => {
  test.prop([fc.array(report, { maxLength: 40 })])(
    'passes on exactly the reports that go back in neither count, in order',
    (reports) => {
      const seen: { read: number; rejected: number }[] = [];
      const { onProgress } = createMonotoneProgress((progress) => seen.push(progress));
      for (const now of reports) onProgress?.(now);
      let shown = { read: 0, rejected: 0 };
      const expected = reports.filter((now) => {
        if (now.read < shown.read || now.rejected < shown.rejected) return false;
        shown = now;
        return true;
      });
      expect(seen).toEqual(expected);
    },
  );

  test.prop([fc.array(report, { maxLength: 40 }), report])(
    'finish: the last report is the counts given, once, even below what was shown',
    async (reports, counts) => {
      const seen: { read: number; rejected: number }[] = [];
      const progress = createMonotoneProgress((now) => seen.push(now));
      for (const now of reports) progress.onProgress?.(now);
      const before = seen.length;
      const shownLast = seen.at(-1);
      await progress.finish(counts);
      expect(seen.at(-1)).toEqual(counts);
      const same = shownLast?.read === counts.read && shownLast.rejected === counts.rejected;
      expect(seen.length).toBe(before + (same ? 0 : 1));
    },
  );

  it('finish: a callback that throws, or whose promise rejects, rejects', async () => {
    const error = new Error('callback');
    const throwing = createMonotoneProgress(() => {
      throw error;
    });
    await expect(throwing.finish({ read: 1, rejected: 0 })).rejects.toBe(error);
    const rejecting = createMonotoneProgress((() => Promise.reject(error)) as () => void);
    await expect(rejecting.finish({ read: 1, rejected: 0 })).rejects.toBe(error);
    await expect(createMonotoneProgress(undefined).finish({ read: 1, rejected: 0 })).resolves.toBeUndefined();
  });

  it('is undefined without a callback', () => {
    expect(createMonotoneProgress(undefined).onProgress).toBeUndefined();
  });
});

describe('createRangeProgress', () => {
  test.prop([
    fc.array(
      fc.oneof(
        report.map((now) => ({ here: now })),
        fc.nat(100).map((workers) => ({ workers })),
      ),
    ),
  ])('sums this thread’s finished ranges, the one it reads and the workers’ reports', (steps) => {
    const seen: { read: number; rejected: number }[] = [];
    let workers = 0;
    const progress = createRangeProgress(
      (now) => seen.push(now),
      () => workers,
      () => undefined,
    );
    progress.finishHere({ read: 7, rejected: 2 });
    let current = { read: 0, rejected: 0 };
    for (const step of steps) {
      if ('here' in step) {
        current = step.here;
        progress.here(step.here);
      } else {
        workers += step.workers;
        progress.fromWorker();
      }
      expect(seen.at(-1)).toEqual({ read: 7 + current.read + workers, rejected: 2 + current.rejected });
    }
    progress.complete({ read: 99, rejected: 3 });
    expect(seen.at(-1)).toEqual({ read: 99, rejected: 3 });
  });

  it('a callback that throws in a worker’s report: kept, the threads stopped, thrown to this thread', () => {
    const error = new Error('callback');
    let stopped = 0;
    const progress = createRangeProgress(
      () => {
        throw error;
      },
      () => 0,
      () => stopped++,
    );
    expect(() => progress.fromWorker()).not.toThrow();
    expect(stopped).toBe(1);
    expect(() => progress.throwIfFailed()).toThrow(error);
    expect(() => progress.here({ read: 1, rejected: 0 })).toThrow(error);
    progress.fromWorker(); // no second call, no second stop
    expect(stopped).toBe(1);
  });

  it('without a callback: nothing to call', () => {
    const progress = createRangeProgress(
      undefined,
      () => 0,
      () => undefined,
    );
    progress.here({ read: 1, rejected: 0 });
    progress.fromWorker();
    progress.complete({ read: 1, rejected: 0 });
    expect(() => progress.throwIfFailed()).not.toThrow();
  });
});
