import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { unitStatisticsToXlsx } from '../../src/io/xlsx.js';
import { computeIndicatorsFromSource, validateSourceStreaming } from '../../src/pipeline/index.js';

// The caller's callbacks and signal, at every point of a job: an abort (with any reason) at the k-th chunk the source
// gives, at the k-th progress report or the k-th finding; a callback that throws or returns a promise that rejects at
// its k-th call. The promise settles — with the reason or the callback's error once either happened, as it would have
// otherwise — the source is closed when it was not read to its end, and nothing is left unhandled.

const csv = `统计用区划代码,类型,户数\n${Array.from({ length: 60 }, (_, i) => `1301231002${String(i + 10)},村委会,${i % 7 === 0 ? '很多' : i}`).join('\n')}\n`;
const xlsx = await unitStatisticsToXlsx(
  Array.from({ length: 30 }, (_, i) => ({ code: `1301231002${String(i + 10)}`, kind: 'village' as const })),
);

const reasons = fc.constantFrom<() => unknown>(
  () => undefined,
  () => null,
  () => 0,
  () => '',
  () => new Error('stop'),
  () => Symbol('stop'),
  // A thenable reason: the job rejects with it as it is.
  // biome-ignore lint/suspicious/noThenProperty: a thenable is the point
  () => ({ then: () => undefined }),
);

/** The source as chunks of `size` bytes; `onPull(k)` before the k-th; whether it was closed before its end. */
function source(bytes: Uint8Array, size: number, onPull: (k: number) => void) {
  const state = { closed: false, finished: false };
  const iterable = {
    [Symbol.asyncIterator]() {
      let at = 0;
      let k = 0;
      return {
        async next() {
          onPull(++k);
          if (at >= bytes.length) {
            state.finished = true;
            return { done: true as const, value: undefined };
          }
          const chunk = bytes.slice(at, at + size);
          at += size;
          return { done: false as const, value: chunk };
        },
        async return() {
          state.closed = true;
          return { done: true as const, value: undefined };
        },
      };
    },
  };
  return { iterable, state };
}

async function settled(job: Promise<unknown>): Promise<{ ok: boolean; error?: unknown }> {
  try {
    await job;
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

const where = fc.constantFrom('pull', 'progress', 'finding');
const kinds = fc.constantFrom('abort', 'throw', 'reject');

describe('callbacks and aborts at every point', () => {
  test.prop(
    [fc.boolean(), fc.integer({ min: 1, max: 200 }), where, kinds, fc.integer({ min: 1, max: 40 }), reasons],
    {
      numRuns: 200,
    },
  )(
    'the job settles with the reason or the error once it happened, the source closed',
    async (workbook, size, at, kind, k, reason) => {
      const bytes = workbook ? xlsx : new TextEncoder().encode(csv);
      const controller = new AbortController();
      const thrown = new Error(`callback ${k}`);
      let happened = false;
      let calls = 0;
      /** At the k-th call of the chosen point: abort, throw, or return a rejected promise. */
      const act = (point: string) => {
        if (point !== at || ++calls !== k) return undefined;
        happened = true;
        if (kind === 'abort' || point === 'pull') {
          controller.abort(reason());
          return undefined;
        }
        if (kind === 'throw') throw thrown;
        return Promise.reject(thrown);
      };
      const { iterable, state } = source(bytes, size, () => act('pull'));
      const job = await settled(
        validateSourceStreaming(iterable, {
          asOf: '2026-01-01',
          profile: 'hebei',
          signal: controller.signal,
          onProgress: () => act('progress') as undefined,
          onFinding: () => act('finding') as undefined,
        }),
      );
      if (!happened) expect(job.ok).toBe(true);
      else {
        expect(job.ok).toBe(false);
        expect(job.error).toBe(controller.signal.aborted ? controller.signal.reason : thrown);
      }
      // An abort while the source is giving a chunk does not wait for it (a source may never answer): it is closed
      // once that chunk has come.
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(state.finished || state.closed).toBe(true);
    },
  );

  test.prop([fc.integer({ min: 1, max: 10 })])(
    'computeIndicatorsFromSource: an onProgress whose promise rejects rejects the job',
    async (k) => {
      let calls = 0;
      const thrown = new Error('async callback');
      const job = await settled(
        computeIndicatorsFromSource(source(new TextEncoder().encode(csv), 50, () => undefined).iterable, {
          asOf: '2025-12-31',
          onProgress: async () => {
            if (++calls === k) throw thrown;
          },
        }),
      );
      expect(job).toEqual(calls >= k ? { ok: false, error: thrown } : { ok: true });
    },
  );
});
