import type { DivisionDataset } from '../codes/division-dataset.js';
import { type AsOfInput, resolveAsOf } from '../core/as-of.js';
import { invalidOption, optionsObject } from '../core/guard.js';
import { failure, type Result, success } from '../core/result.js';
import { resolveRuleProfile, unknownRuleProfileIssue } from './profiles.js';
import type { RuleProfile } from './types.js';

/** The options of `validate`, checked and resolved. */
export interface CheckedValidateOptions {
  readonly asOf: string;
  readonly profile: RuleProfile;
  readonly divisions: DivisionDataset | readonly DivisionDataset[] | undefined;
}

function isDivisionList(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const divisions = (value as { divisions?: unknown }).divisions;
  return (
    divisions !== null &&
    typeof divisions === 'object' &&
    typeof (divisions as { has?: unknown }).has === 'function'
  );
}

/**
 * Checks and resolves the options of `validate`: options that are not an object, a `divisions` that is not a
 * dataset (or a list of them) give `invalid_option`; a bad `asOf` gives `invalid_date`; an unknown profile name or a
 * malformed profile object gives `invalid_value` on `['profile']` (as before).
 */
export function checkValidateOptions(options: unknown): Result<CheckedValidateOptions> {
  const object = optionsObject(options);
  if (!object.success) return object;
  const o = object.data;
  const asOf = resolveAsOf(o.asOf as AsOfInput | undefined);
  if (!asOf.success) return asOf;
  const profile = resolveRuleProfile(o.profile as string | undefined);
  if (profile === undefined) return failure([unknownRuleProfileIssue(o.profile, ['profile'])]);
  const divisions = o.divisions;
  if (
    divisions !== undefined &&
    !(Array.isArray(divisions) ? divisions.every(isDivisionList) : isDivisionList(divisions))
  ) {
    return failure([
      invalidOption(
        ['divisions'],
        'divisions 应为区划数据集（createDivisionDataset 的结果）或其数组',
        'divisions must be a division dataset (from createDivisionDataset) or an array of them',
      ),
    ]);
  }
  return success({
    asOf: asOf.data,
    profile,
    divisions: divisions as CheckedValidateOptions['divisions'],
  });
}
