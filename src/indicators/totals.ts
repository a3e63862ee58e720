// Region totals as input: what a 社区合计 / 村合计 row supplies to each indicator, and the store of totals the
// accumulator keeps beside its township sums.
//
// A total row gives, for one region, the sums over the units of one kind (民政's returns: 社区服务站 per district).
// It supplies an indicator when the indicator counts that kind of unit, has no further scope (a total cannot say which
// of its units are newly built), and both its measures can be read from the total: the numerator's sum and the
// denominator's sum (for a sum indicator, the units totalled). It then stands for the units beneath the region: see
// roll-up.ts for the rule that keeps anything from being counted twice.

import type { UnitStatistics } from '../model/unit-statistics.js';
import { MEASURES } from './measures.js';
import type { IndicatorDefinition, Measure } from './types.js';

/** How each built-in measure is read from a total row: the sum over the units totalled. */
const TOTAL_READERS: Readonly<Partial<Record<string, (row: UnitStatistics) => number | undefined>>> = {
  unitCount: (row) => row.unitCount,
  hasFacility: (row) => row.unitsWithFacility,
  facilityArea: (row) => row.facilityArea,
  activityArea: (row) => row.activityArea,
  households: (row) => row.households,
  residents: (row) => row.residents,
  totalFloorArea: (row) => row.totalFloorArea,
  commercialServiceArea: (row) => row.commercialServiceArea,
  communityWorkers: (row) => row.communityWorkers,
  communityHomes: (row) => row.communityHomes,
};

/**
 * The reader of a measure on total rows: the measure's own `readTotal`, else the built-in one when the measure is the
 * built-in measure itself (a caller's measure that merely shares an id gets none), else none.
 */
export function totalReaderOf(measure: Measure): ((row: UnitStatistics) => number | undefined) | undefined {
  if (measure.readTotal !== undefined) return measure.readTotal;
  const builtIn = (MEASURES as Readonly<Record<string, Measure>>)[measure.id];
  return builtIn === measure ? TOTAL_READERS[measure.id] : undefined;
}

/** What a total supplies of one indicator: its two readers, or `undefined` when it cannot supply it. */
export interface TotalSupply {
  readonly numerator: (row: UnitStatistics) => number | undefined;
  readonly denominator: (row: UnitStatistics) => number | undefined;
}

/** The supply of each indicator from totals of a unit kind (`undefined`: not from totals). */
export function totalSupply(definition: IndicatorDefinition): TotalSupply | undefined {
  if (definition.scope !== undefined) return undefined;
  const numerator = totalReaderOf(definition.numerator);
  const denominatorMeasure = definition.denominator ?? MEASURES.unitCount;
  const denominator = totalReaderOf(denominatorMeasure);
  return numerator === undefined || denominator === undefined ? undefined : { numerator, denominator };
}
