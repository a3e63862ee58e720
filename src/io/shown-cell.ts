import { maskIdNumber } from '../codes/id-number.js';
import { maskIdNumbersInText } from '../core/mask.js';

/**
 * A cell as an issue or a rejected row may show it: a cell that is exactly an ID number is trimmed and masked as
 * `maskIdNumber` does (as before); any other ID-shaped run inside a cell — full-width, spaced, prefixed, in a name —
 * is masked by `maskIdNumbersInText`.
 */
export const SHOWN = (value: string) =>
  /^\d{15}$|^\d{17}[\dXx]$/.test(value.trim()) ? maskIdNumber(value.trim()) : maskIdNumbersInText(value);
