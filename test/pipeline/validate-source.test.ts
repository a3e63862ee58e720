import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type Finding, type UnitStatistics, validate } from '../../src/index.js';
import { unitStatisticsToCsv } from '../../src/io/index.js';
import { validateSource, validateSourceStreaming } from '../../src/pipeline/index.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';

const AS_OF = '2026-01-01';

describe('validateSourceStreaming', () => {
  it('worked by hand: each unit’s findings as it is read, file order, then the county that needs every unit', async () => {
    const csv = [
      '统计用区划代码,类型,灾害信息员人数,社区工作者人数,常住人口',
      '130123100202,村委会,0,,',
      '130123001001,居委会,1,2,10000',
      '130123100201,村委会,0,,',
    ].join('\n');
    const seen: [string, string][] = [];
    const job = await validateSourceStreaming(csv, {
      profile: 'hebei',
      asOf: AS_OF,
      onFinding: (finding) => seen.push([finding.unit, finding.rule]),
    });
    expect(job.success).toBe(true);
    const officers = seen.filter(([, rule]) => rule === 'workers.disasterOfficer').map(([unit]) => unit);
    expect(officers).toEqual(['130123100202', '130123100201']);
    // 2 workers for 10 000 residents: 2.0, not above 18 — known only at the end.
    expect(seen.at(-1)).toEqual(['130123000000', 'workers.per10k']);
    const summary = job.success ? job.data.report.summary : undefined;
    expect(summary?.units).toBe(3);
    expect(summary?.findings).toBe(seen.length);
  });

  test.prop([fc.array(unitStatisticsArbitrary(), { maxLength: 20 })], { numRuns: 30 })(
    'what onFinding receives, sorted by compare, is validateSource’s report and validate’s findings of the rows',
    async (rows) => {
      const csv = unitStatisticsToCsv(rows);
      const received: Finding[] = [];
      const streamed = await validateSourceStreaming(csv, {
        asOf: AS_OF,
        onFinding: (f) => received.push(f),
      });
      const whole = await validateSource(csv, { asOf: AS_OF });
      if (!streamed.success || !whole.success) throw new Error('options are valid');
      expect([...received].sort(streamed.data.compare)).toEqual(whole.data.report.findings);
      expect(streamed.data.report.summary).toEqual(whole.data.report.summary);
      const accepted = whole.data.counts.accepted;
      expect(whole.data.report.summary.units).toBe(accepted);
      if (accepted === rows.length)
        expect(whole.data.report.findings.length).toBe(
          validate(rows as UnitStatistics[], { asOf: AS_OF }).findings.length,
        );
    },
  );

  it('without onFinding, or with bad options, fails before reading', async () => {
    const missing = await validateSourceStreaming('a,b\n', {} as never);
    expect(missing.success ? [] : missing.error.issues.map((issue) => issue.code)).toEqual([
      'invalid_option',
    ]);
    const profile = await validateSourceStreaming('a,b\n', {
      profile: 'atlantis' as 'national',
      onFinding: () => undefined,
    });
    expect(profile.success ? [] : profile.error.issues.map((issue) => issue.path)).toEqual([['profile']]);
  });
});
