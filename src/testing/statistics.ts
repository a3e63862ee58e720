import fc from 'fast-check';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { villageCodeArbitrary } from './codes.js';
import { compact } from './compact.js';

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const area = fc.integer({ min: 0, max: 5_000_000 }).map((hundredths) => hundredths / 100);

/**
 * A valid statistics row: a community or village with a code in its kind's range, and any subset of the optional
 * fields with plausible values (activity area never above floor area, commercial area never above total area).
 *
 * @returns an arbitrary of {@link UnitStatistics}
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { unitStatisticsArbitrary } from 'shequ/testing';
 * import { parseUnitStatistics } from 'shequ';
 * fc.assert(fc.property(unitStatisticsArbitrary(), (row) => parseUnitStatistics(row).success));
 * ```
 */
export function unitStatisticsArbitrary(): fc.Arbitrary<UnitStatistics> {
  return fc
    .constantFrom('community' as const, 'village' as const)
    .chain((kind) =>
      fc.record(
        {
          code: villageCodeArbitrary(kind),
          kind: fc.constant(kind),
          households: optional(fc.integer({ min: 0, max: 20_000 })),
          residents: optional(fc.integer({ min: 0, max: 60_000 })),
          hasFacility: optional(fc.boolean()),
          facilityArea: optional(area),
          activityShare: fc.integer({ min: 0, max: 100 }),
          newlyBuilt: optional(fc.boolean()),
          totalFloorArea: optional(area),
          commercialShare: fc.integer({ min: 0, max: 100 }),
          selfServiceTerminal: optional(fc.boolean()),
          communityWorkers: optional(fc.integer({ min: 0, max: 80 })),
          disasterOfficers: optional(fc.integer({ min: 0, max: 5 })),
          secretaryIsDirector: optional(fc.boolean()),
          volunteers: optional(fc.integer({ min: 0, max: 5_000 })),
        },
        { requiredKeys: ['code', 'kind', 'activityShare', 'commercialShare'] },
      ),
    )
    .map(({ activityShare, commercialShare, ...row }) =>
      compact({
        ...row,
        activityArea:
          row.facilityArea === undefined ? undefined : Math.floor(row.facilityArea * activityShare) / 100,
        commercialServiceArea:
          row.totalFloorArea === undefined
            ? undefined
            : Math.floor(row.totalFloorArea * commercialShare) / 100,
      }),
    );
}
