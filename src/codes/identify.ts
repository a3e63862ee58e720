import type { Result } from '../core/result.js';
import { validateCreditCode } from './credit-code.js';
import { parseDivisionCode } from './division-code.js';
import { validateIdNumber } from './id-number.js';
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
 * Reads a code in every system whose shape it has, valid readings first: 2/4/6/9/12 digits → division code,
 * 3 digits → 城乡分类代码, 15 digits → first-generation ID number, 18 characters → ID number and credit code
 * (an all-digit 18-character string can be either). A string of no known shape, or a non-string, gives `[]`.
 *
 * @param input - the code
 * @returns the readings, valid first
 *
 * @example
 * ```ts
 * import { identifyCode } from 'shequ';
 * identifyCode('914403001922038216').map((reading) => [reading.system, reading.result.success]);
 * //=> [['creditCode', true], ['idNumber', false]]
 * ```
 */
export function identifyCode(input: string): CodeReading[] {
  const readings: CodeReading[] = [];
  if (typeof input !== 'string') return readings; // a non-string has no shape (never a TypeError)
  switch (input.length) {
    case 2:
    case 4:
    case 6:
    case 9:
    case 12:
      readings.push({ system: 'divisionCode', result: parseDivisionCode(input) });
      break;
    case 3:
      readings.push({ system: 'urbanRuralCode', result: parseUrbanRuralCode(input) });
      break;
    case 15:
      readings.push({ system: 'idNumber', result: validateIdNumber(input) });
      break;
    case 18:
      readings.push({ system: 'idNumber', result: validateIdNumber(input) });
      readings.push({ system: 'creditCode', result: validateCreditCode(input) });
      break;
  }
  return readings.sort((a, b) => Number(b.result.success) - Number(a.result.success));
}
