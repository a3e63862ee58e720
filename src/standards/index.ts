/**
 * Standards validation: rules from the plans, the committee laws and the code standards.
 *
 * @packageDocumentation
 */

export type { CommitteeLawVersion } from './committee-law.js';
export { RESIDENTS_COMMITTEE_LAW } from './committee-law.js';
