import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  computeIndicatorTable,
  createValidator,
  deriveRuleProfile,
  type Finding,
  RULE_PROFILES,
  ShequError,
  type Unit,
  type UnitStatistics,
  validate,
} from '../../src/index.js';
import { unitArbitrary, unitStatisticsArbitrary } from '../../src/testing/index.js';

const AS_OF = '2025-12-31';

/** Statistics rows gathered in a few counties (two in Hebei, one in Beijing), so the roll-up has regions to fail. */
const rowInFewCounties = fc
  .tuple(unitStatisticsArbitrary(), fc.constantFrom('130123', '130124', '110101'))
  .map(([row, county]) => ({ ...row, code: `${county}${row.code.slice(6)}` }) as UnitStatistics);

const inputs = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: rowInFewCounties },
    { weight: 2, arbitrary: unitArbitrary() as fc.Arbitrary<UnitStatistics | Unit> },
    { weight: 1, arbitrary: fc.constantFrom(null, 7, 'x') as fc.Arbitrary<never> },
  ),
  { maxLength: 25 },
);
const profiles = fc.constantFrom('national', 'hebei', 'beijing') as fc.Arbitrary<'national' | 'hebei'>;
const dates = fc.constantFrom('2025-12-31', '2026-01-01');

/** Everything a validator gives, in the order it gives it. */
function stream(units: readonly unknown[], options: Parameters<typeof createValidator>[0]) {
  const validator = createValidator(options);
  const perUnit = units.map((unit) => validator.add(unit as UnitStatistics));
  const end = validator.end();
  return { validator, perUnit, end, streamed: [...perUnit.flat(), ...end.findings] };
}

describe('createValidator', () => {
  test.prop([inputs, profiles, dates])(
    'its findings, sorted stably by its order, are the findings of validate; its summary and skipped are validate’s',
    (units, profile, asOf) => {
      const report = validate(units as UnitStatistics[], { profile, asOf });
      const { validator, end, streamed } = stream(units, { profile, asOf });
      expect([...streamed].sort(validator.compare)).toEqual(report.findings);
      expect(end.summary).toEqual(report.summary);
      expect(end.skipped).toEqual(report.skipped);
      expect([end.asOf, end.profile]).toEqual([report.asOf, report.profile]);
    },
  );

  test.prop([inputs, profiles])(
    'each unit’s findings come at once, in report order, with its code and position',
    (units, profile) => {
      const { validator, perUnit } = stream(units, { profile, asOf: AS_OF });
      perUnit.forEach((findings, index) => {
        expect([...findings].sort(validator.compare)).toEqual(findings);
        for (const finding of findings) {
          expect(finding.index).toBe(index);
          expect(finding.unit).toBe(String((units[index] as { code: unknown }).code));
        }
      });
    },
  );

  test.prop([fc.uniqueArray(rowInFewCounties, { selector: (row) => row.code, maxLength: 25 }), profiles])(
    'units in code order, no region rule: the findings stream in exactly validate’s order (no sort needed)',
    (rows, base) => {
      const sorted = [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      const profile = deriveRuleProfile(RULE_PROFILES[base], {
        id: 'units-only',
        disable: ['workers.per10k'],
      });
      const { streamed } = stream(sorted, { profile, asOf: AS_OF });
      expect(streamed).toEqual(validate(sorted, { profile, asOf: AS_OF }).findings);
    },
  );

  test.prop([fc.array(rowInFewCounties, { maxLength: 30 })])(
    'workers.per10k: one finding per county whose rounded value in the indicator table is not above 18',
    (rows) => {
      const table = computeIndicatorTable(rows, { asOf: AS_OF, groupBy: ['county'] });
      const counties = (table.success ? table.data.rows : []).filter(
        (row) => row.indicator === 'workersPer10kUrbanResidents',
      );
      const { end } = stream(rows, { asOf: AS_OF });
      // Findings come in unit-code order; with years the table is year by year (a stable sort keeps each county's
      // years in order).
      const expected = counties
        .filter((row) => row.value !== null && row.value <= 18)
        .sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
      expect(end.findings.map((f: Finding) => [f.unit, f.actual])).toEqual(
        expected.map((row) => [row.region, row.value]),
      );
      expect(end.summary.byRule['workers.per10k']).toMatchObject({
        checked: counties.filter((row) => row.value !== null).length,
        notChecked: counties.filter((row) => row.value === null).length,
        failed: expected.length,
      });
    },
  );

  it('worked by hand: a Hebei village without a disaster officer; a county of 2 workers for 10 000 residents', () => {
    const validator = createValidator({ profile: 'hebei', asOf: AS_OF });
    expect(
      validator.add({ code: '130123100201', kind: 'village', disasterOfficers: 0 }).map((f) => f.rule),
    ).toEqual(['workers.disasterOfficer']);
    // 2 workers, 10 000 urban residents: 2.0 per 10 000, below 18.
    validator.add({ code: '130123001001', kind: 'community', communityWorkers: 2, residents: 10_000 });
    const end = validator.end();
    expect(end.findings.map((f) => [f.rule, f.unit, f.actual, f.index])).toEqual([
      ['workers.per10k', '130123000000', 2, null],
    ]);
    expect(end.summary.units).toBe(2);
    expect(end.summary.bySeverity.warning).toBeGreaterThanOrEqual(1);
    expect(end.summary.findings).toBe(
      end.summary.bySeverity.error + end.summary.bySeverity.warning + end.summary.bySeverity.info,
    );
  });

  it('worked by hand: a unit’s findings out of report order are sorted (severities, a rule id used twice)', () => {
    const base = {
      title: { zh: '测试', en: 'test' },
      appliesTo: {},
      parameters: {},
      effective: {},
      source: { document: 'd', section: 's', quote: 'q' },
    };
    const failing = (id: string, severity: Finding['severity'], also?: Finding['severity']) => ({
      ...base,
      id,
      severity,
      check: () => ({
        status: 'failed' as const,
        failures: [
          { path: [], message: { zh: id, en: id }, expected: 1, actual: 0 },
          ...(also === undefined
            ? []
            : [
                { path: [], message: { zh: `${id}+`, en: `${id}+` }, expected: 1, actual: 0, severity: also },
              ]),
        ],
      }),
    });
    const order = (rules: ReturnType<typeof failing>[]) =>
      createValidator({ profile: { id: 'custom', name: { zh: '测试', en: 'test' }, rules }, asOf: AS_OF })
        .add({ code: '130123100201', kind: 'village' })
        .map((finding) => `${finding.severity}:${finding.message.en}`);
    // Error first whatever the rule order; a rule's own second failure of a lower severity after the others.
    expect(order([failing('a', 'warning'), failing('b', 'error', 'info')])).toEqual([
      'error:b',
      'warning:a',
      'info:b+',
    ]);
    // 'a' twice: both rank as its last place, after 'b' (the order compare has always given); ties kept as found.
    expect(order([failing('a', 'warning'), failing('b', 'warning'), failing('a', 'warning')])).toEqual([
      'warning:b',
      'warning:a',
      'warning:a',
    ]);
    // Already in report order: as found.
    expect(order([failing('a', 'error'), failing('b', 'warning')])).toEqual(['error:a', 'warning:b']);
  });

  it('end may be called again: later units count, region findings are not doubled', () => {
    const validator = createValidator({ asOf: AS_OF });
    validator.add({ code: '130123001001', kind: 'community', communityWorkers: 2, residents: 10_000 });
    const first = validator.end();
    validator.add({ code: '130123001002', kind: 'community', communityWorkers: 2, residents: 10_000 });
    const second = validator.end();
    expect([first.summary.units, second.summary.units]).toEqual([1, 2]);
    expect(second.findings).toHaveLength(1);
    expect(second.summary.byRule['workers.per10k']?.findings).toBe(1);
  });

  it('skips what is not a unit, and an object whose properties throw, with its position; never throws', () => {
    const validator = createValidator({ asOf: AS_OF });
    const hostile = {
      get code(): string {
        throw new Error('no');
      },
    };
    expect(validator.add(null as never)).toEqual([]);
    expect(validator.add(hostile as never)).toEqual([]);
    const { skipped, summary } = validator.end();
    expect(skipped.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_type', [0]],
      ['invalid_value', [1]],
    ]);
    expect(summary.units).toBe(0);
  });

  it('bad options throw a ShequError at creation', () => {
    expect(() => createValidator({ profile: 'atlantis' as 'national' })).toThrow(ShequError);
    expect(() => createValidator({ asOf: '2025-02-30' })).toThrow(ShequError);
  });
});
