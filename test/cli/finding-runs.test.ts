import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createFindingSorter } from '../../src/cli/finding-runs.js';
import { createValidator, type Finding, RULES } from '../../src/index.js';

const compare = createValidator({ profile: 'hebei', asOf: '2025-12-31' }).compare;
const RULE_IDS = ['facility.exists', 'workers.disasterOfficer', 'code.division', 'workers.per10k'];
const SOURCES = [RULES.facilityExists.source, RULES.disasterOfficer.source];

/** Findings with few units, rules and severities, so that many compare equal (stability shows). */
const findingArbitrary: fc.Arbitrary<Finding> = fc
  .record({
    rule: fc.constantFrom(...RULE_IDS),
    severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
    unit: fc.constantFrom('130123100201', '130123000000', '110101001001', '1301'),
    index: fc.option(fc.nat(1000), { nil: null }),
    path: fc.array(fc.oneof(fc.string(), fc.nat()), { maxLength: 2 }),
    message: fc.record({ zh: fc.string(), en: fc.string() }),
    expected: fc.oneof(fc.string(), fc.integer()),
    actual: fc.oneof(
      fc.string(), // -0 is written as 0 by JSON, in the run files as in the output: not a difference the output can show.
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (value === 0 ? 0 : value)),
      fc.constant(null),
    ),
    source: fc.constantFrom(...SOURCES),
  })
  .map((finding) => finding as Finding);

describe('createFindingSorter', () => {
  test.prop([fc.array(findingArbitrary, { maxLength: 60 }), fc.integer({ min: 1, max: 8 })])(
    'gives the stable sort of what was added, whatever the run size (runs spilled to disk and merged)',
    (findings, runSize) => {
      const sorter = createFindingSorter(compare, runSize);
      try {
        for (const finding of findings) sorter.add(finding);
        const sorted = [...sorter.sorted()];
        expect(sorted).toEqual([...findings].sort(compare));
        expect(JSON.stringify(sorted)).toBe(JSON.stringify([...findings].sort(compare)));
        // The rule's source comes back as the very object (written once per rule, not copied per finding).
        sorted.forEach((finding) => {
          expect(SOURCES).toContain(finding.source);
        });
      } finally {
        sorter.close();
      }
    },
  );

  it('worked by hand: runs of 2, equal keys keep their order, text with newlines survives the run files', () => {
    const base = {
      index: 0,
      path: [],
      expected: '≥ 1',
      actual: 0,
      source: RULES.facilityExists.source,
    } as const;
    const make = (unit: string, severity: Finding['severity'], zh: string): Finding => ({
      ...base,
      rule: 'workers.disasterOfficer',
      severity,
      unit,
      message: { zh, en: zh },
    });
    const sorter = createFindingSorter(compare, 2);
    const added = [
      make('130123100202', 'error', 'a'),
      make('130123100201', 'warning', 'b\nc'),
      make('130123100201', 'error', 'd'),
      make('130123100202', 'error', 'e'),
      make('130123100201', 'warning', 'f'),
    ];
    for (const finding of added) sorter.add(finding);
    expect([...sorter.sorted()].map((finding) => finding.message.zh)).toEqual(['d', 'b\nc', 'f', 'a', 'e']);
    sorter.close();
  });
});
