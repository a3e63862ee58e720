import type { RuleProfile } from './types.js';

// Structural check of a rule profile passed by a caller: `validate` calls each rule's `check`, reads `appliesTo`,
// `effective` and `severity`, so a profile missing any of them is refused up front (an `invalid_option` issue)
// instead of failing with a TypeError in the middle of a run.

const SEVERITIES: ReadonlySet<unknown> = new Set(['error', 'warning', 'info']);
const REGION_LEVELS: ReadonlySet<unknown> = new Set(['province', 'prefecture', 'county', 'township']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function optionalStrings(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function isRule(value: unknown): boolean {
  if (!isRecord(value) || typeof value.id !== 'string' || !SEVERITIES.has(value.severity)) return false;
  const { appliesTo, effective, parameters } = value;
  if (!isRecord(appliesTo) || !optionalStrings(appliesTo.kinds) || !optionalStrings(appliesTo.provinces))
    return false;
  if (!isRecord(effective) || !optionalString(effective.from) || !optionalString(effective.to)) return false;
  if (!isRecord(value.source) || !isRecord(parameters)) return false;
  if (value.level === 'region') {
    return (
      typeof value.indicator === 'string' &&
      typeof parameters.minimum === 'number' &&
      (parameters.comparator === undefined ||
        parameters.comparator === '>=' ||
        parameters.comparator === '>') &&
      REGION_LEVELS.has(parameters.level)
    );
  }
  return typeof value.check === 'function';
}

/** Whether `value` has the shape of a {@link RuleProfile} that `validate` can run. */
export function isRuleProfile(value: unknown): value is RuleProfile {
  return (
    isRecord(value) && typeof value.id === 'string' && Array.isArray(value.rules) && value.rules.every(isRule)
  );
}
