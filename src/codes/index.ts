/**
 * Chinese code systems: 统计用区划代码 (division codes), 城乡分类代码, 公民身份号码 (GB 11643),
 * 统一社会信用代码 (GB 32100) and the organisation code inside it (GB 11714).
 *
 * @example
 * ```ts
 * import { parseDivisionCode, validateCreditCode, maskIdNumber } from 'shequ/codes';
 * parseDivisionCode('130102001001').data?.level;
 * //=> 'village'
 * validateCreditCode('91440300192203821A').success;
 * //=> false (invalid_checksum)
 * maskIdNumber('11010519491231002X');
 * //=> '110105********002X'
 * ```
 *
 * @module shequ/codes
 */

export type { CodeClassification } from './classify.js';
export { classifyCode, normalizeCodeText } from './classify.js';
export type { CreditCode, ValidateCreditCodeOptions } from './credit-code.js';
export { creditCodeCheckCharacter, validateCreditCode } from './credit-code.js';
export type { CreditCodeCategoryEntry } from './credit-code-categories.js';
export { CREDIT_CODE_CATEGORIES } from './credit-code-categories.js';
export type {
  DivisionCode,
  DivisionLevel,
  DivisionSegments,
  TownshipKind,
  VillageKind,
} from './division-code.js';
export {
  DIVISION_LEVELS,
  divisionAncestors,
  divisionAtLevel,
  isWithinDivision,
  parseDivisionCode,
  townshipKindOf,
  villageKindOf,
} from './division-code.js';
export type { DivisionDataset, DivisionDatasetInfo, DivisionRecord } from './division-dataset.js';
export { createDivisionDataset } from './division-dataset.js';
export type { DivisionMatch } from './division-lookup.js';
export { lookupDivision } from './division-lookup.js';
export type { CodeSet, IdNumber, MaskIdNumberOptions, ValidateIdNumberOptions } from './id-number.js';
export { idNumberCheckCharacter, maskIdNumber, upgradeIdNumber, validateIdNumber } from './id-number.js';
export type { CodeReading, CodeSystem } from './identify.js';
export { identifyCode } from './identify.js';
export type { MaskIdNumbersInTextOptions } from './mask-text.js';
export { maskIdNumbersInText } from './mask-text.js';
export { organizationCodeCheckCharacter } from './organization-code.js';
export { creditCodeSchema, divisionCodeSchema, idNumberSchema } from './schemas.js';
export { isProvinceCode } from './shared.js';
export type { UrbanRuralCode, UrbanRuralCodeValue } from './urban-rural-code.js';
export { parseUrbanRuralCode, URBAN_RURAL_CODES } from './urban-rural-code.js';
