import type { Result } from '../core/result.js';
import { validateCreditCode } from './credit-code.js';
import { CREDIT_CODE_CATEGORIES } from './credit-code-categories.js';
import { parseDivisionCode } from './division-code.js';
import { validateIdNumber } from './id-number.js';
import { allDigits, isIdNumberProvince, isProvinceCode } from './shared.js';
import { parseUrbanRuralCode } from './urban-rural-code.js';

/**
 * The code systems {@link identifyCode} knows.
 *
 * @example
 * ```ts
 * import type { CodeSystem } from 'shequ';
 * const system: CodeSystem = 'creditCode';
 * ```
 */
export type CodeSystem = 'divisionCode' | 'urbanRuralCode' | 'idNumber' | 'creditCode';

/**
 * One reading of a code by {@link identifyCode}: the system tried and that system's result.
 *
 * @example
 * ```ts
 * import { identifyCode, type CodeReading } from 'shequ';
 * const [reading]: CodeReading[] = identifyCode('110105');
 * reading?.system;
 * //=> 'divisionCode'
 * ```
 */
export interface CodeReading {
  /** The code system tried. */
  readonly system: CodeSystem;
  /** What that system's validator answered. */
  readonly result: Result<unknown>;
}

/**
 * Reads a code in every system whose shape it has, valid readings first, then the most likely (see
 * {@link classifyCode}): 2/4/6/9/12 digits → division code, 3 digits → 城乡分类代码, 15 characters →
 * first-generation ID number, 18 characters → ID number and credit code (an all-digit 18-character string can be
 * either). A string of no known shape, a short string that is not all digits, or a non-string gives `[]`.
 *
 * @param input - the code
 * @returns the readings, valid first, then the most likely
 *
 * @example
 * ```ts
 * import { identifyCode } from 'shequ';
 * identifyCode('914403001922038216').map((reading) => [reading.system, reading.result.success]);
 * //=> [['creditCode', true], ['idNumber', false]]
 * identifyCode('abc');
 * //=> []
 * ```
 */
export function identifyCode(input: unknown): CodeReading[] {
  if (typeof input !== 'string') return [];
  const readings: CodeReading[] = [];
  switch (input.length) {
    case 2:
    case 4:
    case 6:
    case 9:
    case 12:
      if (allDigits(input)) readings.push({ system: 'divisionCode', result: parseDivisionCode(input) });
      break;
    case 3:
      if (allDigits(input)) readings.push({ system: 'urbanRuralCode', result: parseUrbanRuralCode(input) });
      break;
    case 15:
      readings.push({ system: 'idNumber', result: validateIdNumber(input) });
      break;
    case 18: {
      const id: CodeReading = { system: 'idNumber', result: validateIdNumber(input) };
      const credit: CodeReading = { system: 'creditCode', result: validateCreditCode(input) };
      if (likelierCreditCode(input, id.result.success, credit.result.success)) readings.push(credit, id);
      else readings.push(id, credit);
      break;
    }
  }
  return readings.sort((a, b) => Number(b.result.success) - Number(a.result.success));
}

/** True when `yyyymmdd` at `at` is a calendar-plausible birth date of 1800–2099 (month 1–12, day 1–31). */
function plausibleBirthDate(code: string, at: number): boolean {
  if (!allDigits(code, at, at + 8)) return false;
  const century = code.slice(at, at + 2);
  const month = Number(code.slice(at + 4, at + 6));
  const day = Number(code.slice(at + 6, at + 8));
  return (
    (century === '18' || century === '19' || century === '20') &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31
  );
}

/**
 * Which reading of an 18-character code is the likelier, by structure: a valid reading wins; otherwise each kind
 * scores what it has of its structure — an ID number a province address code and a birth date; a credit code its
 * alphabet, a known authority and category, a province in its division code, and letters an ID number cannot hold
 * (anything but a final X). A tie goes to the ID number, which is then masked: the safer mistake.
 */
function likelierCreditCode(code: string, idValid: boolean, creditValid: boolean): boolean {
  if (idValid !== creditValid) return creditValid;
  if (idValid) return false;
  const idScore =
    (allDigits(code, 0, 17) ? 1 : 0) +
    (isIdNumberProvince(code.slice(0, 2)) ? 1 : 0) +
    (plausibleBirthDate(code, 6) ? 1 : 0);
  const upper = code.toUpperCase();
  const letterBeyondX = /[A-WYZ]/.test(upper.slice(0, 17)) || /[A-WYZ]/.test(upper.slice(17));
  const creditScore =
    (/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(upper) ? 1 : 0) +
    (Object.hasOwn(CREDIT_CODE_CATEGORIES, upper.slice(0, 2)) ? 1 : 0) +
    (allDigits(code, 2, 8) && isProvinceCode(code.slice(2, 4)) ? 1 : 0) +
    (letterBeyondX ? 5 : 0);
  return creditScore > idScore;
}
