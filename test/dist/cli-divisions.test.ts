import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findIdNumbers } from '../helpers/id-leaks.js';
import { useTempDir } from '../helpers/temp-dir.js';

// `--divisions FILE` against the built command: a hostile list (ID numbers in the code column, a region twice in two
// spellings, lines without a code or a name, a broken quote, blank lines) and a GBK one, in every data command.
const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const sample = join(root, 'examples', 'data', 'sample-units.csv');
const years = ['2023', '2024'].map((year) => join(root, 'examples', 'data', `sample-units-${year}.csv`));
const dir = useTempDir('divisions');

function shequ(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const hostile = join(dir, 'hostile.csv');
writeFileSync(
  hostile,
  [
    'code,name', // 1
    '130123000000,正定县（自定义）', // 2 used
    '11010519491231002X,某人', // 3 an ID number as a code
    '', // 4 blank: not a line of the list
    '130123,正定', // 5 the same region under another name
    '130123000000,正定县（自定义）', // 6 an identical repeat: used (merged)
    '130100', // 7 no name
    ',石家庄', // 8 no code
    '110105 19491231 002X,某人', // 9 an ID number, spaced
    '130000000000,"河北省', // 10 a quote never closed
  ].join('\r\n'),
);
// code,name / 130123,正定县 with 正定县 in GBK (D5 FD B6 A8 CF D8)
const gbk = join(dir, 'gbk.csv');
writeFileSync(
  gbk,
  Buffer.concat([Buffer.from('code,name\r\n130123,'), Buffer.from([0xd5, 0xfd, 0xb6, 0xa8, 0xcf, 0xd8])]),
);

const COMMANDS: readonly (readonly string[])[] = [
  ['indicators', sample, '--group-by', 'county', '--format', 'json'],
  ['indicators', ...years, '--group-by', 'county', '--format', 'json'],
  ['validate', sample, '--format', 'json', '--fail-on', 'never'],
  ['validate', sample, '--format', 'ndjson', '--fail-on', 'never', '--workers', '2'],
  ['evaluate', sample, '--year', '2025', '--format', 'json'],
  ['report', sample, '--out', join(dir, 'report.html')],
];

describe('--divisions FILE: every line of the list is used or said', () => {
  it('lists each line left out (five, then a count) and the counts once, in every command; the command runs on', () => {
    for (const args of COMMANDS) {
      const run = shequ([...args, '--divisions', hostile]);
      const what = args.slice(0, 2).join(' ');
      expect(run.code, what).toBe(0);
      expect(findIdNumbers(run.stdout + run.stderr), what).toEqual([]);
      const lines = run.stderr.split('\n').filter((line) => line.includes('division list'));
      expect(
        lines.filter((line) => line.endsWith('8 lines read, 2 used, 6 left out')),
        what,
      ).toHaveLength(1);
      expect(lines.map((line) => /, line (\d+):/.exec(line)?.[1]).filter(Boolean), what).toEqual([
        '3',
        '5',
        '7',
        '8',
        '9',
      ]);
      expect(
        lines.filter((line) => line.endsWith('1 more lines left out')),
        what,
      ).toHaveLength(1);
    }
    const json = shequ([...(COMMANDS[0] as string[]), '--divisions', hostile]).stdout;
    const zhengding = (JSON.parse(json) as { region: string; name: string }[]).find(
      (row) => row.region === '130123000000',
    );
    expect(zhengding?.name).toBe('正定县（自定义）');
  });

  it('in Chinese: the same lines in the run’s language', () => {
    const run = shequ([...(COMMANDS[0] as string[]), '--divisions', hostile, '--lang', 'zh']);
    expect(run.stderr).toContain('读取 8 行，采用 2 行，未采用 6 行');
    expect(run.stderr).toContain('第 5 行：区划 130123000000 已列出');
    expect(run.stderr).toContain('另有 1 行未采用');
    expect(run.stderr).not.toContain('left out');
  });

  it('a list that is not UTF-8 is a usage error (exit 2) with a hint, before any output', () => {
    for (const args of COMMANDS) {
      const run = shequ([...args, '--divisions', gbk]);
      const what = args.slice(0, 2).join(' ');
      expect(run.code, what).toBe(2);
      expect(run.stderr, what).toContain('is not UTF-8');
      expect(run.stderr, what).toContain('Save it as a UTF-8 CSV');
      expect(run.stdout, what).toBe('');
    }
  });

  it('a valid list says nothing on stderr about the list', () => {
    const list = join(dir, 'valid.csv');
    writeFileSync(list, '\ufeffcode,name\r\n130123000000,正定县（自定义）\r\n');
    const run = shequ([...(COMMANDS[0] as string[]), '--divisions', list]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('division list');
  });
});
