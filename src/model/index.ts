/**
 * The domain model: zod schemas and inferred readonly types for communities (社区) and villages (村) and their
 * statistics rows.
 *
 * @packageDocumentation
 */

export type { UnitKind } from './unit-kind.js';
export { UNIT_KIND_LABELS, unitKindSchema } from './unit-kind.js';
export type { UnitStatistics, UnitStatisticsShape } from './unit-statistics.js';
export { parseUnitStatistics, UNIT_STATISTICS_FIELDS, unitStatisticsSchema } from './unit-statistics.js';
