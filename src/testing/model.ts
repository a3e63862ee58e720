import fc from 'fast-check';
import type { Dataset } from '../model/dataset.js';
import type { Facility } from '../model/facility.js';
import { FACILITY_FUNCTION_LABELS, FACILITY_KIND_LABELS } from '../model/facility.js';
import type { OrganisationMember, OrganisationRole } from '../model/organisation.js';
import { RURAL_STRUCTURE, URBAN_STRUCTURE } from '../model/organisation.js';
import type { Volunteer, Worker } from '../model/people.js';
import { EMPLOYMENT_LABELS, WORKER_ROLE_LABELS } from '../model/people.js';
import type { Unit } from '../model/unit.js';
import type { UnitKind } from '../model/unit-kind.js';
import { idNumberArbitrary, villageCodeArbitrary } from './codes.js';
import { compact } from './compact.js';

const keysOf = <Key extends string>(labels: Readonly<Record<Key, unknown>>) => Object.keys(labels) as Key[];
const hundredths = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/**
 * A valid {@link Facility}: any kind, an activity area never above the floor area.
 *
 * @returns an arbitrary of facilities
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { facilityArbitrary } from 'shequ/testing';
 * import { facilitySchema } from 'shequ';
 * fc.assert(fc.property(facilityArbitrary(), (facility) => facilitySchema.safeParse(facility).success));
 * ```
 */
export function facilityArbitrary(): fc.Arbitrary<Facility> {
  return fc
    .record({
      kind: fc.constantFrom(...keysOf(FACILITY_KIND_LABELS)),
      floorArea: optional(hundredths(5000)),
      share: fc.integer({ min: 0, max: 100 }),
      openingHoursPerDay: optional(fc.integer({ min: 0, max: 24 })),
      accessible: optional(fc.boolean()),
      functions: optional(
        fc.uniqueArray(fc.constantFrom(...keysOf(FACILITY_FUNCTION_LABELS)), { maxLength: 4 }),
      ),
    })
    .map(({ share, ...facility }) =>
      compact({
        ...facility,
        activityArea:
          facility.floorArea === undefined ? undefined : Math.floor(facility.floorArea * share) / 100,
      }),
    );
}

/**
 * A valid {@link Worker}, sometimes with a (valid) ID number.
 *
 * @returns an arbitrary of workers
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { workerArbitrary } from 'shequ/testing';
 * import { workerSchema } from 'shequ';
 * fc.assert(fc.property(workerArbitrary(), (worker) => workerSchema.safeParse(worker).success));
 * ```
 */
export function workerArbitrary(): fc.Arbitrary<Worker> {
  return fc
    .record({
      roles: fc.uniqueArray(fc.constantFrom(...keysOf(WORKER_ROLE_LABELS)), { minLength: 1, maxLength: 3 }),
      employment: optional(fc.constantFrom(...keysOf(EMPLOYMENT_LABELS))),
      idNumber: optional(idNumberArbitrary()),
    })
    .map(compact);
}

/**
 * A valid {@link Volunteer}.
 *
 * @returns an arbitrary of volunteers
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { volunteerArbitrary } from 'shequ/testing';
 * fc.sample(volunteerArbitrary(), 1).length;
 * //=> 1
 * ```
 */
export function volunteerArbitrary(): fc.Arbitrary<Volunteer> {
  return fc
    .record({ registered: optional(fc.boolean()), serviceHours: optional(hundredths(2000)) })
    .map(compact);
}

function structureArbitrary(
  kind: UnitKind,
): fc.Arbitrary<Partial<Record<OrganisationRole, OrganisationMember>>> {
  const roles = kind === 'community' ? URBAN_STRUCTURE : RURAL_STRUCTURE;
  return fc
    .tuple(
      ...roles.map(() =>
        optional(fc.constantFrom('present' as const, 'absent' as const, 'notApplicable' as const)),
      ),
    )
    .map((statuses) => {
      const members: Partial<Record<OrganisationRole, OrganisationMember>> = {};
      statuses.forEach((status, i) => {
        if (status !== undefined) members[roles[i] as OrganisationRole] = { status };
      });
      return members;
    });
}

/**
 * A valid rich {@link Unit} of either kind: facilities, workers, volunteers and an organisation structure that fits
 * its kind (no urban-only member present in a village, and the reverse).
 *
 * @param kind - the kind, or either
 * @returns an arbitrary of units
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { unitArbitrary } from 'shequ/testing';
 * import { unitSchema } from 'shequ';
 * fc.assert(fc.property(unitArbitrary(), (unit) => unitSchema.safeParse(unit).success));
 * ```
 */
export function unitArbitrary(kind?: UnitKind): fc.Arbitrary<Unit> {
  const kinds =
    kind === undefined ? fc.constantFrom('community' as const, 'village' as const) : fc.constant(kind);
  return kinds.chain((unitKind) =>
    fc
      .record({
        code: villageCodeArbitrary(unitKind),
        kind: fc.constant(unitKind),
        households: optional(fc.integer({ min: 0, max: 20_000 })),
        residents: optional(fc.integer({ min: 0, max: 60_000 })),
        facilities: optional(fc.array(facilityArbitrary(), { maxLength: 3 })),
        workers: optional(fc.array(workerArbitrary(), { maxLength: 4 })),
        volunteers: optional(fc.array(volunteerArbitrary(), { maxLength: 3 })),
        members: optional(structureArbitrary(unitKind)),
        selfServiceTerminals: optional(fc.integer({ min: 0, max: 3 })),
      })
      .map(({ members, ...unit }) =>
        compact({ ...unit, organisations: members === undefined ? undefined : { members } }),
      ),
  );
}

/**
 * A valid {@link Dataset}: units with distinct codes and no regions (the hierarchy then comes from the codes).
 *
 * @param maxUnits - the most units
 * @returns an arbitrary of datasets
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { datasetArbitrary } from 'shequ/testing';
 * import { parseDataset } from 'shequ';
 * fc.assert(fc.property(datasetArbitrary(), (dataset) => parseDataset(dataset).success));
 * ```
 */
export function datasetArbitrary(maxUnits = 8): fc.Arbitrary<Dataset> {
  return fc
    .uniqueArray(unitArbitrary(), { maxLength: maxUnits, selector: (unit) => unit.code })
    .map((units) => ({ asOf: '2025-12-31', units }));
}
