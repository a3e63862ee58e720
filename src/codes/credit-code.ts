import { guarded, invalidOption, isCodeSet, optionsObject } from '../core/guard.js';
import { createIssue, type Issue, type LocalizedText } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { CREDIT_CODE_CATEGORIES, type CreditCodeCategoryEntry } from './credit-code-categories.js';
import type { CodeSet } from './id-number.js';
import { organizationCheckAt } from './organization-code.js';
import { firstNonDigit, notAStringIssue } from './shared.js';

/** The 31 characters of GB 32100, in value order (no I, O, S, V, Z). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights 3^(i−1) mod 31 for positions 1–17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** Character code → value in ALPHABET, −1 when not in it. Lower case maps like upper case. */
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) {
  VALUE[ALPHABET.charCodeAt(i)] = i;
  VALUE[ALPHABET.toLowerCase().charCodeAt(i)] = i;
}

function characterValue(code: number): number {
  return code < 128 ? (VALUE[code] as number) : -1;
}

function checkValue(first17: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += characterValue(first17.charCodeAt(i)) * (WEIGHTS[i] as number);
  return (31 - (sum % 31)) % 31;
}

/**
 * The GB 32100 check character of a 统一社会信用代码 from its first 17 characters:
 * C18 = alphabet[(31 − Σ value × 3^(i−1) mod 31) mod 31].
 *
 * @param first17 - 17 characters of the GB 32100 alphabet (`0-9`, `A-Y` without I, O, S, V; lower case accepted)
 * @returns the check character; `''` when the input is not 17 such characters
 *
 * @example
 * ```ts
 * import { creditCodeCheckCharacter } from 'shequ';
 * creditCodeCheckCharacter('91440300192203821');
 * //=> '6'
 * ```
 */
export function creditCodeCheckCharacter(first17: unknown): string {
  if (typeof first17 !== 'string' || first17.length !== 17) return '';
  for (let i = 0; i < 17; i++) if (characterValue(first17.charCodeAt(i)) < 0) return '';
  return ALPHABET[checkValue(first17)] as string;
}

/**
 * A valid 统一社会信用代码 (GB 32100-2015), as {@link validateCreditCode} returns it.
 *
 * @example
 * ```ts
 * import type { CreditCode } from 'shequ';
 * const code: CreditCode = {
 *   value: '914403001922038216',
 *   authority: { code: '9', name: { zh: '工商（市场监管）', en: 'market regulation' } },
 *   category: { code: '1', name: { zh: '企业', en: 'enterprise' } },
 *   divisionCode: '440300',
 *   organizationCode: '192203821',
 * };
 * ```
 */
export interface CreditCode {
  /** The code, upper case. */
  readonly value: string;
  /** Position 1, 登记管理部门: its code and name (`null` when not in the table). */
  readonly authority: {
    /** The character itself. */
    readonly code: string;
    /** Its name, or `null` when not in the table. */
    readonly name: LocalizedText | null;
  };
  /** Position 2, 机构类别: its code and name (`null` when not in the table). */
  readonly category: {
    /** The character itself. */
    readonly code: string;
    /** Its name, or `null` when not in the table. */
    readonly name: LocalizedText | null;
  };
  /** Positions 3–8: the registering office's 6-digit division code. */
  readonly divisionCode: string;
  /** Positions 9–17: the GB 11714 organisation code (主体标识码). */
  readonly organizationCode: string;
}

/**
 * Options of {@link validateCreditCode}.
 *
 * @example
 * ```ts
 * import type { ValidateCreditCodeOptions } from 'shequ';
 * const options: ValidateCreditCodeOptions = {
 *   categories: { Z1: { authority: { zh: '示例', en: 'example' }, category: { zh: '示例', en: 'example' } } },
 *   legacyCodes: new Set(['35020000M000000000']),
 * };
 * ```
 */
export interface ValidateCreditCodeOptions {
  /** Extra authority + category prefixes (two characters), added to or replacing {@link CREDIT_CODE_CATEGORIES}. */
  readonly categories?: Readonly<Record<string, CreditCodeCategoryEntry>>;
  /**
   * Known legacy codes (issued by early pilot regions) that fail the checks but are real. A listed code is accepted
   * with a `legacy_code` warning; an unlisted one never passes.
   */
  readonly legacyCodes?: CodeSet;
}

const WHAT = { zh: '统一社会信用代码', en: 'A credit code' };

function formatIssue(zh: string, en: string, position?: number): Issue {
  return createIssue('invalid_format', { zh, en }, position === undefined ? {} : { position });
}

function checkFormat(input: string): Issue | null {
  if (input.length !== 18) {
    return formatIssue(
      `统一社会信用代码应为 18 位，实际为 ${input.length} 个字符`,
      `A credit code has 18 characters; this one has ${input.length}`,
    );
  }
  for (let i = 0; i < 18; i++) {
    if (characterValue(input.charCodeAt(i)) < 0) {
      return formatIssue(
        `第 ${i + 1} 位不是代码字符（0-9 与 A-Y，不含 I、O、S、V、Z）`,
        `Character ${i + 1} is not in the code alphabet (0-9 and A-Y without I, O, S, V, Z)`,
        i + 1,
      );
    }
  }
  const bad = firstNonDigit(input, 2, 8);
  if (bad >= 0) {
    return formatIssue(
      `第 ${bad + 1} 位应为数字（第 3–8 位为登记管理机关行政区划码）`,
      `Character ${bad + 1} must be a digit (characters 3–8 are the division code)`,
      bad + 1,
    );
  }
  return null;
}

function describe(value: string, table: Readonly<Record<string, CreditCodeCategoryEntry>>): CreditCode {
  const entry = table[value.slice(0, 2)];
  const authorityName = entry?.authority ?? authorityNameOf(value[0] as string, table);
  return {
    value,
    authority: { code: value[0] as string, name: authorityName },
    category: { code: value[1] as string, name: entry?.category ?? null },
    divisionCode: value.slice(2, 8),
    organizationCode: value.slice(8, 17),
  };
}

function authorityNameOf(
  authority: string,
  table: Readonly<Record<string, CreditCodeCategoryEntry>>,
): LocalizedText | null {
  for (const key of Object.keys(table))
    if (key[0] === authority) return (table[key] as CreditCodeCategoryEntry).authority;
  return null;
}

/**
 * Validates a 统一社会信用代码 (unified social credit code, GB 32100-2015): format (`invalid_format`, with the
 * position of the first bad character), the check character (`invalid_checksum`), and the GB 11714 organisation
 * code embedded at positions 9–17 (`invalid_organization_code`). An authority and category not in the table give
 * an `unknown_category` warning. Lower case is accepted and normalised.
 *
 * Codes that fail a check are never passed silently: only those on the caller's `legacyCodes` list are accepted,
 * with a `legacy_code` warning.
 *
 * @param input - the code
 * @param options - extra categories and known legacy codes
 * @returns the code with its authority, category, division and organisation code, or the issues
 *
 * @example
 * ```ts
 * import { validateCreditCode } from 'shequ';
 * const result = validateCreditCode('914403001922038216');
 * result.success && result.data.category.name;
 * //=> { zh: '企业', en: 'enterprise' }
 * validateCreditCode('914403001922038217').success;
 * //=> false (invalid_checksum at position 18)
 * ```
 */
export function validateCreditCode(
  input: unknown,
  options: ValidateCreditCodeOptions = {},
): Result<CreditCode> {
  return guarded(() => {
    const checked = checkCreditCodeOptions(options);
    if (!checked.success) return checked;
    return validateWith(input, checked.data);
  });
}

function isText(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as LocalizedText).zh === 'string' &&
    typeof (value as LocalizedText).en === 'string'
  );
}

function isCategoryEntry(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    isText((value as CreditCodeCategoryEntry).authority) &&
    isText((value as CreditCodeCategoryEntry).category)
  );
}

/** The options checked: an extra category must name its authority and category in both languages. */
function checkCreditCodeOptions(options: unknown): Result<ValidateCreditCodeOptions> {
  const object = optionsObject(options);
  if (!object.success) return object;
  const { categories, legacyCodes } = object.data;
  if (
    categories !== undefined &&
    (categories === null ||
      typeof categories !== 'object' ||
      Array.isArray(categories) ||
      !Object.values(categories).every(isCategoryEntry))
  ) {
    return failure([
      invalidOption(
        ['categories'],
        'categories 应为 { 两位代码: { authority: {zh, en}, category: {zh, en} } }',
        'categories must be { two characters: { authority: {zh, en}, category: {zh, en} } }',
      ),
    ]);
  }
  if (legacyCodes !== undefined && !isCodeSet(legacyCodes)) {
    return failure([
      invalidOption(
        ['legacyCodes'],
        'legacyCodes 应为有 has 方法的集合（如 Set）',
        'legacyCodes must be a set (with a has method)',
      ),
    ]);
  }
  return success(object.data as ValidateCreditCodeOptions);
}

function validateWith(input: unknown, options: ValidateCreditCodeOptions): Result<CreditCode> {
  if (typeof input !== 'string') return failure([notAStringIssue(WHAT, input)]);
  const formatProblem = checkFormat(input);
  if (formatProblem !== null) return failure([formatProblem]);
  const value = hasLowerCase(input) ? input.toUpperCase() : input;
  const issues: Issue[] = [];
  if (ALPHABET.charCodeAt(checkValue(value)) !== value.charCodeAt(17)) {
    issues.push(
      createIssue(
        'invalid_checksum',
        {
          zh: '校验码（第 18 位）与前 17 位不符',
          en: 'The check character (18th) does not match the first 17',
        },
        { position: 18 },
      ),
    );
  }
  const organizationCheck = organizationCheckAt(value, 8);
  if (organizationCheck === '' || organizationCheck.charCodeAt(0) !== value.charCodeAt(16)) {
    issues.push(
      createIssue(
        'invalid_organization_code',
        {
          zh: '第 9–17 位的组织机构代码校验不通过（GB 11714）',
          en: 'The organisation code in characters 9–17 fails its GB 11714 check',
        },
        { position: 17 },
      ),
    );
  }
  const table =
    options.categories === undefined
      ? CREDIT_CODE_CATEGORIES
      : { ...CREDIT_CODE_CATEGORIES, ...options.categories };
  const data = describe(value, table);
  const warnings: Issue[] = [];
  if (issues.length > 0) {
    if (options.legacyCodes?.has(value) !== true) return failure(issues);
    warnings.push(
      createIssue(
        'legacy_code',
        {
          zh: '代码未通过校验，但在所给的历史遗留代码名单中',
          en: 'The code fails its checks but is on the given list of legacy codes',
        },
        { severity: 'warning' },
      ),
    );
  }
  if (data.category.name === null) {
    warnings.push(
      createIssue(
        'unknown_category',
        {
          zh: `登记管理部门和机构类别代码 ${value.slice(0, 2)} 不在已知类别表中`,
          en: `Authority and category ${value.slice(0, 2)} are not in the known table`,
        },
        { severity: 'warning', position: 1 },
      ),
    );
  }
  return success(data, warnings);
}

function hasLowerCase(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}
