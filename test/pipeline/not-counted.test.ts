/**
 * An accepted row the accumulator does not count — a region's second total of a kind — is said in the job's issues
 * (`duplicate_total`, a warning with its line), never dropped in silence; the figures count the region once.
 */
import { describe, expect, it } from 'vitest';
import { computeIndicatorsFromSource } from '../../src/pipeline/index.js';

const HEADER = '统计用区划代码,名称,类型,户数,社区（村）数,建有综合服务设施的社区（村）数';

describe('rows not counted', () => {
  it('a second 村合计 of a township: one warning at its line, the township counted once (3 of 3, not 6 of 6)', async () => {
    const text = `${HEADER}\n130123002000,诸福屯镇,村合计,900,3,3\n130123002000,诸福屯镇,村合计,900,3,3\n`;
    const job = await computeIndicatorsFromSource(text, { asOf: '2025-12-31', groupBy: ['township'] });
    if (!job.success) throw new Error('the job failed');
    expect(job.data.issues).toEqual([
      expect.objectContaining({ code: 'duplicate_total', severity: 'warning', line: 3 }),
    ]);
    const coverage = [...job.data.rows()].find((row) => row.indicator === 'ruralFacilityCoverage');
    expect([coverage?.numerator, coverage?.denominator]).toEqual([3, 3]);
    expect(job.data.counts).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
  });

  it('a file without repeated totals has no such issue', async () => {
    const text = `${HEADER}\n130123002000,诸福屯镇,村合计,900,3,3\n130123001000,正定镇,村合计,800,2,1\n`;
    const job = await computeIndicatorsFromSource(text, { asOf: '2025-12-31' });
    expect(job.success && job.data.issues).toEqual([]);
  });
});
