import { invalidOption, optionsObject } from '../core/guard.js';
import { createIssue, type Issue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';

// The options shared by computeIndicatorTable and indicatorRowsFromParts, checked before any arithmetic: an option of
// the wrong shape gives an `invalid_option` issue on its path instead of a TypeError (or a RangeError from decimal.js)
// deep inside the roll-up. `profile` and `asOf` are checked by the callers, which resolve them.

const GROUP_LEVELS: ReadonlySet<unknown> = new Set(['province', 'prefecture', 'county', 'township', 'unit']);
const ROUNDING_MODES: ReadonlySet<unknown> = new Set(['half-up', 'half-even', 'half-down', 'up', 'down']);
/** More decimals than a double holds would only print noise (and 10^places must stay finite). */
export const MAX_ROUNDING_PLACES = 15;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function groupByIssues(groupBy: unknown): Issue[] {
  if (groupBy === undefined) return [];
  if (Array.isArray(groupBy) && groupBy.every((level) => GROUP_LEVELS.has(level))) return [];
  return [
    invalidOption(
      ['groupBy'],
      'groupBy 应为层级的数组（province、prefecture、county、township、unit）',
      'groupBy must be an array of levels (province, prefecture, county, township, unit)',
    ),
  ];
}

function roundingIssues(rounding: unknown): Issue[] {
  if (rounding === undefined) return [];
  const places = isRecord(rounding) ? rounding.places : undefined;
  const mode = isRecord(rounding) ? rounding.mode : undefined;
  const placesOk =
    places === undefined ||
    (typeof places === 'number' && Number.isInteger(places) && places >= 0 && places <= MAX_ROUNDING_PLACES);
  if (isRecord(rounding) && placesOk && (mode === undefined || ROUNDING_MODES.has(mode))) return [];
  return [
    invalidOption(
      ['rounding'],
      `rounding 应为 { places: 0–${MAX_ROUNDING_PLACES} 的整数, mode: half-up | half-even | half-down | up | down }`,
      `rounding must be { places: an integer 0–${MAX_ROUNDING_PLACES}, mode: half-up | half-even | half-down | up | down }`,
    ),
  ];
}

function isDivisionList(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const divisions = value.divisions;
  return isRecord(divisions) && typeof (divisions as { get?: unknown }).get === 'function';
}

function divisionsIssues(divisions: unknown): Issue[] {
  if (divisions === undefined) return [];
  if (Array.isArray(divisions) ? divisions.every(isDivisionList) : isDivisionList(divisions)) return [];
  return [
    invalidOption(
      ['divisions'],
      'divisions 应为区划数据集（createDivisionDataset 的结果）或其数组',
      'divisions must be a division dataset (from createDivisionDataset) or an array of them',
    ),
  ];
}

function isDenominators(value: unknown): value is Readonly<Record<string, Readonly<Record<string, number>>>> {
  return (
    isRecord(value) &&
    Object.values(value).every(
      (byIndicator) =>
        isRecord(byIndicator) &&
        Object.values(byIndicator).every(
          (n) => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= Number.MAX_SAFE_INTEGER,
        ),
    )
  );
}

/**
 * The region a key of `denominators` names: a key of digits is a division code of any length, padded to twelve
 * (`'13'`, `'1300'` and `'130000000000'` are one province); any other key is itself.
 */
export function denominatorRegion(key: string): string {
  return /^\d+$/.test(key) ? key.padEnd(12, '0') : key;
}

function denominatorsIssues(denominators: unknown): Issue[] {
  if (denominators === undefined) return [];
  if (isDenominators(denominators)) return denominatorClashes(denominators);
  return [
    invalidOption(
      ['denominators'],
      'denominators 应为 { 区划代码: { 指标代码: 非负数 } }',
      'denominators must be { region code: { indicator id: a non-negative number } }',
    ),
  ];
}

/**
 * Two keys of one region (`'13'` and `'130000000000'`) that give one indicator different denominators: one
 * `duplicate_code` issue on the later key, naming both (keys that agree, or give other indicators, are one region's).
 */
function denominatorClashes(
  denominators: Readonly<Record<string, Readonly<Record<string, number>>>>,
): Issue[] {
  const issues: Issue[] = [];
  // region → indicator id → the first key that gave it, and its value.
  const given = new Map<string, Map<string, readonly [string, number]>>();
  for (const [key, byIndicator] of Object.entries(denominators)) {
    const region = denominatorRegion(key);
    const byId = given.get(region) ?? new Map<string, readonly [string, number]>();
    given.set(region, byId);
    for (const [id, value] of Object.entries(byIndicator)) {
      const earlier = byId.get(id);
      if (earlier === undefined) byId.set(id, [key, value]);
      else if (earlier[1] !== value) issues.push(denominatorClash(earlier, [key, value], region, id));
    }
  }
  return issues;
}

function denominatorClash(
  [firstKey, firstValue]: readonly [string, number],
  [key, value]: readonly [string, number],
  region: string,
  id: string,
): Issue {
  const shownId = id.slice(0, 40);
  return createIssue(
    'duplicate_code',
    {
      zh: `分母的键 ${firstKey} 与 ${key} 是同一区域 ${region}，指标 ${shownId} 的分母不同（${firstValue} 与 ${value}）`,
      en: `Keys ${firstKey} and ${key} of denominators name the same region ${region} with different denominators of ${shownId} (${firstValue} and ${value})`,
    },
    { path: ['denominators', key, id] },
  );
}

/** Checks the shared options of the row builders (not `profile` and `asOf`, which the callers resolve). */
export function checkRowsOptions(options: unknown): Result<Readonly<Record<string, unknown>>> {
  const object = optionsObject(options);
  if (!object.success) return object;
  const o = object.data;
  const issues = [
    ...groupByIssues(o.groupBy),
    ...roundingIssues(o.rounding),
    ...divisionsIssues(o.divisions),
    ...denominatorsIssues(o.denominators),
  ];
  return issues.length > 0 ? failure(issues) : success(o);
}
