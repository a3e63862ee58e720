import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir.js';

// Never a false success: every way the command can fail to read or write ends in exit 2 with a message.
const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const sample = join(root, 'examples', 'data', 'sample-units.csv');
const dir = useTempDir('trust');

function shequ(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const DATA_COMMANDS = [
  ['indicators'],
  ['validate'],
  ['report', '--out', join(dir, 'report.html')],
  ['evaluate', '--year', '2025'],
] as const;

describe('unreadable input exits 2, never 0 with an empty result', () => {
  const inputs = {
    empty: file('empty.csv', ''),
    'no header': file('no-header.csv', 'just,some,words\n1,2,3\n'),
    'blank lines only': file('blank.csv', '\n\n\r\n'),
    'not a zip': file('not-a-zip.xlsx', 'this is not a workbook'),
    'truncated zip': file('truncated.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00])),
    missing: join(dir, 'does-not-exist.csv'),
    folder: dir,
  };
  for (const [what, path] of Object.entries(inputs)) {
    for (const [command, ...rest] of DATA_COMMANDS) {
      it(`${command}: ${what}`, () => {
        // validate with --fail-on never: even a run that fails on nothing must not pass an unread file.
        const failOn = command === 'validate' ? ['--fail-on', 'never'] : [];
        const result = shequ([command, path, ...rest, ...failOn]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/cannot read/);
        expect(result.stdout).toBe('');
      });
    }
  }
});

describe('output that cannot be written exits 2 with one line', () => {
  const nowhere = join(dir, 'no', 'such', 'folder', 'out');
  const cases: [string, string[]][] = [
    ['indicators --out', ['indicators', sample, '--format', 'json', '--out', `${nowhere}.json`]],
    ['indicators --rejects', ['indicators', sample, '--rejects', `${nowhere}.csv`]],
    ['validate --out', ['validate', sample, '--out', `${nowhere}.txt`]],
    ['validate --rejects', ['validate', sample, '--rejects', `${nowhere}.csv`]],
    ['report --out', ['report', sample, '--out', `${nowhere}.html`]],
    ['report --out a folder', ['report', sample, '--out', dir]],
    ['indicators --out a folder', ['indicators', sample, '--out', dir]],
    ['evaluate --out', ['evaluate', sample, '--year', '2025', '--out', `${nowhere}.md`]],
    [
      'evaluate --out xlsx',
      ['evaluate', sample, '--year', '2025', '--format', 'xlsx', '--out', `${nowhere}.xlsx`],
    ],
  ];
  for (const [what, args] of cases) {
    it(what, () => {
      const result = shequ(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/cannot write/);
    });
  }
});

describe('the command line as a new user meets it', () => {
  it('demo --help prints help instead of running the demo', () => {
    const result = shequ(['demo', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: shequ demo');
    expect(result.stdout).not.toContain('校验 validation');
  });

  it('a second FILE is a usage error, not ignored', () => {
    for (const command of ['indicators', 'validate']) {
      const result = shequ([command, sample, sample]);
      expect(result.code, command).toBe(2);
      expect(result.stderr).toContain('one FILE at a time');
    }
  });

  it('--fail-on info is accepted and fails on info findings', () => {
    const never = shequ(['validate', sample, '--fail-on', 'never', '--format', 'json']);
    const summary = JSON.parse(never.stdout).summary as { bySeverity: Record<string, number> };
    const info = shequ(['validate', sample, '--fail-on', 'info']);
    expect(info.code).toBe(Object.values(summary.bySeverity).some((n) => n > 0) ? 1 : 0);
    expect(info.stderr).not.toContain('must be one of');
  });

  it('an --as-of outside the known plan period warns; inside it does not', () => {
    expect(shequ(['indicators', sample, '--as-of', '2019-06-30']).stderr).toContain('warning');
    expect(shequ(['indicators', sample, '--as-of', '2031-01-01']).stderr).toContain('warning');
    expect(shequ(['indicators', sample, '--as-of', '2025-12-31']).stderr).not.toContain('warning');
  });

  it('mistyped commands, options and values get a "did you mean"', () => {
    expect(shequ(['indicatros', sample]).stderr).toContain("did you mean 'indicators'");
    expect(shequ(['indicators', sample, '--profil', 'hebei']).stderr).toContain('did you mean --profile');
    expect(shequ(['indicators', sample, '--format', 'jsn']).stderr).toContain('did you mean json');
    const wild = shequ(['validate', sample, '--zzzzzzzz']);
    expect(wild.code).toBe(2);
    expect(wild.stderr).not.toContain('did you mean');
  });

  it('unit rows come in code order whatever the input order', () => {
    const lines = readFileSync(sample, 'utf8')
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split(/\r?\n/);
    const headerAt = lines.findIndex((line) => line.includes('统计用区划代码'));
    const body = lines.slice(headerAt + 1).reverse();
    const reversed = file('reversed.csv', [...lines.slice(0, headerAt + 1), ...body].join('\n'));
    const rows = JSON.parse(
      shequ(['indicators', reversed, '--group-by', 'unit', '--format', 'json']).stdout,
    ) as { region: string; indicator: string }[];
    const codes = rows.map((row) => row.region);
    expect(codes.length).toBeGreaterThan(100);
    expect(codes).toEqual([...codes].sort());
  });
});

describe('outputs that would destroy something are refused before the work', () => {
  it('--out and --rejects naming one file, or an output over the input, exit 2', () => {
    const input = file('keep-me.csv', readFileSync(sample));
    const both = join(dir, 'both.csv');
    for (const args of [
      ['indicators', input, '--out', both, '--rejects', both],
      ['validate', input, '--out', both, '--rejects', both],
      ['indicators', input, '--out', input],
      ['report', input, '--out', input],
    ]) {
      const result = shequ(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('the same file');
    }
    expect(readFileSync(input)).toEqual(readFileSync(sample));
  });
});
