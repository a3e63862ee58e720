import type { TwoCommittees } from './committees.js';
import type { Facility } from './facility.js';
import { STATISTICS_FIELD_KEYS } from './fields.js';
import type { Worker } from './people.js';
import type { DerivedFieldKey, Unit, UnitFieldKey } from './unit.js';
import { PLAN_TEXT_FROM_PARTS } from './unit-plan-parts.js';
import type { UnitStatistics } from './unit-statistics.js';

// How a rich unit record becomes a statistics row, apart from the zod schemas of unit.ts, people.ts and committees.ts
// (which re-export these): the indicator path imports them, and must not load zod when it starts (issue 13).

/**
 * Whether a worker counts as a 社区工作者 for indicator 7: employed full-time as a community worker, a member of
 * the "两委", or full-time service station staff. 公益性岗位, 政府临聘人员, part-time staff and workers of
 * unknown employment do not count.
 *
 * @param worker - the worker
 * @returns whether the worker is inside the counting scope
 *
 * @example
 * ```ts
 * import { isCommunityWorker } from 'shequ';
 * isCommunityWorker({ roles: ['communityWorker'], employment: 'fullTime' });
 * //=> true
 * isCommunityWorker({ roles: ['communityWorker'], employment: 'publicWelfarePost' });
 * //=> false
 * ```
 */
export function isCommunityWorker(worker: Worker): boolean {
  if (worker.employment !== 'fullTime') return false;
  return worker.roles.some(
    (role) => role === 'communityWorker' || role === 'committeeMember' || role === 'stationStaff',
  );
}

/**
 * Whether the Party secretary is also the committee director ("一人兼"): some member holds both roles.
 *
 * @param committees - the "两委"
 * @returns `true` when one member is both 书记 and 主任
 *
 * @example
 * ```ts
 * import { secretaryIsDirector } from 'shequ';
 * secretaryIsDirector({ members: [{ roles: ['partySecretary', 'director'] }] });
 * //=> true
 * ```
 */
export function secretaryIsDirector(committees: TwoCommittees): boolean {
  return committees.members.some((m) => m.roles.includes('partySecretary') && m.roles.includes('director'));
}

/** How each derived statistics field comes from the parts of a rich record; absent parts give absent fields. */
export const FROM_PARTS: {
  readonly [Key in DerivedFieldKey]: (unit: Unit) => UnitStatistics[Key] | undefined;
} = {
  hasFacility: ({ facilities }) => facilities?.some((f) => f.kind === 'comprehensiveService'),
  facilityArea: ({ facilities }) =>
    facilities === undefined ? undefined : comprehensiveAreas(facilities, 'floorArea'),
  activityArea: ({ facilities }) =>
    facilities === undefined ? undefined : comprehensiveAreas(facilities, 'activityArea'),
  selfServiceTerminal: ({ selfServiceTerminals }) =>
    selfServiceTerminals === undefined ? undefined : selfServiceTerminals > 0,
  communityWorkers: ({ workers }) => workers?.filter(isCommunityWorker).length,
  disasterOfficers: ({ workers }) => workers?.filter((w) => w.roles.includes('disasterOfficer')).length,
  secretaryIsDirector: ({ twoCommittees }) =>
    twoCommittees === undefined ? undefined : secretaryIsDirector(twoCommittees),
  satisfactionSurveyed: ({ surveys }) => (surveys === undefined ? undefined : surveys.length > 0),
  resettlement: ({ specialTypes }) => specialTypes?.includes('resettlement'),
  volunteers: ({ volunteers }) => volunteers?.filter((v) => v.registered === true).length,
  ...PLAN_TEXT_FROM_PARTS,
};

/** Keys only rich records have (`volunteers` is in both shapes: a count in rows, a list in records). */
const RICH_ONLY = [
  'facilities',
  'workers',
  'organisations',
  'twoCommittees',
  'surveys',
  'reviews',
  'services',
  'threeLists',
  'purchasedServices',
  'specialTypes',
  'selfServiceTerminals',
  'estates',
  'convenienceOutlets',
];

/**
 * Whether a value is a rich {@link Unit} record rather than a statistics row: it has a part only rich records have
 * (facilities, workers, organisations …, or a list of volunteers where a row has a count).
 *
 * @param value - a unit record of either shape
 * @returns `true` for a rich record
 *
 * @example
 * ```ts
 * import { isRichUnit } from 'shequ';
 * isRichUnit({ code: '130123100201', kind: 'village', volunteers: 12 });
 * //=> false
 * isRichUnit({ code: '130123100201', kind: 'village', volunteers: [{ registered: true }] });
 * //=> true
 * ```
 */
export function isRichUnit(value: unknown): value is Unit {
  if (value === null || typeof value !== 'object') return false;
  return (
    RICH_ONLY.some((key) => key in value) || Array.isArray((value as { volunteers?: unknown }).volunteers)
  );
}

/** Sums areas exactly: they carry at most two decimals, so integer hundredths add without drift. */
function sumAreas(values: readonly number[]): number {
  let hundredths = 0;
  for (const value of values) hundredths += Math.round(value * 100);
  return hundredths / 100;
}

function comprehensiveAreas(
  facilities: readonly Facility[],
  key: 'floorArea' | 'activityArea',
): number | undefined {
  const values: number[] = [];
  for (const facility of facilities) {
    if (facility.kind !== 'comprehensiveService') continue;
    const value = facility[key];
    if (value === undefined) return undefined; // one unknown area makes the sum unknown, not smaller
    values.push(value);
  }
  return sumAreas(values);
}

/**
 * Derives the flat statistics row from a rich unit record. A field whose source part is absent stays absent
 * (missing data), never zero: no `facilities` → no `hasFacility`; a 综合服务设施 without a floor area → no
 * `facilityArea`. Counts follow the documented scopes: `communityWorkers` counts {@link isCommunityWorker},
 * `volunteers` the registered ones, `disasterOfficers` the workers with that role.
 *
 * @param unit - a rich unit record
 * @returns its statistics row
 *
 * @example
 * ```ts
 * import { toUnitStatistics } from 'shequ';
 * toUnitStatistics({
 *   code: '110101001001', kind: 'community', households: 1520,
 *   facilities: [{ kind: 'comprehensiveService', floorArea: 400.5 }, { kind: 'comprehensiveService', floorArea: 219.75 }],
 *   workers: [{ roles: ['communityWorker'], employment: 'fullTime' }, { roles: ['gridWorker'], employment: 'temporary' }],
 * });
 * //=> { code: '110101001001', kind: 'community', households: 1520, hasFacility: true, facilityArea: 620.25,
 * //     communityWorkers: 1, disasterOfficers: 0 }
 * ```
 */
export function toUnitStatistics(unit: Unit): UnitStatistics {
  const row: Record<string, unknown> = {};
  for (const key of STATISTICS_FIELD_KEYS) {
    const value = Object.hasOwn(FROM_PARTS, key)
      ? FROM_PARTS[key as DerivedFieldKey](unit)
      : unit[key as UnitFieldKey];
    if (value !== undefined) row[key] = value;
  }
  return row as unknown as UnitStatistics;
}

/**
 * Number of members of the residents' or villagers' committee itself (主任、副主任和委员), as the laws' member
 * ranges count them.
 *
 * @param committees - the "两委"
 * @returns how many members hold a committee role
 *
 * @example
 * ```ts
 * import { committeeSize } from 'shequ';
 * committeeSize({ members: [{ roles: ['partySecretary', 'director'] }, { roles: ['committeeMember'] }, { roles: ['partyCommitteeMember'] }] });
 * //=> 2
 * ```
 */
export function committeeSize(committees: TwoCommittees): number {
  return committees.members.filter((m) =>
    m.roles.some((role) => role === 'director' || role === 'deputyDirector' || role === 'committeeMember'),
  ).length;
}
