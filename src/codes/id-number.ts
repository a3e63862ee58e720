import { type AsOfInput, resolveAsOf } from '../core/as-of.js';
import { guarded, guardedValue, invalidOption, isCodeSet, optionsObject } from '../core/guard.js';
import { createIssue, type Issue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { allDigits, firstNonDigit, isIdNumberProvince, notAStringIssue } from './shared.js';

/**
 * A valid 公民身份号码 (GB 11643-1999), as {@link validateIdNumber} returns it.
 *
 * @example
 * ```ts
 * import type { IdNumber } from 'shequ';
 * const id: IdNumber = { value: '11010519491231002X', divisionCode: '110105', birthDate: '1949-12-31', sex: 'female' };
 * ```
 */
export interface IdNumber {
  /** The number, normalised (a lower-case `x` becomes `X`); a 15-digit number stays as given. */
  readonly value: string;
  /** The address code: the 6-digit county (GB/T 2260) where the number was first issued. */
  readonly divisionCode: string;
  /** The birth date, `'YYYY-MM-DD'`. */
  readonly birthDate: string;
  /** From the sequence code: odd is male, even is female. */
  readonly sex: 'male' | 'female';
  /** For a 15-digit first-generation number, its 18-character form. */
  readonly upgraded?: string;
}

/**
 * Anything with a `has` method, like a `Set<string>` of 6-digit county codes.
 *
 * @example
 * ```ts
 * import type { CodeSet } from 'shequ';
 * const counties: CodeSet = new Set(['110105', '130102']);
 * ```
 */
export interface CodeSet {
  /** Whether the set holds `code`. */
  has(code: string): boolean;
}

/**
 * Options of {@link validateIdNumber}.
 *
 * @example
 * ```ts
 * import type { ValidateIdNumberOptions } from 'shequ';
 * const options: ValidateIdNumberOptions = { asOf: '2025-12-31', divisionCodes: new Set(['110105']) };
 * ```
 */
export interface ValidateIdNumberOptions {
  /** A birth date after this date is invalid. Default: today in China. */
  readonly asOf?: AsOfInput;
  /**
   * Known 6-digit address codes. A number whose address code is not in it gets an `unknown_division` warning,
   * never an error: address codes stay valid for life after a county is renamed or merged.
   */
  readonly divisionCodes?: CodeSet;
  /** Accept 15-digit first-generation numbers. Default `true`. */
  readonly allowFirstGeneration?: boolean;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const EARLIEST_BIRTH_YEAR = 1800;
const WHAT = { zh: '身份证号码', en: 'An ID number' };

function checkIndex(digits17: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (digits17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return sum % 11;
}

/**
 * The GB 11643 check character (ISO 7064 MOD 11-2) for the first 17 digits of an ID number.
 *
 * @param first17 - exactly 17 ASCII digits
 * @returns `'0'`–`'9'` or `'X'`; `''` when the input is not 17 digits
 *
 * @example
 * ```ts
 * import { idNumberCheckCharacter } from 'shequ';
 * idNumberCheckCharacter('11010519491231002');
 * //=> 'X'
 * ```
 */
export function idNumberCheckCharacter(first17: unknown): string {
  if (typeof first17 !== 'string' || first17.length !== 17 || !allDigits(first17)) return '';
  return CHECK_CHARACTERS[checkIndex(first17)] as string;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function twoDigits(s: string, at: number): number {
  return (s.charCodeAt(at) - 48) * 10 + (s.charCodeAt(at + 1) - 48);
}

/** Today's date in China as YYYYMMDD, recomputed at most once a minute (validators run millions of times). */
let cachedToday = '';
let cachedAt = Number.NEGATIVE_INFINITY;
function todayCompact(): string {
  const now = Date.now();
  if (now - cachedAt > 60_000) {
    cachedAt = now;
    cachedToday = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
  }
  return cachedToday;
}

/** Checks a birth date written YYYYMMDD against the calendar and the latest allowed date (also YYYYMMDD). */
function checkBirthDate(yyyymmdd: string, latest: string, position: number): Issue | null {
  const year = twoDigits(yyyymmdd, 0) * 100 + twoDigits(yyyymmdd, 2);
  const month = twoDigits(yyyymmdd, 4);
  const day = twoDigits(yyyymmdd, 6);
  const monthDays = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (year < EARLIEST_BIRTH_YEAR || month < 1 || month > 12 || day < 1 || day > monthDays) {
    return createIssue(
      'invalid_date',
      { zh: '出生日期不是有效的日期', en: 'The birth date is not a real calendar date' },
      { position },
    );
  }
  if (yyyymmdd > latest) {
    return createIssue(
      'invalid_date',
      { zh: '出生日期晚于基准日期', en: 'The birth date is after the as-of date' },
      { position },
    );
  }
  return null;
}

function formatIssue(zh: string, en: string, position?: number): Issue {
  return createIssue('invalid_format', { zh, en }, position === undefined ? {} : { position });
}

function checkFormat(input: string, allowFirstGeneration: boolean): Issue | null {
  const length = input.length;
  if (length !== 18 && !(length === 15 && allowFirstGeneration)) {
    const expected = allowFirstGeneration
      ? { zh: '18 位（或一代证 15 位）', en: '18 (or 15 for a first-generation number)' }
      : { zh: '18 位', en: '18' };
    return formatIssue(
      `身份证号码应为${expected.zh}，实际为 ${length} 个字符`,
      `An ID number has ${expected.en} characters; this one has ${length}`,
    );
  }
  const digitsEnd = length === 18 ? 17 : 15;
  const bad = firstNonDigit(input, 0, digitsEnd);
  if (bad >= 0)
    return formatIssue(`第 ${bad + 1} 位应为数字`, `Character ${bad + 1} must be a digit`, bad + 1);
  if (length === 18) {
    const last = input.charCodeAt(17);
    if (!((last >= 48 && last <= 57) || last === 88 || last === 120)) {
      return formatIssue('第 18 位应为数字或 X', 'Character 18 must be a digit or X', 18);
    }
  }
  if (!isIdNumberProvince(input.slice(0, 2))) {
    return formatIssue('地址码的省级代码不存在', 'The address code names no province', 1);
  }
  return null;
}

function latestDate(asOf: AsOfInput | undefined): string | Issue {
  if (asOf === undefined) return todayCompact();
  const resolved = resolveAsOf(asOf);
  return resolved.success ? resolved.data.replace(/-/g, '') : (resolved.error.issues[0] as Issue);
}

/**
 * Validates a 公民身份号码 (resident identity number, GB 11643-1999) in layers, and says which layer failed:
 * format (`invalid_format`, with the `position` of the first bad character), birth date (`invalid_date`: not a
 * calendar date, before 1800, or after `asOf`), check character (`invalid_checksum`), and — only when
 * `divisionCodes` is given — the address code (`unknown_division`, a warning). Date and checksum are both reported
 * when both fail. A lower-case `x` is accepted. A 15-digit first-generation number is accepted (born 19xx, no
 * check character) and its 18-character form returned as `upgraded`.
 *
 * Never throws, and no issue contains the number.
 *
 * @param input - the ID number
 * @param options - as-of date, known address codes, 15-digit policy
 * @returns the normalised number with its address code, birth date and sex, or the issues
 *
 * @example
 * ```ts
 * import { validateIdNumber } from 'shequ';
 * validateIdNumber('11010519491231002x');
 * //=> { success: true, data: { value: '11010519491231002X', divisionCode: '110105',
 * //     birthDate: '1949-12-31', sex: 'female' } }
 * validateIdNumber('110105194912310021').success;
 * //=> false (invalid_checksum at position 18)
 * ```
 */
export function validateIdNumber(input: unknown, options: ValidateIdNumberOptions = {}): Result<IdNumber> {
  return guarded(() => {
    const checked = checkIdNumberOptions(options);
    if (!checked.success) return checked;
    return validateWith(input, checked.data);
  });
}

/** The options checked: `allowFirstGeneration` a boolean, `divisionCodes` a set (`asOf` is checked when used). */
function checkIdNumberOptions(options: unknown): Result<ValidateIdNumberOptions> {
  const object = optionsObject(options);
  if (!object.success) return object;
  const { allowFirstGeneration, divisionCodes } = object.data;
  if (allowFirstGeneration !== undefined && typeof allowFirstGeneration !== 'boolean') {
    return failure([
      invalidOption(
        ['allowFirstGeneration'],
        'allowFirstGeneration 应为布尔值',
        'allowFirstGeneration must be a boolean',
      ),
    ]);
  }
  if (divisionCodes !== undefined && !isCodeSet(divisionCodes)) {
    return failure([
      invalidOption(
        ['divisionCodes'],
        'divisionCodes 应为有 has 方法的集合（如 Set）',
        'divisionCodes must be a set (with a has method)',
      ),
    ]);
  }
  return success(object.data as ValidateIdNumberOptions);
}

function validateWith(input: unknown, options: ValidateIdNumberOptions): Result<IdNumber> {
  if (typeof input !== 'string') return failure([notAStringIssue(WHAT, input)]);
  const formatProblem = checkFormat(input, options.allowFirstGeneration ?? true);
  if (formatProblem !== null) return failure([formatProblem]);
  const latest = latestDate(options.asOf);
  if (typeof latest !== 'string') return failure([latest]);

  const firstGeneration = input.length === 15;
  const datePart = firstGeneration ? `19${input.slice(6, 12)}` : input.slice(6, 14);
  const issues: Issue[] = [];
  const dateProblem = checkBirthDate(datePart, latest, 7);
  if (dateProblem !== null) issues.push(dateProblem);

  let value = input;
  let upgraded: string | undefined;
  if (firstGeneration) {
    const first17 = `${input.slice(0, 6)}19${input.slice(6)}`;
    upgraded = first17 + (CHECK_CHARACTERS[checkIndex(first17)] as string);
  } else {
    const expected = CHECK_CHARACTERS.charCodeAt(checkIndex(input));
    let actual = input.charCodeAt(17);
    if (actual === 120) {
      actual = 88;
      value = `${input.slice(0, 17)}X`;
    }
    if (actual !== expected) {
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
  }
  if (issues.length > 0) return failure(issues);

  const divisionCode = input.slice(0, 6);
  const sexDigit = input.charCodeAt(firstGeneration ? 14 : 16) - 48;
  const data: IdNumber = {
    value,
    divisionCode,
    birthDate: `${datePart.slice(0, 4)}-${datePart.slice(4, 6)}-${datePart.slice(6, 8)}`,
    sex: sexDigit % 2 === 1 ? 'male' : 'female',
    ...(upgraded === undefined ? {} : { upgraded }),
  };
  if (options.divisionCodes !== undefined && !options.divisionCodes.has(divisionCode)) {
    return success(data, [
      createIssue(
        'unknown_division',
        { zh: '地址码不在所给的区划代码中', en: 'The address code is not among the given division codes' },
        { severity: 'warning', position: 1 },
      ),
    ]);
  }
  return success(data);
}

/**
 * Converts a 15-digit first-generation ID number into its 18-character form: inserts `19` before the
 * two-digit year and appends the check character. The number is validated first (format and date).
 *
 * @param id15 - a 15-digit ID number
 * @returns the 18-character number, or the issues of the 15-digit one
 *
 * @example
 * ```ts
 * import { upgradeIdNumber } from 'shequ';
 * upgradeIdNumber('110105491231002');
 * //=> { success: true, data: '110105194912310023' }
 * ```
 */
export function upgradeIdNumber(id15: unknown): Result<string> {
  if (typeof id15 === 'string' && id15.length !== 15) {
    return failure([
      formatIssue(
        `一代身份证号码应为 15 位，实际为 ${id15.length} 个字符`,
        `A first-generation ID number has 15 digits; this one has ${id15.length} characters`,
      ),
    ]);
  }
  const validated = validateIdNumber(id15);
  if (!validated.success) return validated;
  return success(validated.data.upgraded as string);
}

/**
 * Options of {@link maskIdNumber}.
 *
 * @example
 * ```ts
 * import type { MaskIdNumberOptions } from 'shequ';
 * const options: MaskIdNumberOptions = { keepStart: 3, keepEnd: 2, maskCharacter: '•' };
 * ```
 */
export interface MaskIdNumberOptions {
  /** Characters kept at the start. Default 6 (the address code). */
  readonly keepStart?: number;
  /**
   * Characters kept at the end. Default 4 — 3 for a 15-character number of the first generation and for a
   * 17-character one (an 18-character number without its check character), whose fourth character from the end is
   * the last digit of the birth date.
   */
  readonly keepEnd?: number;
  /** The character shown instead of each hidden one: one character (code point), else `'*'`. Default `'*'`. */
  readonly maskCharacter?: string;
}

function wholeNonNegative(n: unknown, fallback: number): number {
  return typeof n !== 'number' || !Number.isFinite(n) || n < 0 ? fallback : Math.floor(n);
}

/**
 * Masks an ID number (or any personal code) for display: keeps `keepStart` characters at the start and `keepEnd`
 * at the end, and replaces each other character by `maskCharacter`. When the input is too short to hide anything
 * that way, every character is masked, so no more than asked is ever revealed. A non-string gives `''`. Never
 * throws: options of the wrong type fall back to the defaults, and options that cannot be read mask everything.
 *
 * @param input - the number to mask
 * @param options - how much to keep
 * @returns the masked string, as long as the input
 *
 * @example
 * ```ts
 * import { maskIdNumber } from 'shequ';
 * maskIdNumber('11010519491231002X');
 * //=> '110105********002X'
 * maskIdNumber('11010519491231002X', { keepStart: 0, keepEnd: 1 });
 * //=> '*****************X'
 * maskIdNumber('110105491231002');
 * //=> '110105******002'
 * ```
 */
export function maskIdNumber(input: unknown, options: MaskIdNumberOptions = {}): string {
  if (typeof input !== 'string') return '';
  const characters = Array.from(input);
  // Options that cannot be read (a throwing getter) hide everything: never reveal more than asked.
  return guardedValue(
    () => maskCharacters(characters, options),
    () => '*'.repeat(characters.length),
  );
}

/** One character (code point) to mask with: anything else (an array, '', '**') falls back to `'*'`. */
function maskCharacterOf(value: unknown): string {
  return typeof value === 'string' && Array.from(value).length === 1 ? value : '*';
}

function maskCharacters(characters: readonly string[], options: MaskIdNumberOptions): string {
  const o = options !== null && typeof options === 'object' ? options : {};
  const keepStart = wholeNonNegative(o.keepStart, 6);
  // 15 characters (YYMMDD) or 17 (an 18-character number without its check character): the fourth from the end is
  // the birth date's last digit.
  const keepEnd = wholeNonNegative(o.keepEnd, characters.length === 15 || characters.length === 17 ? 3 : 4);
  const mask = maskCharacterOf(o.maskCharacter);
  if (keepStart + keepEnd >= characters.length) return mask.repeat(characters.length);
  const hidden = characters.length - keepStart - keepEnd;
  return (
    characters.slice(0, keepStart).join('') +
    mask.repeat(hidden) +
    characters.slice(characters.length - keepEnd).join('')
  );
}
