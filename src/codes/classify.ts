import type { Issue } from '../core/issue.js';
import { maskIdNumbersInText } from '../core/mask.js';
import { failure, type Result } from '../core/result.js';
import { maskIdNumber } from './id-number.js';
import { type CodeSystem, identifyCode } from './identify.js';

/**
 * What {@link classifyCode} says about one code.
 *
 * @example
 * ```ts
 * import { classifyCode, type CodeClassification } from 'shequ';
 * const classification: CodeClassification = classifyCode('914403001922038216');
 * classification.system;
 * //=> 'creditCode'
 * ```
 */
export interface CodeClassification {
  /** The code after normalisation (see {@link normalizeCodeText}). It may be a full ID number: show `display`. */
  readonly code: string;
  /** Whether normalisation changed the input (white space, full-width characters, separators, punctuation). */
  readonly normalized: boolean;
  /** The most likely code system, or `null` when the code has the shape of none. */
  readonly system: CodeSystem | null;
  /** That system's result alone: its data, or its reasons without duplicates. `null` when `system` is. */
  readonly result: Result<unknown> | null;
  /** The other systems the shape allows, likelier first. */
  readonly alternatives: readonly CodeSystem[];
  /** The code as it may be shown: an ID number masked (`110105********002X`), any other code in full. */
  readonly display: string;
}

/** Separators inside a written code: white space (incl. U+3000, zero-width), hyphens, dashes, dots, underscores, slashes. */
const SEPARATORS = /[\s\u200b-\u200d\u2060\ufeff\-\u2010-\u2015\u2212.\u00b7\u30fb_/\\]/g;
/** Leading and trailing characters that are neither letters nor digits (`,` `。` quotes, brackets …). */
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/**
 * Normalises a code as typed or pasted: full-width characters become ASCII (`１１０１`, `Ｘ`), separators inside
 * are removed (white space incl. U+3000 and zero-width characters, hyphens and dashes, dots, underscores,
 * slashes), and punctuation at either end is dropped (`11010519491231002X,`). Letters keep their case. A
 * non-string gives `''`.
 *
 * @param input - a code as typed
 * @returns the code without decoration
 *
 * @example
 * ```ts
 * import { normalizeCodeText } from 'shequ';
 * normalizeCodeText(' １３０１２３-１００２０１，');
 * //=> '130123100201'
 * ```
 */
export function normalizeCodeText(input: unknown): string {
  if (typeof input !== 'string') return '';
  const ascii = input.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  return ascii.replace(SEPARATORS, '').replace(EDGE_PUNCTUATION, '');
}

function withoutDuplicates(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.code}|${issue.position ?? ''}|${issue.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Says which code system a code most likely belongs to and gives that system's result alone: the input is
 * normalised first ({@link normalizeCodeText}), then read in every system of its shape ({@link identifyCode}); the
 * likeliest reading is chosen by validity, then by structure — an 18-character code with letters beyond a final X,
 * or a registration authority and category and no address code and birth date, is a credit code; an address code
 * and a birth date make an ID number. Only an ID number is masked in `display`. Never throws.
 *
 * @param input - a code as typed
 * @returns the likeliest system, its result, the alternatives and a display form
 *
 * @example
 * ```ts
 * import { classifyCode } from 'shequ';
 * const id = classifyCode(' 110105 19491231 002X');
 * [id.system, id.result?.success, id.normalized, id.display];
 * //=> ['idNumber', true, true, '110105********002X']
 * classifyCode('914403001922038217').system; // a credit code with a wrong check character
 * //=> 'creditCode'
 * classifyCode('abc').system;
 * //=> null
 * ```
 */
export function classifyCode(input: unknown): CodeClassification {
  const code = normalizeCodeText(input);
  const readings = identifyCode(code);
  const best = readings[0];
  let result: Result<unknown> | null = best?.result ?? null;
  if (result !== null && !result.success) result = failure(withoutDuplicates(result.error.issues));
  const system = best?.system ?? null;
  return {
    code,
    normalized: typeof input === 'string' && code !== input,
    system,
    result,
    alternatives: readings.slice(1).map((reading) => reading.system),
    display: system === 'idNumber' ? maskIdNumbersInText(maskIdNumber(code)) : maskIdNumbersInText(code),
  };
}
