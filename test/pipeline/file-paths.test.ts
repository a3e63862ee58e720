import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeIndicatorsFromFile } from '../../src/pipeline/node.js';
import { useTempDir } from '../helpers/temp-dir.js';

// The path computeIndicatorsFromFile is given, of every kind: never a rejection. What is not a path is a failure
// (invalid_type on `path`); a path no file answers to — a NUL byte in it included — is read_failed with Node's code.

const dir = useTempDir('file-paths');
const file = join(dir, 'units.csv');
writeFileSync(file, '统计用区划代码,类型,是否建有综合服务设施\n130123100201,村委会,是\n');
const OPTIONS = { asOf: '2025-12-31' };

describe('computeIndicatorsFromFile’s path', () => {
  it('what is not a path: a failure naming it, never a rejection', async () => {
    const throwing = () => {
      throw new Error('trap');
    };
    for (const path of [
      5,
      null,
      undefined,
      {},
      [],
      Symbol('x'),
      new Proxy({}, { getPrototypeOf: throwing, get: throwing }),
      new URL('https://example.com/a.csv'),
    ]) {
      const job = await computeIndicatorsFromFile(path as never, OPTIONS);
      expect(
        job.success ? [] : job.error.issues.map((issue) => [issue.code, issue.path]),
        String(typeof path),
      ).toEqual([['invalid_type', ['path']]]);
    }
  });

  it('a path no file answers to, a NUL byte in it included: read_failed with the code, never the path', async () => {
    for (const path of [`${dir}/a\u0000b.csv`, join(dir, '11010519491231002X.csv'), dir, '']) {
      const job = await computeIndicatorsFromFile(path, OPTIONS);
      expect(job.success && job.data.issues.map((issue) => issue.code), JSON.stringify(path)).toEqual([
        'read_failed',
      ]);
      expect(JSON.stringify(job)).not.toContain('11010519491231002X');
    }
  });

  it('a file URL and a path in bytes read the file as its path does', async () => {
    const expected = await computeIndicatorsFromFile(file, OPTIONS);
    for (const path of [pathToFileURL(file), Buffer.from(file), new TextEncoder().encode(file)]) {
      const job = await computeIndicatorsFromFile(path as never, OPTIONS);
      expect(job.success && job.data.counts).toEqual(expected.success && expected.data.counts);
    }
  });
});
