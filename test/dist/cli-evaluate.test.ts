import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { PlanEvaluation } from '../../src/index.js';
import { workbookEvents } from '../../src/io/xlsx-read.js';
import { useTempDir } from '../helpers/temp-dir.js';

// The built `shequ evaluate` on the bundled sample over three years (examples/data/sample-units-2023/2024/2025.csv).
const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const data = join(root, 'examples', 'data');
const YEARS = [2023, 2024, 2025].map((year) => join(data, `sample-units-${year}.csv`));
const dir = useTempDir('evaluate-dist');
const BASE = ['evaluate', ...YEARS, '--profile', 'hebei', '--period', '14th', '--as-of', '2026-06-30'];

function shequ(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every row of a workbook's sheet as its raw cells, read by the project's own .xlsx reader. */
function sheetRows(bytes: Uint8Array, sheet: number): string[][] {
  const rows: string[][] = [];
  const reader = {
    header: undefined,
    record: (record: { fields: string[] }) => {
      rows.push(record.fields);
      return undefined;
    },
    finalIssues: () => [],
  };
  const events = workbookEvents(bytes, sheet, reader as never);
  for (let step = events.next(); !step.done; step = events.next());
  return rows;
}

describe('shequ evaluate (built) on the three-year sample', () => {
  it('prints the 主要指标 table per region: the province and its cities, 2025 actuals, statuses', () => {
    const run = shequ(BASE);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('十四五 2025 年度 243 行计入 rows counted · 其他年度 486 other years');
    expect(run.stdout).toContain('十四五规划主要指标完成情况（hebei，截至 2026-06-30）');
    expect(run.stdout).toContain('河北省 130000000000');
    expect(run.stdout).toContain('石家庄市 130100000000');
    expect(run.stdout).toContain('序号  指标');
    expect(run.stdout).toMatch(/1 {2}农村社区综合服务设施覆盖率 +% +65 {2}≥ 80 +— +84\.4 {2}达标/);
    expect(run.stdout).toMatch(
      /4 {2}每百户居民拥有社区综合服务设施面积 +平方米 +23\.6 {2}≥ 30 +— +26\.5 {2}未达标/,
    );
    expect(run.stdout).not.toContain('初步');
  });

  it('gives the evaluation as JSON, the same figures as the API', () => {
    const run = shequ([...BASE, '--format', 'json']);
    expect(run.code).toBe(0);
    const evaluation = JSON.parse(run.stdout) as PlanEvaluation;
    expect([evaluation.period.id, evaluation.year, evaluation.units, evaluation.otherYears]).toEqual([
      '14th',
      2025,
      243,
      486,
    ]);
    const area = evaluation.rows.find(
      (row) => row.region === '130000000000' && row.indicator === 'facilityAreaPer100Households',
    );
    expect(area).toMatchObject({
      actual: 26.5,
      status: 'not-met',
      baseline: { value: 23.6, confidence: 'seed' },
    });
  });

  it('writes CSV with the arithmetic and sources, and Markdown per region', () => {
    const csv = shequ([...BASE, '--format', 'csv']);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]?.startsWith('\uFEFF地区代码,地区,层级,序号,指标代码')).toBe(true);
    expect(lines[0]).toContain('基线来源,基线可信度,目标来源,目标可信度');
    expect(lines.filter((line) => line.startsWith('130000000000,河北省,省级,4,'))).toHaveLength(1);
    const md = shequ([...BASE, '--format', 'md', '--lang', 'en']);
    expect(md.stdout).toContain('## 河北省 130000000000');
    expect(md.stdout).toContain(
      '| no. | indicator | unit | 2020 | 2025 target | property | 2025 actual | status |',
    );
  });

  it('writes an .xlsx laid out like a plan table: header, frozen, numbers as numbers', () => {
    const out = join(dir, '终期评估.xlsx');
    const run = shequ([...BASE, '--format', 'xlsx', '--out', out]);
    expect(run.code).toBe(0);
    const bytes = new Uint8Array(readFileSync(out));
    const rows = sheetRows(bytes, 1);
    expect(rows[0]).toEqual([
      '地区',
      '序号',
      '指标',
      '单位',
      '2020年',
      '2025年目标',
      '属性',
      '2025年实际',
      '完成情况',
    ]);
    const area = rows.find((row) => row[0] === '河北省 130000000000' && row[1] === '4');
    expect(area).toEqual(
      [
        '河北省 130000000000',
        '4',
        '每百户居民拥有社区综合服务设施面积',
        '平方米',
        '23.6',
        '≥ 30',
        '',
        '26.5',
        '未达标',
      ].slice(0, area?.length),
    );
    expect(sheetRows(bytes, 2)[0]?.slice(0, 4)).toEqual(['地区代码', '地区', '层级', '序号']);
    const sheet = new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(sheet).toMatch(/state="frozen"/);
    expect(sheet).toMatch(/<col [^>]*width=/);
    // The actual 26.5 is a number cell, not a string.
    expect(sheet).toMatch(/<c [^>]*><v>26\.5<\/v><\/c>/);
  });

  it('writes a self-contained HTML page: escaped, statuses written beside their colours, no full ID number', () => {
    // A division list naming 正定县's province with markup and an ID number: both must come out harmless.
    const divisions = join(dir, 'divisions.csv');
    writeFileSync(divisions, 'code,name\n130000000000,"<b>河北</b> 11010519491231002X"\n');
    const out = join(dir, 'evaluation.html');
    const run = shequ([...BASE, '--format', 'html', '--out', out, '--divisions', divisions]);
    expect(run.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('&lt;b&gt;河北&lt;/b&gt;');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/11010519491231002X/);
    expect(html).toContain('110105********002X');
    expect(html).toMatch(/<td class="not-met">未达标<\/td>/);
    expect(html).toMatch(/<td class="met">达标<\/td>/);
    expect(html).not.toMatch(/<script|https?:\/\//);
    // Between tags, no raw & or < that is not an entity or a tag.
    for (const text of html.split(/<[^>]+>/)) expect(text).not.toMatch(/&(?![a-z]+;|#\d+;)|</);
  });

  it('takes the year of a file without a 年度 column from --year or its name, and stops without one', () => {
    const named = join(dir, '正定县2025.csv');
    copyFileSync(join(data, 'sample-units.csv'), named);
    const byName = shequ([
      'evaluate',
      named,
      '--profile',
      'hebei',
      '--as-of',
      '2026-06-30',
      '--format',
      'json',
    ]);
    expect(byName.code).toBe(0);
    expect((JSON.parse(byName.stdout) as PlanEvaluation).units).toBe(243);
    const unnamed = join(data, 'sample-units.csv');
    const stop = shequ(['evaluate', unnamed, '--profile', 'hebei']);
    expect(stop.code).toBe(2);
    expect(stop.stderr).toContain('has no 年度 (year) column and its name gives no year');
    const of2024 = shequ([
      'evaluate',
      unnamed,
      '--year',
      '2024',
      '--profile',
      'hebei',
      '--as-of',
      '2026-06-30',
    ]);
    expect(of2024.code).toBe(0);
    expect(of2024.stderr).toContain('没有 2025 年度的数据行');
    expect(of2024.stdout).toContain('无数据');
  });

  it('warns that an evaluation before the period’s end is provisional, and refuses bad options', () => {
    const early = shequ([
      'evaluate',
      YEARS[2] as string,
      '--profile',
      'hebei',
      '--period',
      '14th',
      '--as-of',
      '2025-06-30',
    ]);
    expect(early.code).toBe(0);
    expect(early.stderr).toContain('评估结果为初步结果');
    expect(early.stdout).toContain('初步评估');
    expect(shequ([...BASE, '--format', 'xlsx']).code).toBe(2);
    expect(shequ([...BASE, '--period', '13th']).code).toBe(2);
    expect(shequ([...BASE, '--year', '25']).code).toBe(2);
    expect(shequ(['evaluate']).code).toBe(2);
    const help = shequ(['evaluate', '--help']);
    expect([help.code, help.stdout.startsWith('Usage: shequ evaluate FILE…')]).toEqual([0, true]);
    expect(shequ(['--help']).stdout).toContain('evaluate FILE…');
  });
});
