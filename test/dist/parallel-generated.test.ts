import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { encodeCsv, readUnitStatistics } from '../../src/io/index.js';
import { findIdNumbers } from '../helpers/id-leaks.js';
import { useTempDir } from '../helpers/temp-dir.js';

// computeIndicatorsFromFile over generated files large enough to be cut into ranges (hostile lines — bad rows, blank
// lines, stray quotes, quoted breaks, ID numbers — strewn among good rows, any line ends, UTF-8 or GB18030, a BOM or
// not): at 1, 2 and 3 threads the result is the serial one, and its counts, rejected rows and issues are the
// in-memory reader's; no ID number in any issue.
const built = '../../dist/pipeline/node.js';
const { computeIndicatorsFromFile } = (await import(built)) as typeof import('../../src/pipeline/node.js');

const ID = '11010519491231002X';
const HEADER = '统计用区划代码,名称,类型,户数,是否建有综合服务设施';
const code = (i: number) =>
  `13${String((i % 9) + 1).padStart(2, '0')}${String((i % 7) + 1).padStart(2, '0')}${String((i % 13) + 100).padStart(3, '0')}${String((i % 300) + 201).padStart(3, '0')}`;
const good = (i: number) => `${code(i)},村${i},村委会,${100 + (i % 90)},${i % 4 ? '是' : '否'}`;
const HOSTILE: readonly ((i: number) => string)[] = [
  (i) => `${code(i)},村${i},村委会,很多,是`,
  (i) => `${ID},村${i},村委会,1,是`,
  (i) => `${code(i)},${ID},村委会,${ID},是`,
  (i) => `${code(i)},"东上泽村,村委会,1,是`,
  (i) => `${code(i)},"村\n${i}",村委会,1,是`,
  () => '',
  () => ',,,,',
  (i) => `${code(i)},村${i},居委会,${i},是,多余`,
];
const dir = useTempDir('parallel-generated');

describe('computeIndicatorsFromFile over generated files', () => {
  test.prop(
    [
      fc.array(fc.tuple(fc.nat(9_999), fc.nat(HOSTILE.length - 1)), { maxLength: 12 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.constantFrom('utf-8', 'gb18030') as fc.Arbitrary<'utf-8' | 'gb18030'>,
      fc.boolean(),
    ],
    { numRuns: 4 },
  )(
    'at 1, 2 and 3 threads: the serial result, the in-memory reader’s counts',
    async (hostile, eol, encoding, bom) => {
      const lines = [HEADER, ...Array.from({ length: 10_000 }, (_, i) => good(i))];
      for (const [at, kind] of hostile) lines[1 + at] = (HOSTILE[kind] as (i: number) => string)(at);
      const bytes = encodeCsv(`${lines.join(eol)}${eol}`, { encoding, bom }) as Uint8Array;
      const path = join(dir, 'generated.csv');
      writeFileSync(path, bytes);
      const memory = readUnitStatistics(bytes);
      const results = [];
      for (const workers of [1, 2, 3]) {
        const job = await computeIndicatorsFromFile(path, { asOf: '2025-12-31', workers });
        if (!job.success) throw new Error('refused');
        const { counts, rejected, issues, header, encoding: used } = job.data;
        results.push({ counts, rejected, issues, header, encoding: used, rows: [...job.data.rows()] });
      }
      for (const result of results.slice(1)) expect(result).toEqual(results[0]);
      const first = results[0] as (typeof results)[number];
      expect(first.counts).toEqual(memory.counts);
      expect(first.rejected).toEqual(memory.rejected);
      expect(first.issues).toEqual(memory.issues);
      expect(findIdNumbers(JSON.stringify([first.issues, first.rejected.map((row) => row.issues)]))).toEqual(
        [],
      );
    },
  );
});
