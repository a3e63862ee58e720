import { ownValue } from '../core/own-value.js';
import { everyItem, isRecord, isStringList } from '../core/shape.js';
import type { RuleProfile } from './types.js';

// Structural check of a rule profile passed by a caller: `validate` calls each rule's `check`, reads `appliesTo`,
// `effective` and `severity`, so a profile missing any of them is refused up front (an `invalid_option` issue)
// instead of failing with a TypeError in the middle of a run. Optional keys are read as the rule's own
// (core/own-value.ts), as the page reads them: a key given to Object.prototype is none of the rule's.

const SEVERITIES: ReadonlySet<unknown> = new Set(['error', 'warning', 'info']);
const REGION_LEVELS: ReadonlySet<unknown> = new Set(['province', 'prefecture', 'county', 'township']);

function optionalStrings(value: unknown): boolean {
  return value === undefined || isStringList(value);
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

/** A rule's `parameterRanges`, when it has them: each a range of finite numbers, `min` ≤ `max`, `integer` a flag. */
function optionalRanges(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isRecord(value)) return false;
  return Object.values(value).every(
    (range) =>
      isRecord(range) &&
      Number.isFinite(range.min) &&
      Number.isFinite(range.max) &&
      (range.min as number) <= (range.max as number) &&
      (ownValue(range, 'integer') === undefined || typeof ownValue(range, 'integer') === 'boolean'),
  );
}

/**
 * Whether `value` has the shape of a rule `validate` can run: a unit rule with `check`, or a region rule (its
 * `titleOf`, if any, a function).
 */
export function isRule(value: unknown): boolean {
  if (!isRecord(value) || typeof value.id !== 'string' || !SEVERITIES.has(value.severity)) return false;
  if (!optionalRanges(ownValue(value, 'parameterRanges'))) return false;
  const titleOf = ownValue(value, 'titleOf');
  if (titleOf !== undefined && typeof titleOf !== 'function') return false;
  const { appliesTo, effective, parameters } = value;
  if (!isRecord(appliesTo) || !optionalStrings(ownValue(appliesTo, 'kinds'))) return false;
  if (!optionalStrings(ownValue(appliesTo, 'provinces'))) return false;
  if (!isRecord(effective) || !optionalString(ownValue(effective, 'from'))) return false;
  if (!optionalString(ownValue(effective, 'to')) || !isRecord(value.source) || !isRecord(parameters))
    return false;
  if (ownValue(value, 'level') === 'region') {
    const comparator = ownValue(parameters, 'comparator');
    return (
      typeof value.indicator === 'string' &&
      typeof parameters.minimum === 'number' &&
      (comparator === undefined || comparator === '>=' || comparator === '>') &&
      REGION_LEVELS.has(parameters.level)
    );
  }
  return typeof value.check === 'function';
}

/** Whether `value` has the shape of a {@link RuleProfile} that `validate` can run. */
export function isRuleProfile(value: unknown): value is RuleProfile {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    Array.isArray(value.rules) &&
    everyItem(value.rules, isRule)
  );
}
