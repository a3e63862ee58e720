import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir.js';

// computeIndicatorsFromFile on several threads, attacked through its options: a signal aborted before the call or at
// any point of the read, an onProgress that throws at any call (this thread's or a worker's report). The promise
// settles, with the reason or the callback's error, no worker thread is left running once it has, and the process
// never sees an uncaught exception. The progress it reports is monotone, bounded by the counts, and ends with them.
const built = '../../dist/pipeline/node.js'; // a variable: a fresh clone type-checks before it builds
const { computeIndicatorsFromFile } = (await import(built)) as typeof import('../../src/pipeline/node.js');

const code = (i: number) =>
  `13${String(Math.floor(i / 2000) + 1).padStart(2, '0')}${String((Math.floor(i / 200) % 10) + 1).padStart(2, '0')}${String((Math.floor(i / 20) % 10) + 1).padStart(3, '0')}${String((i % 20) + 201).padStart(3, '0')}`;
const dir = useTempDir('parallel-hostile');
/** 130 000 rows: with 2 workers each range is over 50 000 rows, so the workers report progress too. */
function file(name: string, edit: (lines: string[]) => void = () => undefined, rows = 130_000): string {
  const lines = [
    '统计用区划代码,名称,类型,户数,是否建有综合服务设施',
    ...Array.from({ length: rows }, (_, i) =>
      i % 997 === 5 ? `${code(i)},坏${i},村委会,很多,是` : `${code(i)},村${i},村委会,${100 + (i % 50)},是`,
    ),
  ];
  edit(lines);
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
const plain = file('plain');
// A quote opened in the first range and closed in the last: the ranges are merged as unsafe and the file read again.
const unsafe = file('unsafe', (lines) => {
  lines[1_000] = `${code(1_000)},"开,村委会,1,是`;
  lines[120_000] = `${code(120_000)},闭",村委会,1,是`;
});

/** Worker threads alive in this process (each holds a MessagePort). */
const liveThreads = () => process.getActiveResourcesInfo().filter((name) => name === 'MessagePort').length;

async function settled<T>(job: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  try {
    return { value: await job };
  } catch (error) {
    return { error };
  }
}

describe('computeIndicatorsFromFile, attacked', () => {
  it('a signal aborted before the call or at any progress report: rejects with the reason, no thread left', async () => {
    const before = liveThreads();
    for (const at of [0, 1, 3, 10, 30, 60]) {
      const controller = new AbortController();
      const reason = { why: `stop at ${at}` };
      if (at === 0) controller.abort(reason);
      let calls = 0;
      const job = await settled(
        computeIndicatorsFromFile(plain, {
          asOf: '2025-12-31',
          workers: 3,
          signal: controller.signal,
          onProgress: () => {
            if (++calls === at) controller.abort(reason);
          },
        }),
      );
      if (calls >= at) expect(job.error, `at ${at}`).toBe(reason);
      expect(liveThreads(), `at ${at}`).toBe(before);
    }
  });

  it('an onProgress that throws at any call, a worker’s report included: rejects with its error, no thread left', async () => {
    const before = liveThreads();
    for (const at of [1, 2, 5, 20, 'a worker’s report'] as const) {
      const thrown = new Error(`callback ${at}`);
      let calls = 0;
      let last = 0;
      // A worker reports every 50 000 rows: in a file this large it does before this thread takes its tail over.
      const path = at === 'a worker’s report' ? file('large', undefined, 600_000) : plain;
      const job = await settled(
        computeIndicatorsFromFile(path, {
          asOf: '2025-12-31',
          workers: 2,
          onProgress: ({ read }) => {
            calls++;
            const jump = read - last;
            last = read;
            if (at === 'a worker’s report' ? jump >= 50_000 : calls === at) throw thrown;
          },
        }),
      );
      expect(job.error, String(at)).toBe(thrown);
      expect(liveThreads(), String(at)).toBe(before);
    }
  });

  it('an async onProgress whose promise rejects at any call, the last included: rejects with its error', async () => {
    let total = 0;
    await computeIndicatorsFromFile(plain, {
      asOf: '2025-12-31',
      workers: 2,
      onProgress: () => void total++,
    });
    const before = liveThreads();
    for (const at of [1, 3, total]) {
      const thrown = new Error(`async callback ${at}`);
      let calls = 0;
      const job = await settled(
        computeIndicatorsFromFile(plain, {
          asOf: '2025-12-31',
          workers: 2,
          onProgress: async () => {
            if (++calls === at) throw thrown;
          },
        }),
      );
      if (calls >= at) expect(job.error, String(at)).toBe(thrown);
      expect(liveThreads(), String(at)).toBe(before);
    }
  });

  it('progress is monotone, never above the counts, and its last report is the counts', async () => {
    for (const path of [plain, unsafe])
      for (const workers of [1, 2, 3]) {
        const seen: { read: number; rejected: number }[] = [];
        const job = await computeIndicatorsFromFile(path, {
          asOf: '2025-12-31',
          workers,
          onProgress: (progress) => seen.push(progress),
        });
        if (!job.success) throw new Error('refused');
        const { read, rejected } = job.data.counts;
        for (const [i, now] of seen.entries()) {
          const previous = seen[i - 1] ?? { read: 0, rejected: 0 };
          expect(now.read, `${path} ${workers}`).toBeGreaterThanOrEqual(previous.read);
          expect(now.rejected, `${path} ${workers}`).toBeGreaterThanOrEqual(previous.rejected);
          expect(now.read).toBeLessThanOrEqual(read);
          expect(now.rejected).toBeLessThanOrEqual(rejected);
        }
        expect(seen.at(-1), `${path} ${workers}`).toEqual({ read, rejected });
      }
  });

  it('a cut inside a quoted field whose lines the threads counted as rows: the last report is the counts', async () => {
    // A field opened before the cut and closed far after it: the worker reads its lines as rows ("x", rejected), and
    // reports them (every 50 000 rows) before the file is read again in one piece, which has fewer rows.
    for (const inside of [30_000, 49_000]) {
      const path = join(dir, `overcounted-${inside}.csv`);
      writeFileSync(
        path,
        `统计用区划代码,名称,类型,户数,是否建有综合服务设施\n130102001201,村,村委会,1,是\n${'x\n'.repeat(65_000)}` +
          `130102001202,"${'x\n'.repeat(inside)}",村委会,1,是\n${'x\n'.repeat(35_000)}`,
      );
      const seen: { read: number; rejected: number }[] = [];
      const job = await computeIndicatorsFromFile(path, {
        asOf: '2025-12-31',
        workers: 2,
        onProgress: (progress) => seen.push(progress),
      });
      if (!job.success) throw new Error('refused');
      const { read, rejected } = job.data.counts;
      // Before the last report (which may go back to the true counts), the reports never go back.
      for (const [i, now] of seen.slice(0, -1).entries()) {
        const previous = seen[i - 1] ?? { read: 0, rejected: 0 };
        expect(now.read, String(inside)).toBeGreaterThanOrEqual(previous.read);
        expect(now.rejected, String(inside)).toBeGreaterThanOrEqual(previous.rejected);
      }
      expect(seen.at(-1), String(inside)).toEqual({ read, rejected });
    }
  });

  it('a signal aborted in the last report rejects with its reason, as in one thread', async () => {
    for (const path of [plain, unsafe])
      for (const workers of [1, 2, 3]) {
        const done = await computeIndicatorsFromFile(path, { asOf: '2025-12-31', workers });
        if (!done.success) throw new Error('refused');
        const { read, rejected } = done.data.counts;
        const controller = new AbortController();
        const reason = { why: 'the last report' };
        const job = await settled(
          computeIndicatorsFromFile(path, {
            asOf: '2025-12-31',
            workers,
            signal: controller.signal,
            // The last report is the counts (any report before it that gives them aborts too).
            onProgress: (now) => {
              if (now.read === read && now.rejected === rejected) controller.abort(reason);
            },
          }),
        );
        expect(job.error, `${path} ${workers}`).toBe(reason);
      }
  });
});
