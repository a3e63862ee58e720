import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { useTempDir } from '../helpers/temp-dir.js';

// Units listed twice, read in worker threads (the built worker, its units posted back in transferred arrays): at 1,
// 2 and 3 threads, the figures, issues and counts of the serial read, whose figures are those of the file without its
// repeats — a repeat in one range, in a later range than its first row, far apart or next to it.
const built = '../../dist/pipeline/node.js';
const { computeIndicatorsFromFile } = (await import(built)) as typeof import('../../src/pipeline/node.js');
const serial = '../../dist/pipeline/index.js';
const { computeIndicatorsFromSource } = (await import(
  serial
)) as typeof import('../../src/pipeline/index.js');

const HEADER = '统计用区划代码,名称,类型,户数,是否建有综合服务设施,综合服务设施建筑面积';
const code = (i: number) =>
  `13${String((i % 9) + 1).padStart(2, '0')}${String((i % 7) + 1).padStart(2, '0')}${String((i % 13) + 100).padStart(3, '0')}${String((i % 300) + 201).padStart(3, '0')}`;
const line = (i: number, households: number) =>
  `${code(i)},村${i},村委会,${households},${i % 4 ? '是' : '否'},${i % 50}`;
const dir = useTempDir('parallel-repeats');
const OPTIONS = { asOf: '2025-12-31', groupBy: ['county'] } as const;

describe('units listed twice, in worker threads', () => {
  test.prop(
    [fc.array(fc.tuple(fc.nat(7_999), fc.nat(8_000), fc.nat(500)), { minLength: 1, maxLength: 30 })],
    {
      numRuns: 4,
    },
  )('at 1, 2 and 3 threads: the serial result, the figures of the file without repeats', async (repeats) => {
    const lines = Array.from({ length: 8_000 }, (_, i) => line(i, 100 + (i % 90)));
    // Each repeat: unit `of` again, with other households, at `at` (before or after its first row).
    for (const [of, at, households] of repeats) lines.splice(at, 0, line(of, households));
    const seen = new Set<string>();
    const kept = lines.filter((text) => {
      const first = !seen.has(text.slice(0, 12));
      seen.add(text.slice(0, 12));
      return first;
    });
    const path = join(dir, 'repeats.csv');
    writeFileSync(path, `${[HEADER, ...lines].join('\n')}\n`);
    const whole = await computeIndicatorsFromSource(`${[HEADER, ...lines].join('\n')}\n`, OPTIONS);
    const clean = await computeIndicatorsFromSource(`${[HEADER, ...kept].join('\n')}\n`, OPTIONS);
    if (!whole.success || !clean.success) throw new Error('refused');
    expect([...whole.data.rows()]).toEqual([...clean.data.rows()]);
    expect(whole.data.issues.filter((issue) => issue.code === 'duplicate_code')).toHaveLength(
      lines.length - kept.length,
    );
    for (const workers of [1, 2, 3]) {
      const job = await computeIndicatorsFromFile(path, { ...OPTIONS, workers });
      if (!job.success) throw new Error('refused');
      expect([...job.data.rows()]).toEqual([...whole.data.rows()]);
      expect(job.data.issues).toEqual(whole.data.issues);
      expect(job.data.counts).toEqual(whole.data.counts);
    }
  });
});
