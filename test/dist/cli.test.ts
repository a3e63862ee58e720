import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCsv } from '../../src/io/index.js';
import { useTempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const sample = join(root, 'examples', 'data', 'sample-units.csv');
const dir = useTempDir('cli');

function shequ(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const HEADER =
  '统计用区划代码,名称,类型,户数,是否建有综合服务设施,综合服务设施建筑面积,社区工作者人数,常住人口';
const badFile = join(dir, 'bad.csv');
const gbFile = join(dir, 'gb18030.csv');

beforeAll(() => {
  writeFileSync(
    badFile,
    [
      '正定县统计表',
      HEADER,
      '130123100201,西上泽村委会,村委会,612,是,210.3,,',
      '130123100202,坏行一,村委会,很多,是,1,,',
      '130123001001,诸福屯社区,居委会,1840,是,480.5,12,5000',
      '130123100000,坏行二,村委会,5,是,1,,',
    ].join('\r\n'),
  );
  writeFileSync(
    gbFile,
    encodeCsv(
      `${HEADER}\r\n130123100201,西上泽村委会,村委会,612,是,210.3,,\r\n130123001001,诸福屯社区,居委会,1840,否,,12,5000\r\n`,
      { encoding: 'gb18030' },
    ),
  );
});

describe('shequ', () => {
  it('prints help for the tool and every command, and its version', () => {
    expect(shequ(['--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Usage: shequ <command>'),
    });
    for (const command of ['indicators', 'validate', 'report', 'check-code', 'schema']) {
      const help = shequ([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`shequ ${command}`);
      expect(help.stdout).toContain('Example');
    }
    expect(shequ(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('runs the demo on the bundled sample', () => {
    const result = shequ(['demo']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('正定县');
    expect(result.stdout).toContain('243 accepted');
  });

  it('indicators: every format, names from the division lists, exit 0', () => {
    const table = shequ(['indicators', sample, '--profile', 'hebei', '--group-by', 'county']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('正定县');
    expect(table.stdout).toContain('每百户居民拥有社区综合服务设施面积');
    const json = JSON.parse(
      shequ(['indicators', sample, '--format', 'json', '--group-by', 'county', '--as-of', '2025-12-31'])
        .stdout,
    );
    expect(
      json.find(
        (r: { region: string; indicator: string }) =>
          r.region === '130123000000' && r.indicator === 'facilityAreaPer100Households',
      ),
    ).toMatchObject({
      name: '正定县',
      level: 'county',
      value: 26.5,
      unit: 'm²',
      status: 'not-met',
      asOf: '2025-12-31',
    });
    const csv = shequ(['indicators', sample, '--format', 'csv', '--group-by', 'province']).stdout;
    expect(csv.split('\r\n')[0]).toBe(
      '\ufeffregion,level,name,indicator,numerator,denominator,missing,value,unit,target,status,expected,gap,asOf,baseline',
    );
    expect(
      shequ(['indicators', sample, '--format', 'md', '--lang', 'en', '--group-by', 'province']).stdout,
    ).toContain('| region | indicator |');
    const out = join(dir, 'out.json');
    expect(shequ(['indicators', sample, '--format', 'json', '--out', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).length).toBeGreaterThan(0);
  });

  it('indicators: reads GB18030, and exits 1 writing exactly the rejected rows', () => {
    const gb = JSON.parse(shequ(['indicators', gbFile, '--format', 'json', '--group-by', 'county']).stdout);
    expect(gb.find((r: { indicator: string }) => r.indicator === 'urbanFacilityCoverage')).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
    const rejects = join(dir, 'rejects.csv');
    const bad = shequ(['indicators', badFile, '--rejects', rejects, '--group-by', 'county']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('拒收 2 rejected');
    const lines = readFileSync(rejects, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(`line,${HEADER},reason`);
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
      '4,130123100202,坏行一',
      '6,130123100000,坏行二',
    ]);
  });

  it('validate: findings with sources, formats, --fail-on', () => {
    const table = shequ(['validate', sample, '--profile', 'hebei', '--as-of', '2025-12-31']);
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('《'); // every finding cites its document
    const json = JSON.parse(
      shequ([
        'validate',
        sample,
        '--profile',
        'hebei',
        '--as-of',
        '2025-12-31',
        '--format',
        'json',
        '--fail-on',
        'never',
      ]).stdout,
    );
    expect(json.asOf).toBe('2025-12-31');
    expect(json.findings[0]).toHaveProperty('source.quote');
    expect(json.summary.units).toBe(187 + 56);
    expect(shequ(['validate', sample, '--format', 'csv', '--fail-on', 'never']).stdout).toContain(
      'unit,rule,severity',
    );
    expect(
      shequ(['validate', sample, '--format', 'md', '--lang', 'en', '--fail-on', 'never']).stdout,
    ).toContain('| unit | severity |');
    const clean = join(dir, 'clean.csv');
    writeFileSync(clean, `${HEADER}\r\n`);
    expect(shequ(['validate', clean]).code).toBe(0);
  });

  it('--divisions: a caller list names regions and flags units it lacks', () => {
    const list = join(dir, 'divisions.csv');
    writeFileSync(list, 'code,name\r\n130123000000,"正定县（自定义）"\r\n130123100201,西上泽村委会\r\n');
    const rows = JSON.parse(
      shequ(['indicators', badFile, '--divisions', list, '--format', 'json', '--group-by', 'county']).stdout,
    );
    expect(rows[0]).toMatchObject({ region: '130123000000', name: '正定县（自定义）' });
    const report = JSON.parse(
      shequ(['validate', badFile, '--divisions', list, '--format', 'json', '--fail-on', 'never']).stdout,
    );
    const unknown = report.findings
      .filter((f: { rule: string }) => f.rule === 'code.divisionKnown')
      .map((f: { unit: string }) => f.unit);
    expect(unknown).toEqual(['130123001001']);
    expect(shequ(['indicators', badFile, '--divisions', join(dir, 'missing.csv')]).code).toBe(2);
  });

  it('check-code: masks ID numbers, reads stdin, exits 1 on an invalid code', () => {
    const ok = shequ(['check-code', '110105001001', '914403001922038216', '11010519491231002X']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('110105********002X');
    expect(ok.stdout).not.toContain('11010519491231002X');
    const bad = shequ(['check-code', '110105194912310021', 'abc']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('invalid_checksum');
    expect(bad.stdout).not.toContain('110105194912310021');
    const json = JSON.parse(shequ(['check-code', '--format', 'json'], '110105001001\n220\n').stdout);
    expect(json.map((r: { system: string; valid: boolean }) => [r.system, r.valid])).toEqual([
      ['divisionCode', true],
      ['urbanRuralCode', true],
    ]);
  });

  it('schema: statistics and dataset', () => {
    expect(JSON.parse(shequ(['schema']).stdout).required).toEqual(['code', 'kind']);
    expect(JSON.parse(shequ(['schema', 'dataset']).stdout).required).toEqual(['units']);
  });

  it('exits 2 on usage errors and unreadable files, with a one-line message and a hint', () => {
    for (const args of [
      ['frobnicate'],
      ['indicators'],
      ['indicators', 'missing.csv'],
      ['indicators', sample, '--format', 'xml'],
      ['validate', sample, '--as-of', 'soon'],
      ['report', sample],
      ['schema', 'nope'],
      ['check-code'],
      ['indicators', sample, '--bogus'],
    ]) {
      const result = shequ(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.length).toBeGreaterThan(0);
    }
  });

  it('report: writes one self-contained HTML page', () => {
    const html = join(dir, 'report.html');
    expect(shequ(['report', sample, '--profile', 'hebei', '--out', html, '--as-of', '2025-12-31']).code).toBe(
      0,
    );
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<svg');
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect(shequ(['report', sample, '--out', join(dir, 'en.html'), '--lang', 'en']).code).toBe(0);
  });
});
