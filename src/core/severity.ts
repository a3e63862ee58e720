import type { Severity } from './issue.js';

/**
 * Severities from least to most serious.
 *
 * @example
 * ```ts
 * import { SEVERITIES } from 'shequ';
 * SEVERITIES.at(-1);
 * //=> 'error'
 * ```
 */
export const SEVERITIES = ['info', 'warning', 'error'] as const satisfies readonly Severity[];

/**
 * Whether `severity` is at least as serious as `threshold`, e.g. for a `--fail-on warning` switch.
 *
 * @param severity - the severity of a finding
 * @param threshold - the least severity that counts
 * @returns `true` when `severity` ≥ `threshold`
 *
 * @example
 * ```ts
 * import { isAtLeastSeverity } from 'shequ';
 * isAtLeastSeverity('error', 'warning');
 * //=> true
 * isAtLeastSeverity('info', 'warning');
 * //=> false
 * ```
 */
export function isAtLeastSeverity(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(threshold);
}
