import { invalidOption, optionsObject } from '../core/guard.js';
import { createIssue, type Issue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { isRecord } from '../core/shape.js';

// The options shared by computeIndicatorTable and indicatorRowsFromParts, checked before any arithmetic: an option of
// the wrong shape gives an `invalid_option` issue on its path instead of a TypeError (or a RangeError from decimal.js)
// deep inside the roll-up. `profile` and `asOf` are checked by the callers, which resolve them.

const GROUP_LEVELS: ReadonlySet<unknown> = new Set(['province', 'prefecture', 'county', 'township', 'unit']);
const ROUNDING_MODES: ReadonlySet<unknown> = new Set(['half-up', 'half-even', 'half-down', 'up', 'down']);
/** More decimals than a double holds would only print noise (and 10^places must stay finite). */
export const MAX_ROUNDING_PLACES = 15;

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

/** A denominator: a finite number from 0 to the largest safe integer. */
function isDenominator(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= Number.MAX_SAFE_INTEGER
  );
}

/**
 * The region a key of `denominators` names: a key of digits is a division code of any length, padded to twelve
 * (`'13'`, `'1300'` and `'130000000000'` are one province); any other key is itself.
 */
export function denominatorRegion(key: string): string {
  return /^\d+$/.test(key) ? key.padEnd(12, '0') : key;
}

/**
 * External denominators by region (a key of digits padded to twelve: {@link denominatorRegion}), the keys of one
 * region merged, each region's record without a prototype (read by indicator id, a caller's own id such as
 * `toString` finds only the caller's key).
 */
export type RegionDenominators = ReadonlyMap<string, Readonly<Record<string, number>>>;

/**
 * `denominators` by region, read once: the keys of one region merged, and one `duplicate_code` issue on each later
 * key that gives an indicator another denominator than an earlier key of its region (naming both; keys that agree, or
 * give other indicators, are one region's). A value of the wrong shape is one `invalid_option` issue instead.
 */
function denominatorsByRegion(denominators: unknown): { byRegion: RegionDenominators; issues: Issue[] } {
  const byRegion = new Map<string, Record<string, number>>();
  if (denominators === undefined) return { byRegion, issues: [] };
  const malformed = () => ({ byRegion, issues: [denominatorsShapeIssue()] });
  if (!isRecord(denominators)) return malformed();
  const issues: Issue[] = [];
  // region → indicator id → the first key that gave it.
  const firstKeys = new Map<string, Map<string, string>>();
  for (const [key, byIndicator] of Object.entries(denominators)) {
    if (!isRecord(byIndicator)) return malformed();
    const region = denominatorRegion(key);
    const merged = byRegion.get(region) ?? (Object.create(null) as Record<string, number>);
    byRegion.set(region, merged);
    const firstKeyOf = firstKeys.get(region) ?? new Map<string, string>();
    firstKeys.set(region, firstKeyOf);
    for (const [id, value] of Object.entries(byIndicator)) {
      if (!isDenominator(value)) return malformed();
      const firstKey = firstKeyOf.get(id);
      if (firstKey === undefined) {
        firstKeyOf.set(id, key);
        merged[id] = value;
      } else if (merged[id] !== value)
        issues.push(denominatorClash([firstKey, merged[id] as number], [key, value], region, id));
    }
  }
  return { byRegion, issues };
}

/**
 * The denominators by region of options already checked (rowsFromSums, given options by its callers and tests).
 *
 * @example
 * ```ts
 * regionDenominators({ '13': { x: 1 }, '130000000000': { y: 2 } }).get('130000000000');
 * //=> { x: 1, y: 2 } (without a prototype)
 * ```
 */
export function regionDenominators(denominators: unknown): RegionDenominators {
  return denominatorsByRegion(denominators).byRegion;
}

function denominatorsShapeIssue(): Issue {
  return invalidOption(
    ['denominators'],
    'denominators 应为 { 区划代码: { 指标代码: 非负数 } }',
    'denominators must be { region code: { indicator id: a non-negative number } }',
  );
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

/**
 * The keys of the options checked here: the row builders', computeIndicatorTable's `year` and `crosswalk`,
 * evaluatePlanPeriod's `regions` — each read once.
 */
const OPTION_KEYS = [
  'profile',
  'asOf',
  'period',
  'groupBy',
  'rounding',
  'divisions',
  'denominators',
  'year',
  'crosswalk',
  'regions',
] as const;

/** The shared options of the row builders, checked: as read once, and their `denominators` by region. */
export interface CheckedRowsOptions {
  /**
   * The options as given, each key read once (a class's getter too) into a plain object; `denominators`, when given,
   * is a plain copy of {@link CheckedRowsOptions.denominators} (a builder given it reads the copy, not the caller's).
   */
  readonly given: Readonly<Record<string, unknown>>;
  /** `denominators` by region, for the tables of rows (`rowsOfYears`). */
  readonly denominators: RegionDenominators;
}

/** Each option the row builders know, read once: a getter or a proxy of the caller's is not asked twice. */
function readOnce(options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const read: Record<string, unknown> = {};
  for (const key of OPTION_KEYS) {
    const value = options[key];
    if (value !== undefined) read[key] = value;
  }
  return read;
}

/**
 * Checks the shared options of the row builders (not `profile` and `asOf`, which the callers resolve), each read once:
 * what is checked is what the rows are built from.
 */
export function checkRowsOptions(options: unknown): Result<CheckedRowsOptions> {
  const object = optionsObject(options);
  if (!object.success) return object;
  const o = readOnce(object.data);
  const denominators = denominatorsByRegion(o.denominators);
  const issues = [
    ...groupByIssues(o.groupBy),
    ...roundingIssues(o.rounding),
    ...divisionsIssues(o.divisions),
    ...denominators.issues,
  ];
  if (issues.length > 0) return failure(issues);
  if (o.denominators !== undefined) o.denominators = Object.fromEntries(denominators.byRegion);
  return success({ given: o, denominators: denominators.byRegion });
}
