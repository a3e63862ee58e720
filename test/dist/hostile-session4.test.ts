/**
 * The hostile run of session 4 (run after `npm run build`): a generated corpus against what the session added —
 * `shequ evaluate` (several files, years in names and cells, bad years, stdin), the 年度 column of `indicators` and
 * `validate`, `shequ report`, `--format xlsx` and the Chinese messages. Every stdout, stderr, written file and
 * inflated .xlsx part is scanned with both ID detectors; every run must exit 0, 1 or 2, never crash.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/index.js';
import { findIdNumbers, ID_VARIANTS } from '../helpers/id-leaks.js';
import { useTempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const dir = useTempDir('hostile4');

const HEADER =
  '年度,统计用区划代码,名称,类型,户数,是否建有综合服务设施,综合服务设施建筑面积,社区工作者人数,常住人口';
const LOCALES = [{ LANG: 'zh_CN.UTF-8' }, { LANG: 'C.UTF-8' }];

function leaks(text: string): string[] {
  const found = findIdNumbers(text);
  if (maskIdNumbersInText(text) !== text) found.push(`library detector: ${text.slice(0, 80)}`);
  return found;
}

/** Every leak seen, with where: one list, so a failing run shows all of them at once. */
const seen: string[] = [];
const crashes: string[] = [];

function scanFile(path: string): void {
  const bytes = new Uint8Array(readFileSync(path));
  let texts: string[] = [new TextDecoder().decode(bytes)];
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    texts = Object.values(unzipSync(bytes)).map((part) => new TextDecoder().decode(part));
  for (const text of texts) for (const hit of leaks(text)) seen.push(`${path}: ${hit}`);
}

function shequ(
  args: string[],
  env: Record<string, string> = LOCALES[1] as Record<string, string>,
  input?: string,
) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    input,
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', ...env },
  });
  const where = `${JSON.stringify(args)} ${env.LANG}`;
  for (const hit of leaks(result.stdout)) seen.push(`stdout of ${where}: ${hit}`);
  for (const hit of leaks(result.stderr)) seen.push(`stderr of ${where}: ${hit}`);
  if (![0, 1, 2].includes(result.status ?? -1) || /\n\s+at /.test(result.stderr))
    crashes.push(`${where}: exit ${result.status} ${result.stderr.slice(0, 300)}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const csvCell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const row = (cells: readonly string[]) => cells.map(csvCell).join(',');

/** A unit row of a year, its name holding `name`. */
function unit(year: string, i: number, name: string): string {
  const code = `1301231002${String(i % 100).padStart(2, '0')}`;
  return row([year, code, name, '村委会', '612', '是', '210.3', '6', '1800']);
}

describe('hostile corpus, session 4', () => {
  it('evaluate: every ID variant in names, 年度 cells, file names and option values, both languages', () => {
    const files: string[] = [];
    ID_VARIANTS.forEach((id, i) => {
      const lines = [HEADER];
      lines.push(unit('2025', i, `西上泽村${id}委会`));
      lines.push(unit(id, i + 20, '村委会')); // the ID number as the year
      lines.push(unit('2024', i + 40, `${id}`));
      lines.push(unit(`${id}年`, i + 60, '村'));
      const file = join(dir, `e${i}.csv`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      files.push(file);
    });
    const outDir = join(dir, 'eval-out');
    mkdirSync(outDir);
    for (const env of LOCALES)
      for (const format of ['table', 'json', 'csv', 'md', 'html', 'xlsx']) {
        const out = join(outDir, `${env.LANG}.${format}`);
        shequ(['evaluate', ...files, '--group-by', 'unit', '--format', format, '--out', out], env);
        if (format !== 'xlsx') shequ(['evaluate', ...files, '--group-by', 'unit', '--format', format], env);
      }
    for (const name of readdirSync(outDir)) scanFile(join(outDir, name));
    // Argument positions, each ID variant in turn, both languages.
    const noYear = join(dir, 'noyear.csv');
    writeFileSync(noYear, `${HEADER.slice(3)}\n${unit('', 1, 'x').slice(1)}\n`);
    const positions = (id: string, idFile: string) => [
      ['evaluate', idFile],
      ['evaluate', noYear, '--year', id],
      ['evaluate', files[0] as string, '--regions', id],
      ['evaluate', files[0] as string, '--regions', `13,${id}`],
      ['evaluate', files[0] as string, '--period', id],
      ['evaluate', files[0] as string, '--group-by', id],
      ['evaluate', files[0] as string, '--profile', id],
      ['evaluate', files[0] as string, '--as-of', id],
      ['evaluate', files[0] as string, '--format', id],
      ['evaluate', files[0] as string, '--lang', id],
      ['evaluate', files[0] as string, '--format', 'xlsx', '--out', join(dir, 'nowhere', `${id}.xlsx`)],
      ['evaluate', files[0] as string, '--out', join(dir, 'nowhere', `${id}.csv`)],
      ['evaluate', join(dir, 'missing', `${id}.csv`)],
      ['check-code', id],
      ['check-code', '--format', id, '110105'],
      ['indicators', files[0] as string, '--profile', id],
      ['indicators', files[0] as string, '--profile-file', join(dir, `${id}.json`)],
      ['report', files[0] as string, '--out', join(dir, 'nowhere', `${id}.html`)],
      ['validate', files[0] as string, '--format', 'xlsx', '--out', join(dir, 'nowhere', `${id}.xlsx`)],
      [id],
    ];
    // Each position gets three of the variants in turn, in both languages (a spawn costs ~0.3 s).
    const count = positions('', '').length;
    for (let k = 0; k < 3 * count; k++) {
      const id = ID_VARIANTS[k % ID_VARIANTS.length] as string;
      const env = LOCALES[Math.floor(k / count) % 2] as Record<string, string>;
      const idFile = join(dir, `${id.replace(/[/\\]/g, '')}.csv`);
      writeFileSync(idFile, `${HEADER.slice(3)}\n${unit('', 1, 'x').slice(1)}\n`);
      const args = positions(id, idFile)[k % count] as string[];
      const result = shequ(args, env);
      if (args[0] !== 'check-code' || args.length !== 2)
        expect(result.code, JSON.stringify(args)).not.toBe(0);
    }
    expect(crashes).toEqual([]);
    expect(seen).toEqual([]);
  }, 300_000);

  it('indicators, validate and report with 年度 of several years: every output and .xlsx part scanned', () => {
    const lines = [HEADER];
    ID_VARIANTS.forEach((id, i) => {
      for (const year of ['2023', '2024', '2025', id, '２０２５', '2025年', '25', ''])
        lines.push(unit(year, i, `名${id}`));
    });
    const file = join(dir, 'years.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const outDir = join(dir, 'years-out');
    mkdirSync(outDir);
    for (const env of LOCALES) {
      const tag = env.LANG.slice(0, 2);
      for (const format of ['table', 'json', 'csv', 'md', 'xlsx']) {
        shequ(
          [
            'indicators',
            file,
            '--group-by',
            'unit',
            '--format',
            format,
            '--out',
            join(outDir, `i-${tag}.${format}`),
          ],
          env,
        );
        shequ(
          [
            'validate',
            file,
            '--format',
            format,
            '--fail-on',
            'never',
            '--out',
            join(outDir, `v-${tag}.${format}`),
          ],
          env,
        );
      }
      shequ(
        [
          'indicators',
          file,
          '--rejects',
          join(outDir, `rejects-${tag}.csv`),
          '--out',
          join(outDir, `x-${tag}.txt`),
        ],
        env,
      );
      shequ(['report', file, '--group-by', 'unit', '--out', join(outDir, `r-${tag}.html`)], env);
    }
    const written = readdirSync(outDir);
    for (const name of written) scanFile(join(outDir, name));
    expect(written.filter((name) => name.endsWith('.xlsx')).length).toBe(4);
    expect(existsSync(join(outDir, 'r-zh.html'))).toBe(true);
    expect(crashes).toEqual([]);
    expect(seen).toEqual([]);
  }, 300_000);
});

describe('an output that is the input under another name', () => {
  it('is refused with exit 2 and the input left whole: symlinks, hard links, symlinked folders, every command', async () => {
    const { linkSync, symlinkSync } = await import('node:fs');
    const base = join(dir, 'alias');
    mkdirSync(base);
    mkdirSync(join(base, 'real'));
    symlinkSync(join(base, 'real'), join(base, 'linked-dir'));
    const original = `${HEADER}\n${unit('2025', 1, '村委会')}\n`;
    const input = join(base, 'real', 'in.csv');
    /** Every other name of the input: a symlink (absolute and relative), a hard link, through a symlinked folder. */
    const aliases = (n: number) => {
      const names = [join(base, `sym${n}.csv`), join(base, `rel${n}.csv`), join(base, `hard${n}.csv`)];
      symlinkSync(input, names[0] as string);
      symlinkSync(join('real', 'in.csv'), names[1] as string);
      linkSync(input, names[2] as string);
      return [...names, join(base, 'linked-dir', 'in.csv')];
    };
    writeFileSync(input, original);
    let n = 0;
    const commands = (alias: string) => [
      ['evaluate', input, '--year', '2025', '--out', alias],
      ['evaluate', input, '--year', '2025', '--format', 'xlsx', '--out', alias],
      ['indicators', input, '--out', alias],
      ['indicators', input, '--out', join(base, 'o.txt'), '--rejects', alias],
      ['validate', input, '--out', alias],
    ];
    const refusedButWritten: string[] = [];
    const attempt = (args: string[], what: string) => {
      writeFileSync(input, original);
      const result = shequ(args);
      if (result.code !== 2 || readFileSync(input, 'utf8') !== original)
        refusedButWritten.push(`${JSON.stringify(args)} (${what}): exit ${result.code}`);
    };
    for (const [c, alias] of aliases(n++).entries())
      for (const args of commands(alias)) attempt(args, `alias ${c}`);
    // report: the findings and indicators CSVs it writes beside the page, when they are the input under another name.
    for (const suffix of ['indicators', 'findings']) {
      const link = join(base, `page-${suffix}.${suffix}.csv`);
      symlinkSync(input, link);
      attempt(['report', input, '--out', join(base, `page-${suffix}.html`)], `${suffix} CSV`);
    }
    expect(refusedButWritten).toEqual([]);
    expect(crashes).toEqual([]);
  }, 300_000);
});

describe('evaluate given one file twice', () => {
  it('refuses it under every name (exit 2) instead of counting each row twice', async () => {
    const { linkSync, symlinkSync } = await import('node:fs');
    const base = join(dir, 'twice');
    mkdirSync(base);
    const file = join(base, 'units2025.csv');
    writeFileSync(file, `${HEADER}\n${unit('2025', 1, '村委会')}\n${unit('2025', 2, '村委会')}\n`);
    symlinkSync(file, join(base, 'sym.csv'));
    linkSync(file, join(base, 'hard.csv'));
    const names = [
      file,
      'twice/units2025.csv',
      './twice/../twice/units2025.csv',
      join(base, 'sym.csv'),
      join(base, 'hard.csv'),
    ];
    const counted: string[] = [];
    for (const first of names)
      for (const second of names) {
        const result = shequ(['evaluate', first, second, '--format', 'json']);
        if (result.code !== 2) counted.push(`${first} + ${second}: exit ${result.code}`);
      }
    expect(counted).toEqual([]);
    // Two different files are still read together.
    const other = join(base, 'other2025.csv');
    writeFileSync(other, `${HEADER}\n${unit('2025', 3, '村委会')}\n`);
    const both = shequ(['evaluate', file, other, '--format', 'json']);
    expect(both.code).toBe(0);
    expect((JSON.parse(both.stdout) as { units: number }).units).toBe(3);
  }, 120_000);
});
