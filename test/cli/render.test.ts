import { describe, expect, it } from 'vitest';
import { indicatorMarkdown, indicatorTable } from '../../src/cli/render.js';
import { reportHtml } from '../../src/cli/report.js';
import { computeIndicators, type IndicatorRow } from '../../src/index.js';
import { indicatorRowsTable } from '../../src/io/index.js';

// Beijing communities: two in the 15-minute circle of three, 12 "community homes", 25.3 workers per 10 000.
const units = [
  {
    code: '110105001001',
    kind: 'community' as const,
    inQuarterHourCircle: true,
    communityHomes: 5,
    communityWorkers: 10,
    residents: 4000,
  },
  {
    code: '110105001002',
    kind: 'community' as const,
    inQuarterHourCircle: true,
    communityHomes: 7,
    communityWorkers: 9,
    residents: 3500,
  },
  {
    code: '110105001003',
    kind: 'community' as const,
    inQuarterHourCircle: false,
    communityWorkers: 0,
    residents: 4000,
  },
];
const rows = computeIndicators(units, { profile: 'beijing', asOf: '2025-12-31', groupBy: ['county'] });
const row = (id: string) => rows.find((r) => r.indicator === id) as IndicatorRow;

describe('reports show the baseline with its comparator and the catalogue’s units (issue 14, 3 and 8)', () => {
  it('carries the baseline on the row, with the comparator the text gives', () => {
    expect(row('quarterHourCircleCoverage').baseline).toMatchObject({ value: 98, comparator: '>=' });
    expect(row('communityHomes').baseline?.comparator).toBeUndefined();
  });

  it('terminal and Markdown tables: ≥ 98, Chinese units under zh, English under en', () => {
    const zh = indicatorTable(
      [row('quarterHourCircleCoverage'), row('communityHomes'), row('workersPer10kUrbanResidents')],
      'zh',
    );
    expect(zh).toContain('≥ 98');
    expect(zh).toContain('12 个');
    expect(zh).toMatch(/16\.5 人/);
    expect(zh).not.toMatch(/persons|count/);
    expect(zh).toContain('> 18');
    const en = indicatorMarkdown([row('communityHomes'), row('workersPer10kUrbanResidents')], 'en');
    expect(en).toContain('| 12 count |');
    expect(en).toContain('16.5 persons');
    expect(indicatorMarkdown([row('quarterHourCircleCoverage')], 'zh')).toContain('| ≥ 98 |');
  });

  it('HTML: baseline column and Chinese units', () => {
    const html = reportHtml(rows, [], { asOf: '2025-12-31', profile: 'beijing', units: 3 }, 'zh');
    expect(html).toContain('<td>≥ 98</td>');
    expect(html).toContain('12 个');
    expect(html).not.toContain('12 count');
  });

  it('CSV/JSON writers carry the baseline (">= 98")', () => {
    const table = indicatorRowsTable([row('quarterHourCircleCoverage'), row('communityHomes')]);
    const column = table.header.indexOf('baseline');
    expect(column).toBeGreaterThan(-1);
    expect([...table.rows].map((cells) => cells[column])).toEqual(['>= 98', '608']);
    expect(JSON.parse(JSON.stringify(row('quarterHourCircleCoverage'))).baseline).toMatchObject({
      comparator: '>=',
    });
  });
});
