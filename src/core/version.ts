declare const __SHEQU_VERSION__: string;

/**
 * The version of this build of shequ.
 *
 * @example
 * ```ts
 * import { VERSION } from 'shequ';
 * typeof VERSION;
 * //=> 'string'
 * ```
 */
export const VERSION: string = typeof __SHEQU_VERSION__ === 'string' ? __SHEQU_VERSION__ : '0.0.0-dev';
