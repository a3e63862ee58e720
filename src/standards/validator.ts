import { guarded } from '../core/guard.js';
import { unwrap } from '../core/result.js';
import type { Unit } from '../model/unit.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import type { Finding, ValidateOptions, ValidationReport } from './validate.js';
import { checkValidateOptions } from './validate-options.js';
import { openValidator } from './validator-core.js';

/**
 * Options of {@link createValidator}: those of `validate`.
 *
 * @example
 * ```ts
 * import type { CreateValidatorOptions } from 'shequ';
 * const options: CreateValidatorOptions = { profile: 'hebei', asOf: '2025-12-31' };
 * ```
 */
export interface CreateValidatorOptions extends ValidateOptions {}

/**
 * A streaming validation: units go in one at a time and each unit's findings come out at once; `end` gives the
 * findings that needed every unit (the region rules, on the indicator roll-up) and the summary. Nothing but
 * counts, and the sums of the region rules' indicators per region, is kept between units.
 *
 * @example
 * ```ts
 * import { createValidator, type Validator } from 'shequ';
 * const validator: Validator = createValidator({ profile: 'hebei', asOf: '2025-12-31' });
 * validator.add({ code: '130123100201', kind: 'village', disasterOfficers: 0 }).map((finding) => finding.rule);
 * //=> ['workers.disasterOfficer']
 * validator.end().summary.units;
 * //=> 1
 * ```
 */
export interface Validator {
  /** The date the rules are applied at. */
  readonly asOf: string;
  /** The id of the profile used. */
  readonly profile: string;
  /**
   * Checks one unit (a statistics row or a rich record) and returns its findings, in report order (severity,
   * error first, then rule order). Anything that is not an object, or an object whose properties throw, is not
   * checked: it is listed in the `skipped` of {@link Validator.end}, with its position. Never throws.
   */
  add(unit: UnitStatistics | Unit): readonly Finding[];
  /**
   * The findings that needed every unit (region rules), in report order, and the summary and skipped inputs of
   * everything added so far (the summary counts every finding, those returned by `add` included). May be called
   * again after more units are added.
   */
  end(): ValidationReport;
  /**
   * The order of a report's findings: unit code, then severity (error first), then rule order. A stable sort by
   * it of every finding of `add` (in the order returned) followed by those of `end` gives `validate`'s findings.
   */
  compare(
    a: Pick<Finding, 'unit' | 'severity' | 'rule'>,
    b: Pick<Finding, 'unit' | 'severity' | 'rule'>,
  ): number;
}

/**
 * Creates a streaming validator: the same rules, findings and summary as {@link validate}, one unit at a time, so a
 * national file's findings can be written while it is read instead of held in memory. `validate` itself runs on it.
 *
 * @param options - profile (default `'national'`), as-of date (default today in China), division lists
 * @returns the validator
 * @throws {@link shequ!ShequError} for an unknown profile name, an invalid `asOf` or other bad options
 *
 * @example
 * ```ts
 * import { createValidator } from 'shequ';
 * const validator = createValidator({ profile: 'hebei', asOf: '2025-12-31' });
 * const found = validator.add({ code: '130123100201', kind: 'village', households: 400, hasFacility: true, facilityArea: 100, disasterOfficers: 1 });
 * found.map((finding) => finding.message.zh);
 * //=> ['每百户综合服务设施面积 25 平方米，低于 30 平方米']
 * validator.end().summary.bySeverity;
 * //=> { error: 1, warning: 0, info: 0 }
 * ```
 */
export function createValidator(options: CreateValidatorOptions = {}): Validator {
  const core = openValidator(unwrap(guarded(() => checkValidateOptions(options))), true);
  return {
    asOf: core.asOf,
    profile: core.profile,
    add: (unit) => core.add(unit),
    end: () => core.end(),
    compare: core.compare,
  };
}
