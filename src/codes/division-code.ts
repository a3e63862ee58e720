import { createIssue, type Issue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { firstNonDigit, isProvinceCode, notAStringIssue } from './shared.js';

/**
 * The five levels of the 统计用区划代码: 省 · 地 · 县 · 乡 · 村.
 *
 * @example
 * ```ts
 * import { DIVISION_LEVELS } from 'shequ';
 * DIVISION_LEVELS.indexOf('county');
 * //=> 2
 * ```
 */
export const DIVISION_LEVELS = ['province', 'prefecture', 'county', 'township', 'village'] as const;

/**
 * A level of the division hierarchy: province (省级), prefecture (地级), county (县级), township (乡级: 街道/镇/乡)
 * or village (村级: 居委会/村委会).
 *
 * @example
 * ```ts
 * import type { DivisionLevel } from 'shequ';
 * const level: DivisionLevel = 'township';
 * ```
 */
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

/**
 * The kind of a township-level unit, from digits 7–9 (GB/T 10114-2003): 001–099 街道 `subdistrict`, 100–199 镇
 * `town`, 200–399 乡 `township`, 400–999 `other` (development zones, farms and units 民政 has not recognised).
 *
 * @example
 * ```ts
 * import type { TownshipKind } from 'shequ';
 * const kind: TownshipKind = 'subdistrict';
 * ```
 */
export type TownshipKind = 'subdistrict' | 'town' | 'township' | 'other';

/**
 * The kind of a village-level unit, from digits 10–12: 001–199 居民委员会 `community`, 200–399 村民委员会
 * `village`, 400–999 `other` (生活区, virtual communities and villages, units of schools or zones).
 *
 * @example
 * ```ts
 * import type { VillageKind } from 'shequ';
 * const kind: VillageKind = 'community';
 * ```
 */
export type VillageKind = 'community' | 'village' | 'other';

/**
 * The segments of a 12-digit division code: province 2 · prefecture 2 · county 2 · township 3 · village 3 digits.
 *
 * @example
 * ```ts
 * import type { DivisionSegments } from 'shequ';
 * const s: DivisionSegments = { province: '11', prefecture: '01', county: '05', township: '001', village: '000' };
 * ```
 */
export interface DivisionSegments {
  /** Digits 1–2: 省级. */
  readonly province: string;
  /** Digits 3–4: 地级. */
  readonly prefecture: string;
  /** Digits 5–6: 县级. */
  readonly county: string;
  /** Digits 7–9: 乡级 (街道/镇/乡). */
  readonly township: string;
  /** Digits 10–12: 村级 (居委会/村委会). */
  readonly village: string;
}

/**
 * A parsed 统计用区划代码.
 *
 * @example
 * ```ts
 * import { parseDivisionCode, type DivisionCode } from 'shequ';
 * const parsed = parseDivisionCode('110105001');
 * if (parsed.success) {
 *   const code: DivisionCode = parsed.data;
 *   code.parent;
 *   //=> '110105000000'
 * }
 * ```
 */
export interface DivisionCode {
  /** The code in its 12-digit form, zero padded. */
  readonly code: string;
  /** The deepest level with a non-zero segment. */
  readonly level: DivisionLevel;
  /** The code cut into its segments. */
  readonly segments: DivisionSegments;
  /** The 12-digit code one level up (the lowest non-zero segment zeroed), or `null` for a province. */
  readonly parent: string | null;
  /** For township- and village-level codes, the kind of township; otherwise `null`. */
  readonly townshipKind: TownshipKind | null;
  /** For village-level codes, the kind of committee; otherwise `null`. */
  readonly villageKind: VillageKind | null;
}

/** Where each level's segment ends in the 12-digit code. */
const SEGMENT_END = [2, 4, 6, 9, 12] as const;
const SEGMENT_START = [0, 2, 4, 6, 9] as const;
const ZEROS = '000000000000';
const ACCEPTED_LENGTHS = new Set([2, 4, 6, 9, 12]);

const WHAT = { zh: '区划代码', en: 'A division code' };

function formatIssue(zh: string, en: string, position?: number): Issue {
  return createIssue('invalid_format', { zh, en }, position === undefined ? {} : { position });
}

function segmentIsZero(code: string, level: number): boolean {
  for (let i = SEGMENT_START[level] as number; i < (SEGMENT_END[level] as number); i++) {
    if (code.charCodeAt(i) !== 48) return false;
  }
  return true;
}

/**
 * Kind of a township from its 3-digit segment.
 *
 * @param segment - digits 7–9 of a division code
 * @returns the kind (`'other'` for 400–999)
 *
 * @example
 * ```ts
 * import { townshipKindOf } from 'shequ';
 * townshipKindOf('101');
 * //=> 'town'
 * ```
 */
export function townshipKindOf(segment: string): TownshipKind {
  const n = Number(segment);
  if (n >= 1 && n <= 99) return 'subdistrict';
  if (n >= 100 && n <= 199) return 'town';
  if (n >= 200 && n <= 399) return 'township';
  return 'other';
}

/**
 * Kind of a village-level unit from its 3-digit segment.
 *
 * @param segment - digits 10–12 of a division code
 * @returns the kind (`'other'` for 400–999)
 *
 * @example
 * ```ts
 * import { villageKindOf } from 'shequ';
 * villageKindOf('201');
 * //=> 'village'
 * ```
 */
export function villageKindOf(segment: string): VillageKind {
  const n = Number(segment);
  if (n >= 1 && n <= 199) return 'community';
  if (n >= 200 && n <= 399) return 'village';
  return 'other';
}

/** Level index (0 province … 4 village) of a structurally valid 12-digit code: its deepest non-zero segment. */
function levelIndexOf(code: string): number {
  for (let level = 4; level > 0; level--) {
    if (!segmentIsZero(code, level)) return level;
  }
  return 0;
}

/** Checks the structure of a 12-digit digit string; returns the issue or the level index. */
function checkStructure(code: string): Issue | number {
  if (!isProvinceCode(code.slice(0, 2))) {
    return formatIssue(
      `省级代码 ${code.slice(0, 2)} 不存在（GB/T 2260）`,
      `Province code ${code.slice(0, 2)} does not exist (GB/T 2260)`,
      1,
    );
  }
  const level = levelIndexOf(code);
  for (let upper = 1; upper < level; upper++) {
    if (segmentIsZero(code, upper)) {
      const name = DIVISION_LEVELS[upper] as DivisionLevel;
      return formatIssue(
        `下级代码非零而${LEVEL_ZH[name]}段为零`,
        `The ${name} segment is zero while a lower segment is not`,
        (SEGMENT_START[upper] as number) + 1,
      );
    }
  }
  return level;
}

const LEVEL_ZH: Record<DivisionLevel, string> = {
  province: '省级',
  prefecture: '地级',
  county: '县级',
  township: '乡级',
  village: '村级',
};

/**
 * Parses a 统计用区划代码 (statistical division code) in any of its forms — 2, 4, 6, 9 or 12 digits — into its
 * 12-digit form, level, segments, parent and kinds. Structure only: whether a unit with that code exists is a
 * question for a dataset ({@link lookupDivision}).
 *
 * Checks: a string of digits of an accepted length; a GB/T 2260 province code; no non-zero segment below a zero one.
 * County codes are not checked against GB/T 2260, since the statistical list has its own (e.g. 130171 for a
 * development zone).
 *
 * @param input - the code; anything else gives an `invalid_type` issue
 * @returns the parsed code, or issues `invalid_type` / `invalid_format`
 *
 * @example
 * ```ts
 * import { parseDivisionCode } from 'shequ';
 * parseDivisionCode('110105001001');
 * //=> { success: true, data: { code: '110105001001', level: 'village', parent: '110105001000',
 * //     segments: { province: '11', prefecture: '01', county: '05', township: '001', village: '001' },
 * //     townshipKind: 'subdistrict', villageKind: 'community' } }
 * parseDivisionCode('1101').success && parseDivisionCode('1101').data.code;
 * //=> '110100000000'
 * ```
 */
export function parseDivisionCode(input: unknown): Result<DivisionCode> {
  if (typeof input !== 'string') return failure([notAStringIssue(WHAT, input)]);
  if (!ACCEPTED_LENGTHS.has(input.length)) {
    return failure([
      formatIssue(
        `区划代码应为 2、4、6、9 或 12 位数字，实际为 ${input.length} 个字符`,
        `A division code has 2, 4, 6, 9 or 12 digits; this one has ${input.length} characters`,
      ),
    ]);
  }
  const bad = firstNonDigit(input);
  if (bad >= 0) {
    return failure([formatIssue(`第 ${bad + 1} 位不是数字`, `Character ${bad + 1} is not a digit`, bad + 1)]);
  }
  const code = input.length === 12 ? input : input + ZEROS.slice(input.length);
  const structure = checkStructure(code);
  if (typeof structure !== 'number') return failure([structure]);
  return success(describe(code, structure));
}

function describe(code: string, levelIndex: number): DivisionCode {
  const segments: DivisionSegments = {
    province: code.slice(0, 2),
    prefecture: code.slice(2, 4),
    county: code.slice(4, 6),
    township: code.slice(6, 9),
    village: code.slice(9, 12),
  };
  return {
    code,
    level: DIVISION_LEVELS[levelIndex] as DivisionLevel,
    segments,
    parent: levelIndex === 0 ? null : truncate(code, levelIndex - 1),
    townshipKind: levelIndex >= 3 ? townshipKindOf(segments.township) : null,
    villageKind: levelIndex === 4 ? villageKindOf(segments.village) : null,
  };
}

function truncate(code12: string, levelIndex: number): string {
  const end = SEGMENT_END[levelIndex] as number;
  return code12.slice(0, end) + ZEROS.slice(end);
}

function normalise(input: unknown): { code: string; level: number } | null {
  const parsed = parseDivisionCode(input);
  if (!parsed.success) return null;
  return { code: parsed.data.code, level: DIVISION_LEVELS.indexOf(parsed.data.level) };
}

/**
 * The 12-digit code of the ancestor of `code` at `level` — the code itself when it is at that level — or `null`
 * when `code` is invalid or lies above `level`. This is how units are grouped by township, county, prefecture or
 * province.
 *
 * @param code - a division code in any accepted form
 * @param level - the level wanted
 * @returns the ancestor's 12-digit code, or `null`
 *
 * @example
 * ```ts
 * import { divisionAtLevel } from 'shequ';
 * divisionAtLevel('130102001001', 'county');
 * //=> '130102000000'
 * divisionAtLevel('130102000000', 'village');
 * //=> null
 * ```
 */
export function divisionAtLevel(code: unknown, level: DivisionLevel): string | null {
  const parsed = normalise(code);
  const wanted = DIVISION_LEVELS.indexOf(level);
  if (parsed === null || wanted > parsed.level) return null;
  return truncate(parsed.code, wanted);
}

/**
 * The ancestors of a division code by the prefix rule, from the province down to the parent (the code itself not
 * included). Invalid input gives `[]`. Where a real hierarchy differs from the prefixes (雄安新区, 省直辖县), use a
 * region tree with explicit parent links instead.
 *
 * @param code - a division code in any accepted form
 * @returns 12-digit codes, province first
 *
 * @example
 * ```ts
 * import { divisionAncestors } from 'shequ';
 * divisionAncestors('110105001001');
 * //=> ['110000000000', '110100000000', '110105000000', '110105001000']
 * ```
 */
export function divisionAncestors(code: unknown): string[] {
  const parsed = normalise(code);
  if (parsed === null) return [];
  const ancestors: string[] = [];
  for (let level = 0; level < parsed.level; level++) ancestors.push(truncate(parsed.code, level));
  return ancestors;
}

/**
 * Whether `code` lies within `ancestor` by the prefix rule. A division lies within itself. Either code may be in
 * any accepted form; an invalid one gives `false`.
 *
 * @param code - the division to place
 * @param ancestor - the division that may contain it
 * @returns whether `ancestor` is `code` or one of its ancestors
 *
 * @example
 * ```ts
 * import { isWithinDivision } from 'shequ';
 * isWithinDivision('110105001001', '1101');
 * //=> true
 * isWithinDivision('110105001001', '130000000000');
 * //=> false
 * ```
 */
export function isWithinDivision(code: unknown, ancestor: unknown): boolean {
  const inner = normalise(code);
  const outer = normalise(ancestor);
  if (inner === null || outer === null || outer.level > inner.level) return false;
  return truncate(inner.code, outer.level) === outer.code;
}
