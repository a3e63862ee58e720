import { createIssue, type LocalizedText } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { notAStringIssue } from './shared.js';

/**
 * A parsed 城乡分类代码 (urban-rural classification code, 国函〔2008〕60号).
 *
 * @example
 * ```ts
 * import type { UrbanRuralCode } from 'shequ';
 * const code: UrbanRuralCode = { code: '220', name: { zh: '村庄', en: 'village' }, urban: false };
 * ```
 */
export interface UrbanRuralCode {
  /** The three digits. */
  readonly code: string;
  /** The class's name. */
  readonly name: LocalizedText;
  /** `true` for 城镇 (1xx), `false` for 乡村 (2xx). */
  readonly urban: boolean;
}

/**
 * One of the seven 城乡分类代码: `'111'`, `'112'`, `'121'`, `'122'`, `'123'` (城镇) and `'210'`, `'220'` (乡村).
 *
 * @example
 * ```ts
 * import type { UrbanRuralCodeValue } from 'shequ';
 * const code: UrbanRuralCodeValue = '220';
 * ```
 */
export type UrbanRuralCodeValue = '111' | '112' | '121' | '122' | '123' | '210' | '220';

/**
 * The seven 城乡分类代码. It classifies territory, not the committee: a 村委会 can be 111 and a 居委会 can be 220.
 *
 * @example
 * ```ts
 * import { URBAN_RURAL_CODES } from 'shequ';
 * URBAN_RURAL_CODES['111'].name.zh;
 * //=> '主城区'
 * ```
 */
export const URBAN_RURAL_CODES: Readonly<Record<UrbanRuralCodeValue, UrbanRuralCode>> = {
  '111': { code: '111', name: { zh: '主城区', en: 'main urban area' }, urban: true },
  '112': { code: '112', name: { zh: '城乡结合区', en: 'urban-rural fringe' }, urban: true },
  '121': { code: '121', name: { zh: '镇中心区', en: 'town centre' }, urban: true },
  '122': { code: '122', name: { zh: '镇乡结合区', en: 'town-rural fringe' }, urban: true },
  '123': { code: '123', name: { zh: '特殊区域', en: 'special area' }, urban: true },
  '210': { code: '210', name: { zh: '乡中心区', en: 'township centre' }, urban: false },
  '220': { code: '220', name: { zh: '村庄', en: 'village' }, urban: false },
};

const KNOWN: ReadonlyMap<string, UrbanRuralCode> = new Map(Object.entries(URBAN_RURAL_CODES));

/**
 * Parses a 城乡分类代码: one of 111, 112, 121, 122, 123 (城镇) and 210, 220 (乡村).
 *
 * @param input - the three-digit code
 * @returns the code with its name and whether it is urban, or an `invalid_type` / `invalid_format` issue
 *
 * @example
 * ```ts
 * import { parseUrbanRuralCode } from 'shequ';
 * parseUrbanRuralCode('121');
 * //=> { success: true, data: { code: '121', name: { zh: '镇中心区', en: 'town centre' }, urban: true } }
 * parseUrbanRuralCode('130').success;
 * //=> false
 * ```
 */
export function parseUrbanRuralCode(input: unknown): Result<UrbanRuralCode> {
  if (typeof input !== 'string')
    return failure([notAStringIssue({ zh: '城乡分类代码', en: 'An urban-rural code' }, input)]);
  const known = KNOWN.get(input);
  if (known !== undefined) return success(known);
  return failure([
    createIssue('invalid_format', {
      zh: '城乡分类代码应为 111、112、121、122、123、210 或 220',
      en: 'An urban-rural code is one of 111, 112, 121, 122, 123, 210 and 220',
    }),
  ]);
}
