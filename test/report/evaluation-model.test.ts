/**
 * The evaluation's column model in every format of the report layer: the plan's layout headed by the period's years,
 * the long table in the data formats, rows whole in JSON, hostile names (markup, quotes, line breaks, ID numbers)
 * escaped and masked everywhere.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type EvaluationRow, evaluatePlanPeriod, type PlanEvaluation } from '../../src/index.js';
import { EVALUATION_MODEL, evaluationModel, OUTPUT_FORMATS, renderRows } from '../../src/report/index.js';

const ID = '11010519491231002X';

function evaluation(): PlanEvaluation {
  const result = evaluatePlanPeriod(
    [
      { code: '130123100201', kind: 'village', households: 300, hasFacility: true, facilityArea: 100 },
      { code: '130104001001', kind: 'community', households: 1000, hasFacility: true, facilityArea: 320 },
    ],
    {
      profile: 'hebei',
      period: '14th',
      asOf: '2026-01-01',
      groupBy: ['province', 'county'],
    },
  );
  if (!result.success) throw new Error('expected an evaluation');
  return result.data;
}

describe('the evaluation model', () => {
  it('renders in every format, and the empty table in Markdown as the plans head it', () => {
    const e = evaluation();
    for (const id of Object.keys(OUTPUT_FORMATS) as (keyof typeof OUTPUT_FORMATS)[])
      expect(renderRows(id, EVALUATION_MODEL, e.rows, { lang: 'en' }).length, id).toBeGreaterThan(0);
    expect(renderRows('md', EVALUATION_MODEL, [], { lang: 'zh' })).toBe(
      '| 序号 | 指标 | 单位 | 2020年 | 2025年目标 | 属性 | 2025年实际 | 完成情况 |\n|---|---|---|---|---|---|---|---|\n',
    );
    expect(renderRows('md', evaluationModel(e.period, 'en'), [], { lang: 'en' }).split('\n')[0]).toBe(
      '| no. | indicator | unit | 2020 | 2025 target | property | 2025 actual | status |',
    );
  });

  it('writes a line of the plan’s layout and of the long table with the values worked by hand', () => {
    const e = evaluation();
    const area = e.rows.filter(
      (row) => row.region === '130000000000' && row.indicator === 'facilityAreaPer100Households',
    );
    // 420 m² over 1 300 households × 100 = 32.3 ≥ 30: met; the baseline 23.6 of 2020.
    expect(renderRows('md', EVALUATION_MODEL, area, { lang: 'zh' }).split('\n')[2]).toBe(
      '| 4 | 每百户居民拥有社区综合服务设施面积 | 平方米 | 23.6 | ≥ 30 | — | 32.3 | 达标 |',
    );
    const csv = renderRows('csv', EVALUATION_MODEL, area, { lang: 'zh' }).split('\r\n');
    expect(
      csv[0]?.startsWith(
        '\ufeff地区代码,地区,层级,序号,指标代码,指标,单位,基线年,基线,目标,属性,实际年度,实际,完成情况,差距,分子,分母,缺失,',
      ),
    ).toBe(true);
    expect(
      csv[1]?.startsWith(
        '130000000000,,省级,4,facilityAreaPer100Households,每百户居民拥有社区综合服务设施面积,平方米,2020,23.6,≥ 30,,2025,32.3,达标,-2.3,420,1300,0,',
      ),
    ).toBe(true);
    expect(renderRows('html', EVALUATION_MODEL, area, { lang: 'zh' })).toContain('<td class="met">达标</td>');
  });

  it('escapes and masks a hostile region name in every format', () => {
    // A name as a division list might give it (the CLI's --divisions takes any text).
    const e = evaluation();
    const rows = e.rows.map((row) => ({ ...row, name: `<b>河北</b> "${ID}"\n|x` }));
    for (const id of Object.keys(OUTPUT_FORMATS) as (keyof typeof OUTPUT_FORMATS)[]) {
      const text = renderRows(id, evaluationModel(e.period), rows, { lang: 'zh' });
      expect(text, id).not.toContain(ID);
      // The data formats write the name (people read it in each region's heading, which the CLI writes).
      if (OUTPUT_FORMATS[id].view === 'data') expect(text, id).toContain('110105********002X');
    }
    const html = renderRows('html', EVALUATION_MODEL, rows, { lang: 'zh' });
    expect(html).not.toContain('<b>');
    const csv = renderRows('csv', EVALUATION_MODEL, rows, { lang: 'zh' });
    expect(csv.split('\r\n')[1]).toContain(',"<b>河北</b> ""110105********002X""\n|x",');
    // JSON gives the rows back whole, the ID number masked.
    const json = JSON.parse(renderRows('json', EVALUATION_MODEL, rows)) as EvaluationRow[];
    expect(json).toHaveLength(e.rows.length);
    expect(json[0]?.name).toBe('<b>河北</b> "110105********002X"\n|x');
  });

  test.prop([
    fc.integer({ min: 1990, max: 2100 }),
    fc.integer({ min: 1, max: 10 }),
    fc.constantFrom('zh', 'en'),
  ])(
    'heads the layout with any period’s years; one CSV line per row; JSON rows equal the rows',
    (baselineYear, length, lang) => {
      const e = evaluation();
      const model = evaluationModel({ baselineYear, targetYear: baselineYear + length }, lang);
      const header = renderRows('md', model, [], { lang }).split('\n')[0] as string;
      expect(header).toContain(lang === 'zh' ? `| ${baselineYear}年 |` : `| ${baselineYear} |`);
      expect(header).toContain(
        lang === 'zh' ? `${baselineYear + length}年实际` : `${baselineYear + length} actual`,
      );
      const csv = renderRows('csv', model, e.rows, { lang });
      expect(csv.split('\r\n')).toHaveLength(e.rows.length + 2);
      expect(JSON.parse(renderRows('json', model, e.rows))).toEqual(JSON.parse(JSON.stringify(e.rows)));
    },
  );
});
