import * as z from 'zod';
import { idNumberSchema } from '../codes/schemas.js';
import type { LocalizedText } from '../core/issue.js';
import { treeShakable } from '../core/tree-shakable.js';
import { enumOf } from './labelled-enum.js';
import { isoDateSchema } from './primitives.js';

// Plain derivations without zod live in unit-derive.ts (the indicator path imports them, issue 13's start-up).
export { committeeSize, secretaryIsDirector } from './unit-derive.js';

/**
 * Roles in the "两委": the Party committee (党组织) and the residents' or villagers' committee (居/村委会).
 *
 * @example
 * ```ts
 * import type { CommitteeRole } from 'shequ';
 * const role: CommitteeRole = 'director';
 * ```
 */
export type CommitteeRole =
  | 'partySecretary'
  | 'deputyPartySecretary'
  | 'partyCommitteeMember'
  | 'director'
  | 'deputyDirector'
  | 'committeeMember';

/**
 * Labels of each {@link CommitteeRole}.
 *
 * @example
 * ```ts
 * import { COMMITTEE_ROLE_LABELS } from 'shequ';
 * COMMITTEE_ROLE_LABELS.director.zh;
 * //=> '主任'
 * ```
 */
export const COMMITTEE_ROLE_LABELS: Readonly<Record<CommitteeRole, LocalizedText>> = {
  partySecretary: { zh: '党组织书记', en: 'Party secretary' },
  deputyPartySecretary: { zh: '党组织副书记', en: 'deputy Party secretary' },
  partyCommitteeMember: { zh: '党组织委员', en: 'Party committee member' },
  director: { zh: '主任', en: 'director' },
  deputyDirector: { zh: '副主任', en: 'deputy director' },
  committeeMember: { zh: '委员', en: 'committee member' },
};

/**
 * Status of a member's 资格联审 (joint qualification review; seed 000 六(十七), seed 002 三(五)1).
 *
 * @example
 * ```ts
 * import type { QualificationReview } from 'shequ';
 * const review: QualificationReview = 'passed';
 * ```
 */
export type QualificationReview = 'passed' | 'failed' | 'pending';

/**
 * Labels of each {@link QualificationReview}.
 *
 * @example
 * ```ts
 * import { QUALIFICATION_REVIEW_LABELS } from 'shequ';
 * QUALIFICATION_REVIEW_LABELS.pending.zh;
 * //=> '待审查'
 * ```
 */
export const QUALIFICATION_REVIEW_LABELS: Readonly<Record<QualificationReview, LocalizedText>> = {
  passed: { zh: '已通过', en: 'passed' },
  failed: { zh: '未通过', en: 'failed' },
  pending: { zh: '待审查', en: 'pending' },
};

/**
 * A member of the "两委". One person may hold roles in both committees ("交叉任职"; "一人兼" when the Party
 * secretary is also the director).
 *
 * @example
 * ```ts
 * import type { CommitteeMember } from 'shequ';
 * const member: CommitteeMember = { name: '王五', roles: ['partySecretary', 'director'], qualificationReview: 'passed' };
 * ```
 */
export interface CommitteeMember {
  /** Name. */
  readonly name?: string;
  /** 公民身份号码. */
  readonly idNumber?: string;
  /** Roles held (at least one). */
  readonly roles: readonly CommitteeRole[];
  /** 资格联审 status. */
  readonly qualificationReview?: QualificationReview;
  /** In the 党组织书记后备人才库. */
  readonly reserveTalent?: boolean;
}

/**
 * The "两委" of a unit: its members and the date of the last election (换届).
 *
 * @example
 * ```ts
 * import type { TwoCommittees } from 'shequ';
 * const committees: TwoCommittees = { electionDate: '2021-05-20', members: [{ roles: ['partySecretary', 'director'] }] };
 * ```
 */
export interface TwoCommittees {
  /** Date of the last election, `'YYYY-MM-DD'`. */
  readonly electionDate?: string;
  /** The members. */
  readonly members: readonly CommitteeMember[];
}

/**
 * zod schema of {@link TwoCommittees}.
 *
 * @example
 * ```ts
 * import { twoCommitteesSchema } from 'shequ';
 * twoCommitteesSchema.safeParse({ electionDate: '2021-05-20', members: [] }).success;
 * //=> true
 * ```
 */
export const twoCommitteesSchema: z.ZodType<TwoCommittees> = /* @__PURE__ */ treeShakable(() =>
  z.strictObject({
    electionDate: isoDateSchema.exactOptional(),
    members: z.array(
      z.strictObject({
        name: z.string().exactOptional(),
        idNumber: idNumberSchema.exactOptional(),
        roles: z.array(enumOf(COMMITTEE_ROLE_LABELS)).min(1),
        qualificationReview: enumOf(QUALIFICATION_REVIEW_LABELS).exactOptional(),
        reserveTalent: z.boolean().exactOptional(),
      }),
    ),
  }),
);
