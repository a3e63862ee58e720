/**
 * The leak test (issue 12): ID numbers in every written form, placed in every column, the header, unit names, the
 * file name and every argument position; every command of the built CLI in every format, with --out and --rejects;
 * stdout, stderr and every written file are scanned with the library's detector AND with an independent
 * brute-force one (test/helpers/id-leaks.ts). Run after `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/index.js';
import { findIdNumbers, ID_VARIANTS } from '../helpers/id-leaks.js';
import { useTempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
// SHEQU_LEAKS_BIN runs the same scan against another build (e.g. an older release, to see the test fail on it).
const bin = process.env.SHEQU_LEAKS_BIN ?? join(root, 'dist', 'cli', 'index.js');
const dir = useTempDir('leaks');
const outDir = join(dir, 'out');

const HEADER =
  '统计用区划代码,名称,类型,户数,是否建有综合服务设施,综合服务设施建筑面积,社区工作者人数,常住人口';
/** Variants that are also tried in every argument position (each spawn costs time). */
const ARGUMENT_VARIANTS = [
  '11010519491231002X',
  '110105 19491231 002x',
  '１１０１０５１９４９１２３１００２Ｘ',
];
const TAB_ID = '110105\t19491231\t002X';
const ALL_VARIANTS = [...ID_VARIANTS, TAB_ID];

/** Every string inside a JSON value (a JSON escape such as \t would hide a separator from a text scan). */
function jsonStrings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) jsonStrings(item, into);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) jsonStrings(item, into);
  return into;
}

/** Both detectors on a text, and on every string of it when it is JSON. */
function leaks(text: string): string[] {
  const pieces = [text];
  try {
    jsonStrings(JSON.parse(text), pieces);
  } catch {
    // not one JSON value: JSON Lines (--format ndjson) are read line by line, any other text is scanned as it is
    for (const line of text.split('\n')) {
      try {
        jsonStrings(JSON.parse(line), pieces);
      } catch {
        // not JSON
      }
    }
  }
  const found: string[] = [];
  for (const piece of pieces) {
    found.push(...findIdNumbers(piece));
    if (maskIdNumbersInText(piece) !== piece) found.push(`library detector: ${piece.slice(0, 80)}`);
  }
  return found;
}

let runs = 0;
const transcript: string[] = [];
function shequ(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', input });
  runs++;
  expect(leaks(result.stdout), `stdout of ${JSON.stringify(args)}`).toEqual([]);
  expect(leaks(result.stderr), `stderr of ${JSON.stringify(args)}`).toEqual([]);
  transcript.push(result.stdout, result.stderr);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scanWrittenFiles(): number {
  let files = 0;
  for (const name of readdirSync(outDir)) {
    const text = readFileSync(join(outDir, name), 'utf8');
    expect(leaks(text), name).toEqual([]);
    expect(findIdNumbers(name), `file name ${name}`).toEqual([]);
    transcript.push(text);
    files++;
  }
  return files;
}

const csv = (cells: readonly string[]) =>
  cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
let dataFile = '';

beforeAll(() => {
  mkdirSync(outDir);
  const lines = [`${HEADER},${ALL_VARIANTS.map((v) => csv([v])).join(',')}`];
  ALL_VARIANTS.forEach((variant, i) => {
    const code = `1301231002${String(i + 10).padStart(2, '0')}`;
    // Accepted: the ID inside the unit name (shown by --group-by unit), and in the unknown columns.
    lines.push(
      csv([code, `西上泽村${variant}委会`, '村委会', '612', '是', '210.3', '6', '1800', ...ALL_VARIANTS]),
    );
    // Rejected: the ID in every column.
    lines.push(csv(Array.from({ length: 8 + ALL_VARIANTS.length }, () => variant)));
  });
  // A name with a line break (Markdown must keep it in one row).
  lines.push(csv(['130123100299', '两行\n名称', '村委会', '5', '是', '1', '1', '10']));
  // The file name holds an ID number too.
  dataFile = join(dir, '身份证11010519491231002X.csv');
  writeFileSync(dataFile, `\ufeff${lines.join('\r\n')}\r\n`);
});

describe('no full ID number leaves the CLI', () => {
  it('indicators --group-by unit in every format, to stdout and --out, with --rejects', () => {
    for (const format of ['table', 'json', 'ndjson', 'csv', 'md']) {
      const toStdout = shequ([
        'indicators',
        dataFile,
        '--group-by',
        'unit',
        '--format',
        format,
        '--as-of',
        '2025-12-31',
      ]);
      expect(toStdout.code).toBe(1);
      expect(toStdout.stdout).toContain('110105********002X');
      const out = join(outDir, `indicators.${format}`);
      const rejects = join(outDir, `indicators-rejects-${format}.csv`);
      shequ([
        'indicators',
        dataFile,
        '--group-by',
        'unit,county',
        '--format',
        format,
        '--out',
        out,
        '--rejects',
        rejects,
      ]);
      expect(readFileSync(out, 'utf8')).toContain('110105********002X');
      if (format === 'md') {
        const body = readFileSync(out, 'utf8').trimEnd().split('\n');
        expect(body.every((line) => line.startsWith('|'))).toBe(true);
        expect(readFileSync(out, 'utf8')).toContain('两行<br>名称');
      }
    }
    // The rejects file: header, cells and reasons all held an ID; the rows are there, masked.
    const rejects = readFileSync(join(outDir, 'indicators-rejects-csv.csv'), 'utf8');
    expect(rejects.split('\r\n').length).toBeGreaterThan(ALL_VARIANTS.length);
    expect(rejects).toContain('110105********002X');
    expect(scanWrittenFiles()).toBeGreaterThanOrEqual(8);
  });

  it('validate in every format, report HTML, schema', () => {
    for (const format of ['table', 'json', 'ndjson', 'csv', 'md'])
      shequ([
        'validate',
        dataFile,
        '--format',
        format,
        '--fail-on',
        'never',
        '--out',
        join(outDir, `validate.${format}`),
      ]);
    shequ(['validate', dataFile, '--format', 'json', '--fail-on', 'never']);
    const html = join(outDir, 'report.html');
    shequ([
      'report',
      dataFile,
      '--group-by',
      'unit,county',
      '--out',
      html,
      '--rejects',
      join(outDir, 'report-rejects.csv'),
    ]);
    expect(readFileSync(html, 'utf8')).toContain('110105********002X');
    shequ(['schema']);
    expect(scanWrittenFiles()).toBeGreaterThanOrEqual(14);
  });

  it('check-code: positionals in every form, standard input, table and json', () => {
    for (const format of ['table', 'json']) {
      const result = shequ([
        'check-code',
        '--format',
        format,
        ...ALL_VARIANTS,
        ' 11010519491231002X',
        '11010519491231002X,',
      ]);
      expect(result.stdout).toContain('110105********002X');
      shequ(['check-code', '--format', format], `${ALL_VARIANTS.join('\n')}\n  110105 19491231 002X  \n`);
    }
  });

  it('every argument position: option values, unknown options, unknown commands, file names', () => {
    // Each position gets one of the variants in turn (a spawn costs time); an unknown command gets all three.
    const positions = (id: string) => [
      ['indicators', dataFile, '--format', id],
      ['indicators', dataFile, '--profile', id],
      ['indicators', dataFile, '--as-of', id],
      ['indicators', dataFile, '--group-by', id],
      ['indicators', dataFile, '--lang', id],
      ['indicators', dataFile, `--${id}`],
      ['indicators', join(dir, `${id}.csv`)],
      ['indicators', dataFile, '--divisions', join(dir, `${id}.csv`)],
      ['indicators', dataFile, '--workers', id],
      ['indicators', dataFile, '--period', id],
      ['indicators', dataFile, '--profile-file', join(dir, `${id}.json`)],
      ['circle', join(dir, `${id}.csv`), dataFile, '--crs', 'gcj02'],
      ['circle', dataFile, dataFile, '--crs', id],
      ['circle', dataFile, dataFile, '--crs', 'gcj02', '--minutes', id],
      ['validate', dataFile, '--fail-on', id],
      ['report', dataFile, '--out', join(dir, 'nowhere', `${id}.html`)],
      ['check-code', '--format', id, '110105'],
      ['check-code', `--${id}`],
      ['schema', id],
    ];
    const usage = [
      ...ARGUMENT_VARIANTS.map((id) => [id]),
      ...positions('').map(
        (_, i) => positions(ARGUMENT_VARIANTS[i % ARGUMENT_VARIANTS.length] as string)[i] as string[],
      ),
    ];
    for (const args of usage) {
      const result = shequ(args);
      expect(result.code, JSON.stringify(args)).not.toBe(0);
      expect(result.stderr.length, JSON.stringify(args)).toBeGreaterThan(0);
    }
    // The scans above ran on every output; make sure the arguments were echoed (masked), so they were looked at.
    expect(transcript.join('\n')).toContain("'110105********002X'");
    expect(runs).toBeGreaterThanOrEqual(35);
  });
  it('evaluate --group-by unit in every format, the .xlsx parts included', () => {
    for (const format of ['table', 'json', 'csv', 'md', 'html']) {
      const base = ['evaluate', dataFile, '--year', '2025', '--group-by', 'unit', '--format', format];
      const toStdout = shequ([...base, '--as-of', '2026-01-01']);
      expect(toStdout.code, format).toBe(1); // rows were rejected
      expect(toStdout.stdout).toContain('110105********002X');
      shequ([...base, '--out', join(outDir, `evaluate.${format}`)]);
    }
    // The workbook is a zip: its XML parts are scanned once inflated (outside outDir, which is scanned as text).
    const workbook = join(dir, 'evaluate.xlsx');
    shequ([
      'evaluate',
      dataFile,
      '--year',
      '2025',
      '--group-by',
      'unit',
      '--format',
      'xlsx',
      '--out',
      workbook,
    ]);
    const parts = unzipSync(new Uint8Array(readFileSync(workbook)));
    const xml = Object.values(parts).map((bytes) => new TextDecoder().decode(bytes));
    for (const text of xml) expect(leaks(text)).toEqual([]);
    expect(xml.join('')).toContain('110105********002X');
    expect(scanWrittenFiles()).toBeGreaterThanOrEqual(5);
  });

  it('--divisions: ID numbers in the code and name columns of the list, in every data command', () => {
    // Each variant as a code (left out, reported), in a region's name (used), and as the name a region is listed
    // again under (left out: the message quotes both names).
    const lines = ['code,name'];
    ALL_VARIANTS.forEach((variant, i) => {
      const code = `1301231002${String(i + 10).padStart(2, '0')}`;
      lines.push(csv([variant, `某人${i}`]), csv([code, `村${variant}`]), csv([code, variant]));
    });
    const list = join(dir, `区划${ARGUMENT_VARIANTS[0]}.csv`);
    writeFileSync(list, `${lines.join('\n')}\n`);
    for (const args of [
      ['indicators', dataFile, '--group-by', 'unit,county', '--format', 'json'],
      ['indicators', dataFile, '--group-by', 'unit', '--format', 'table', '--lang', 'zh'],
      ['validate', dataFile, '--format', 'json', '--fail-on', 'never'],
      ['evaluate', dataFile, '--year', '2025', '--group-by', 'unit'],
      ['report', dataFile, '--group-by', 'unit,county', '--out', join(outDir, 'report-divisions.html')],
    ]) {
      const run = shequ([...args, '--divisions', list]);
      expect(run.stderr, args[0]).toMatch(/left out|未采用/);
      expect(run.stderr, args[0]).toContain('110105********002X');
    }
    expect(scanWrittenFiles()).toBeGreaterThanOrEqual(1);
  });

  it('circle: ID numbers in estate and outlet names, extra columns and rejected rows, in every format', () => {
    const estates = [`小区名称,经度,纬度,户数,代码,备注`];
    const services = [`名称,类型,经度,纬度,备注`];
    ALL_VARIANTS.forEach((variant, i) => {
      const lng = (116.42 + i * 0.0004).toFixed(4);
      estates.push(csv([`东四六条${variant}`, lng, '39.9337', '120', '110101006006', variant]));
      estates.push(csv([variant, variant, variant, variant, variant, variant])); // rejected: every cell
      services.push(csv([`菜站${variant}`, '蔬菜零售', lng, '39.9320', variant]));
      services.push(csv([variant, variant, variant, variant, variant])); // rejected
    });
    const estatesFile = join(dir, `小区${ARGUMENT_VARIANTS[0]}.csv`);
    const servicesFile = join(dir, 'services.csv');
    writeFileSync(estatesFile, `${estates.join('\n')}\n`);
    writeFileSync(servicesFile, `${services.join('\n')}\n`);
    for (const format of ['table', 'json', 'ndjson', 'csv', 'md', 'html']) {
      for (const by of ['unit', 'estate']) {
        const base = ['circle', estatesFile, servicesFile, '--crs', 'gcj02', '--format', format, '--by', by];
        const toStdout = shequ(base);
        expect(toStdout.code, `${format} ${by}`).toBe(1); // rows were rejected
        shequ([
          ...base,
          '--out',
          join(outDir, `circle-${by}.${format}`),
          '--rejects',
          join(outDir, `circle-rejects-${by}-${format}.csv`),
          '--uncovered',
          join(outDir, `circle-uncovered-${by}-${format}.geojson`),
        ]);
      }
    }
    expect(scanWrittenFiles()).toBeGreaterThanOrEqual(36);
  });
});
