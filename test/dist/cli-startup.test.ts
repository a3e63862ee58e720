import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCsvParser, readUnitStatistics } from '../../src/io/index.js';
import { useTempDir } from '../helpers/temp-dir.js';

// The start-up of `shequ indicators` (issue 13): zod 4 is 95 modules, ≈ 140 ms of a loaded machine's start, and a
// file of valid rows needs none of it — valid rows are accepted by the compiled converters; zod is the error reporter,
// loaded when a row is refused. A module `load` hook (test/fixtures/module-load-log.mjs, registered through
// `--import`) logs every module URL a run of the built command loads.

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const sample = join(root, 'examples', 'data', 'sample-units.csv');
const dir = useTempDir('startup');
const hooks = pathToFileURL(join(root, 'test', 'fixtures', 'module-load-log.mjs')).href;
const registerHooks = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register(${JSON.stringify(hooks)});`,
)}`;

let runs = 0;

/** Runs the built command with the hook: exit code, output, and the URLs of the modules it loaded. */
function shequ(args: string[], input?: string) {
  const log = join(dir, `modules-${++runs}.txt`);
  writeFileSync(log, '');
  const result = spawnSync(process.execPath, ['--import', registerHooks, bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, SHEQU_MODULE_LOG: log },
    maxBuffer: 64 * 1024 * 1024,
  });
  const modules = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, modules };
}

const isZod = (url: string) => /\/node_modules\/zod\//.test(url);

const HEADER = '统计用区划代码,名称,类型,户数,是否建有综合服务设施,综合服务设施建筑面积';
const oneRow = join(dir, 'one-row.csv');
const refused = join(dir, 'refused.csv');
const REFUSED_TEXT = [
  HEADER,
  '130123100201,甲村,村委会,612,是,210.3',
  '130123100202,乙村,村委会,-5,是,100',
  '130123100000,丙村,村委会,10,是,100',
  '130123100204,戊村,村委会,很多,是,100.125',
  '130123100205,己村,村委会,-7,是,80.125',
].join('\n');

/** 20 000 valid rows (over 256 KiB): read in two ranges with `--workers 2`. */
const twoThreads = join(dir, 'two-threads.csv');

beforeAll(() => {
  writeFileSync(oneRow, `${HEADER}\n130123100201,西上泽村委会,村委会,612,是,210.3\n`);
  const lines = [HEADER];
  for (let i = 0; i < 20_000; i++)
    lines.push(
      `1301${String((i % 9) + 21).padStart(2, '0')}${String((i % 40) + 100)}${String((i % 500) + 201)},村${i},村委会,${100 + (i % 90)},是,${200 + (i % 7)}`,
    );
  writeFileSync(twoThreads, `${lines.join('\n')}\n`);
  writeFileSync(refused, `${REFUSED_TEXT}\n`);
});

describe('shequ indicators, start-up', () => {
  it('loads no module of zod for a file of valid rows, in every output format', () => {
    for (const args of [
      ['indicators', oneRow, '--format', 'json', '--out', join(dir, 'one-row.json')],
      ['indicators', sample, '--format', 'json'],
      ['indicators', sample, '--format', 'ndjson'],
      ['indicators', sample, '--format', 'csv', '--group-by', 'county'],
      ['indicators', sample],
      ['indicators', sample, '--format', 'md', '--profile', 'hebei'],
    ]) {
      const run = shequ(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stderr).toContain('拒收 0 rejected');
      // The hook saw the library load (so the check below can fail), and nothing of zod.
      expect(run.modules.some((url) => url.endsWith('/dist/pipeline/index.js'))).toBe(true);
      expect(run.modules.filter(isZod), args.join(' ')).toEqual([]);
    }
  });

  it('loads no module of zod for a file of valid rows read on two threads', () => {
    // Before the threads start, the plan of the byte ranges finds the header in the file's first bytes: with a reader
    // that loaded the zod reporter, ≈ 50 ms of this thread's start (issue 13).
    const run = shequ([
      'indicators',
      twoThreads,
      '--workers',
      '2',
      '--format',
      'json',
      '--out',
      join(dir, 'two.json'),
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('接受 20000 accepted · 拒收 0 rejected');
    // The parallel reader was loaded, so its plan read the file's head for the header (where zod was loaded before;
    // the check below can fail), and nothing of zod was loaded by the plan, the ranges or the output.
    expect(run.modules.some((url) => url.endsWith('/dist/pipeline/parallel.js'))).toBe(true);
    expect(run.modules.filter(isZod)).toEqual([]);
  });

  it('validate loads no module of zod for a file of valid rows, on one thread or two', () => {
    // The validator and the severity order come from their own modules, not the library's index (which loads every
    // module, zod's among them: ≈ 70 ms of the main thread while a large file's worker waits for its job).
    for (const args of [
      ['validate', oneRow, '--format', 'json', '--out', join(dir, 'v1.json')],
      ['validate', twoThreads, '--workers', '2', '--format', 'csv', '--out', join(dir, 'v2.csv')],
    ]) {
      const run = shequ(args);
      expect(run.stderr, args.join(' ')).toContain('拒收 0 rejected');
      expect(run.modules.some((url) => url.endsWith('/dist/cli/index.js'))).toBe(true);
      expect(run.modules.filter(isZod), args.join(' ')).toEqual([]);
    }
  });

  it('loads no module of zod for valid rows on standard input', () => {
    const run = shequ(['indicators', '-', '--format', 'json'], readFileSync(oneRow, 'utf8'));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).length).toBeGreaterThan(0);
    expect(run.modules.filter(isZod)).toEqual([]);
  });

  it('loads zod for a refused row and gives every reason zod gives (as the in-memory reader does)', () => {
    const rejects = join(dir, 'rejects.csv');
    const run = shequ(['indicators', refused, '--rejects', rejects, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('接受 1 accepted · 拒收 4 rejected');
    expect(run.modules.some(isZod)).toBe(true);
    const parser = createCsvParser();
    const records = [...parser.push(readFileSync(rejects, 'utf8').replace(/^\ufeff/, '')), ...parser.end()];
    const reasons = records.slice(1).map((record) => [record.fields[0], record.fields.at(-1)]);
    // Worked by hand: the zod schema's own messages (a minimum, the level of a code, two decimals).
    expect(reasons.slice(0, 2)).toEqual([
      ['3', '户数：值应不小于 0（填写值：-5）'],
      ['4', '统计用区划代码：社区（村）代码应为村级代码（后三位不为 000）（填写值：130123100000）'],
    ]);
    expect(reasons[3]?.[1]).toContain('户数：值应不小于 0（填写值：-7）');
    expect(reasons[3]?.[1]).toContain('面积最多保留两位小数（填写值：80.125）');
    // Every issue the in-memory reader (which reports each refused row at once) finds is in the rejects file.
    const expected = readUnitStatistics(REFUSED_TEXT).rejected;
    expect(reasons.map(([line]) => Number(line))).toEqual(expected.map((row) => row.line));
    expected.forEach((row, i) => {
      expect(row.issues.length).toBeGreaterThan(0);
      for (const issue of row.issues) expect(reasons[i]?.[1]).toContain(issue.message.zh);
    });
  });
});
