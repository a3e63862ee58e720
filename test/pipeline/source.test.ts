import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../src/index.js';
import { unitStatisticsToCsv } from '../../src/io/index.js';
import { unitStatisticsToXlsx } from '../../src/io/xlsx.js';
import { computeIndicatorsFromSource, validateSource } from '../../src/pipeline/index.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';

const OPTIONS = { asOf: '2025-12-31', groupBy: ['county', 'unit'] } as const;

/** An async iterable over chunks that records whether it was closed (returned) before its end. */
function tracked(chunks: readonly (Uint8Array | string)[], failAt = -1) {
  const state = { closed: false, finished: false };
  const source = {
    [Symbol.asyncIterator]() {
      let i = 0;
      return {
        async next() {
          if (i === failAt) throw Object.assign(new Error('disk gone 11010519491231002X'), { code: 'EIO' });
          if (i >= chunks.length) {
            state.finished = true;
            return { done: true as const, value: undefined };
          }
          return { done: false as const, value: chunks[i++] as Uint8Array | string };
        },
        async return() {
          state.closed = true;
          return { done: true as const, value: undefined };
        },
      };
    },
  };
  return { source, state };
}

function pieces(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

describe('the pipeline reads any source as the in-memory functions do', () => {
  test.prop([fc.array(unitStatisticsArbitrary(), { maxLength: 25 }), fc.integer({ min: 1, max: 97 })], {
    numRuns: 25,
  })(
    'CSV bytes in chunks of any size, and the same rows as an .xlsx in chunks of any size (even under 4 bytes)',
    async (rows, size) => {
      const expected = computeIndicators(rows, OPTIONS);
      const csv = new TextEncoder().encode(unitStatisticsToCsv(rows));
      const fromCsv = await computeIndicatorsFromSource(tracked(pieces(csv, size)).source, OPTIONS);
      expect(fromCsv.success && [...fromCsv.data.rows()]).toEqual(expected);
      const xlsx = await unitStatisticsToXlsx(rows);
      const fromXlsx = await computeIndicatorsFromSource(tracked(pieces(xlsx, size)).source, OPTIONS);
      expect(fromXlsx.success && [...fromXlsx.data.rows()]).toEqual(expected);
    },
  );
});

describe('a job that stops early closes its source', () => {
  const csv = `统计用区划代码,类型\n${Array.from({ length: 50 }, (_, i) => `1301231002${String(i + 10)},村委会`).join('\n')}\n`;

  it('on abort: rejects with the reason and returns the iterator', async () => {
    const { source, state } = tracked(Array.from(csv), -1);
    const controller = new AbortController();
    const job = computeIndicatorsFromSource(source, {
      onProgress: (progress) => {
        if (progress.read >= 5) controller.abort(new Error('enough'));
      },
      signal: controller.signal,
    });
    await expect(job).rejects.toThrow('enough');
    expect(state.closed).toBe(true);
    expect(state.finished).toBe(false);
  });

  it('a source failing half-way ends the read with read_failed and its code, never its message', async () => {
    const half = pieces(new TextEncoder().encode(csv), 64);
    const { source } = tracked(half, 3);
    const job = await computeIndicatorsFromSource(source, {});
    expect(job.success).toBe(true);
    const issues = job.success ? job.data.issues : [];
    expect(issues.map((issue) => [issue.code, issue.severity])).toContainEqual(['read_failed', 'error']);
    expect(JSON.stringify(issues)).toContain('EIO');
    expect(JSON.stringify(issues)).not.toContain('11010519491231002X');
  });

  it('a workbook source failing half-way too', async () => {
    const xlsx = await unitStatisticsToXlsx([{ code: '130123100201', kind: 'village' }]);
    const { source } = tracked(pieces(xlsx, 100), 2);
    const job = await validateSource(source, { asOf: '2026-01-01' });
    expect(job.success && job.data.issues.map((issue) => issue.code)).toEqual(['read_failed']);
  });

  it('bad options fail before the source is touched', async () => {
    const { source, state } = tracked([csv]);
    const job = await computeIndicatorsFromSource(source, { profile: 'atlantis' as 'national' });
    expect(job.success).toBe(false);
    expect(job.success ? [] : job.error.issues.map((issue) => issue.code)).toEqual(['invalid_option']);
    expect(state.finished || state.closed).toBe(false);
  });
});

describe('sources that never behave', () => {
  it('an endless source with no header (a device of zeros) stops after a million characters: header_not_found', async () => {
    const zeros = new Uint8Array(65_536);
    async function* endless() {
      for (;;) yield zeros;
    }
    const job = await computeIndicatorsFromSource(endless(), {});
    expect(job.success && job.data.issues.map((issue) => issue.code)).toEqual(['header_not_found']);
  });

  it('a source that fails after a small file keeps the rows it delivered', async () => {
    const csv = new TextEncoder().encode('统计用区划代码,类型\n130123100201,村委会\n130123100202,村委会\n');
    const { source } = tracked([csv], 1);
    const job = await computeIndicatorsFromSource(source, {});
    expect(job.success && job.data.counts.accepted).toBe(2);
    expect(job.success && job.data.issues.map((issue) => issue.code)).toEqual(['read_failed']);
  });

  it('an abort stops a job whose source never answers', async () => {
    const stuck = {
      [Symbol.asyncIterator]() {
        return { next: () => new Promise<IteratorResult<Uint8Array>>(() => undefined) };
      },
    };
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('took too long')), 50);
    await expect(computeIndicatorsFromSource(stuck, { signal: controller.signal })).rejects.toThrow(
      'took too long',
    );
  });

  it('job options of the wrong kind are issues, never a TypeError', async () => {
    for (const options of [null, 42, { signal: {} }, { signal: 'x' }, { onProgress: 5 }, { read: 'utf-8' }]) {
      const job = await computeIndicatorsFromSource('a,b\n', options as never);
      expect(job.success, JSON.stringify(options)).toBe(false);
      expect(job.success ? [] : job.error.issues.map((issue) => issue.code)).toContain('invalid_option');
      const checked = await validateSource('a,b\n', options as never);
      expect(checked.success).toBe(false);
    }
  });
});
