/**
 * Masking of ID numbers inside any text. The detector lives in core, so that every issue the library creates is
 * masked where it is made; this module is its place in `shequ/codes`.
 */
export type { MaskIdNumbersInTextOptions } from '../core/mask.js';
export { maskIdNumbersInText } from '../core/mask.js';
