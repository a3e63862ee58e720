/**
 * The 十四五 indicators of the community service plans: definitions, computation, roll-up and progress.
 *
 * @packageDocumentation
 */
export { PLAN_PERIOD } from './plan-period.js';
