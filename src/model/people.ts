import * as z from 'zod';
import { maskIdNumber } from '../codes/id-number.js';
import { idNumberSchema } from '../codes/schemas.js';
import type { LocalizedText } from '../core/issue.js';
import { treeShakable } from '../core/tree-shakable.js';
import { enumOf } from './labelled-enum.js';
import { isoDateSchema } from './primitives.js';

// Plain derivations without zod live in unit-derive.ts (the indicator path imports them, issue 13's start-up).
export { isCommunityWorker } from './unit-derive.js';

/**
 * Roles of people working in a 社区（村） (seed 000 三(八), 三(十), 六(十八); seed 002 三(五)).
 *
 * @example
 * ```ts
 * import type { WorkerRole } from 'shequ';
 * const role: WorkerRole = 'gridWorker';
 * ```
 */
export type WorkerRole =
  | 'communityWorker'
  | 'committeeMember'
  | 'stationStaff'
  | 'socialWorker'
  | 'gridWorker'
  | 'buildingLeader'
  | 'groupLeader'
  | 'disasterOfficer'
  | 'employmentSpecialist'
  | 'socialManagementSpecialist'
  | 'communityPolice'
  | 'legalAdviser'
  | 'firefighter'
  | 'mediator';

/**
 * Labels of each {@link WorkerRole}.
 *
 * @example
 * ```ts
 * import { WORKER_ROLE_LABELS } from 'shequ';
 * WORKER_ROLE_LABELS.disasterOfficer.zh;
 * //=> '灾害信息员'
 * ```
 */
export const WORKER_ROLE_LABELS: Readonly<Record<WorkerRole, LocalizedText>> = {
  communityWorker: { zh: '社区工作者', en: 'community worker' },
  committeeMember: { zh: '社区（村）"两委"成员', en: 'member of the two committees' },
  stationStaff: { zh: '社区服务站专职工作者', en: 'full-time service station staff' },
  socialWorker: { zh: '社会工作者', en: 'social worker' },
  gridWorker: { zh: '网格员', en: 'grid worker' },
  buildingLeader: { zh: '楼门（栋）长', en: 'building leader' },
  groupLeader: { zh: '村（居）民小组长', en: "residents' or villagers' group leader" },
  disasterOfficer: { zh: '灾害信息员', en: 'disaster information officer' },
  employmentSpecialist: { zh: '就业服务专员', en: 'employment service specialist' },
  socialManagementSpecialist: { zh: '社会化管理服务专员', en: 'social management service specialist' },
  communityPolice: { zh: '社区民警', en: 'community police officer' },
  legalAdviser: { zh: '村（社区）法律顾问', en: 'legal adviser' },
  firefighter: { zh: '群众消防员', en: 'volunteer firefighter' },
  mediator: { zh: '群众调解员', en: 'community mediator' },
};

/**
 * How a worker is employed. The 社区工作者 scope counts `fullTime` only: 公益性岗位 (`publicWelfarePost`) and
 * 政府临聘人员 (`temporary`) are excluded (indicators.md).
 *
 * @example
 * ```ts
 * import type { Employment } from 'shequ';
 * const employment: Employment = 'publicWelfarePost';
 * ```
 */
export type Employment = 'fullTime' | 'partTime' | 'publicWelfarePost' | 'temporary';

/**
 * Labels of each {@link Employment}.
 *
 * @example
 * ```ts
 * import { EMPLOYMENT_LABELS } from 'shequ';
 * EMPLOYMENT_LABELS.temporary.zh;
 * //=> '政府临聘人员'
 * ```
 */
export const EMPLOYMENT_LABELS: Readonly<Record<Employment, LocalizedText>> = {
  fullTime: { zh: '专职', en: 'full-time' },
  partTime: { zh: '兼职', en: 'part-time' },
  publicWelfarePost: { zh: '公益性岗位', en: 'public-welfare post' },
  temporary: { zh: '政府临聘人员', en: 'temporary government hire' },
};

/**
 * 社会工作者职业水平证书 levels.
 *
 * @example
 * ```ts
 * import type { SocialWorkCertificate } from 'shequ';
 * const certificate: SocialWorkCertificate = 'intermediate';
 * ```
 */
export type SocialWorkCertificate = 'assistant' | 'intermediate' | 'senior';

/**
 * Labels of each {@link SocialWorkCertificate}.
 *
 * @example
 * ```ts
 * import { SOCIAL_WORK_CERTIFICATE_LABELS } from 'shequ';
 * SOCIAL_WORK_CERTIFICATE_LABELS.assistant.zh;
 * //=> '助理社会工作师'
 * ```
 */
export const SOCIAL_WORK_CERTIFICATE_LABELS: Readonly<Record<SocialWorkCertificate, LocalizedText>> = {
  assistant: { zh: '助理社会工作师', en: 'assistant social worker' },
  intermediate: { zh: '社会工作师', en: 'social worker' },
  senior: { zh: '高级社会工作师', en: 'senior social worker' },
};

/**
 * A training a worker attended.
 *
 * @example
 * ```ts
 * import type { Training } from 'shequ';
 * const training: Training = { title: '社区工作者岗位培训', date: '2025-05-20', hours: 16 };
 * ```
 */
export interface Training {
  /** What it was. */
  readonly title: string;
  /** When, `'YYYY-MM-DD'`. */
  readonly date?: string;
  /** Hours. */
  readonly hours?: number;
}

/**
 * A person working in a unit. The ID number is validated (GB 11643) and never shown in full by the library:
 * use {@link maskPerson} before display or export.
 *
 * @example
 * ```ts
 * import type { Worker } from 'shequ';
 * const worker: Worker = { name: '张三', roles: ['communityWorker', 'gridWorker'], employment: 'fullTime' };
 * ```
 */
export interface Worker {
  /** Name. */
  readonly name?: string;
  /** 公民身份号码. */
  readonly idNumber?: string;
  /** Roles held (at least one). */
  readonly roles: readonly WorkerRole[];
  /** How the person is employed. */
  readonly employment?: Employment;
  /** 社会工作者 certificate, if any. */
  readonly socialWorkCertificate?: SocialWorkCertificate;
  /** Trainings attended. */
  readonly trainings?: readonly Training[];
}

const trainingSchema = /* @__PURE__ */ treeShakable(() =>
  z.strictObject({
    title: z.string(),
    date: isoDateSchema.exactOptional(),
    hours: z.number().nonnegative().exactOptional(),
  }),
);

/**
 * zod schema of a {@link Worker}.
 *
 * @example
 * ```ts
 * import { workerSchema } from 'shequ';
 * workerSchema.safeParse({ roles: ['disasterOfficer'], idNumber: '11010519491231002X' }).success;
 * //=> true
 * ```
 */
export const workerSchema: z.ZodType<Worker> = /* @__PURE__ */ treeShakable(() =>
  z.strictObject({
    name: z.string().exactOptional(),
    idNumber: idNumberSchema.exactOptional(),
    roles: z.array(enumOf(WORKER_ROLE_LABELS)).min(1),
    employment: enumOf(EMPLOYMENT_LABELS).exactOptional(),
    socialWorkCertificate: enumOf(SOCIAL_WORK_CERTIFICATE_LABELS).exactOptional(),
    trainings: z.array(trainingSchema).exactOptional(),
  }),
);

/**
 * A 社区志愿者 with registered service hours (seed 002 三(五)1).
 *
 * @example
 * ```ts
 * import type { Volunteer } from 'shequ';
 * const volunteer: Volunteer = { name: '李四', registered: true, serviceHours: 120.5 };
 * ```
 */
export interface Volunteer {
  /** Name. */
  readonly name?: string;
  /** 公民身份号码. */
  readonly idNumber?: string;
  /** Registered (实名注册). */
  readonly registered?: boolean;
  /** Registered service hours. */
  readonly serviceHours?: number;
}

/**
 * zod schema of a {@link Volunteer}.
 *
 * @example
 * ```ts
 * import { volunteerSchema } from 'shequ';
 * volunteerSchema.safeParse({ registered: true, serviceHours: -1 }).success;
 * //=> false
 * ```
 */
export const volunteerSchema: z.ZodType<Volunteer> = /* @__PURE__ */ treeShakable(() =>
  z.strictObject({
    name: z.string().exactOptional(),
    idNumber: idNumberSchema.exactOptional(),
    registered: z.boolean().exactOptional(),
    serviceHours: z.number().nonnegative().exactOptional(),
  }),
);

/**
 * Returns a copy of a person record whose ID number is masked (`110105********002X`), for display and export.
 *
 * @param person - a worker, volunteer or committee member
 * @returns the same record with `idNumber` masked
 *
 * @example
 * ```ts
 * import { maskPerson } from 'shequ';
 * maskPerson({ name: '张三', idNumber: '11010519491231002X', roles: ['gridWorker'] }).idNumber;
 * //=> '110105********002X'
 * ```
 */
export function maskPerson<
  Person extends {
    /** The ID number to mask. */
    readonly idNumber?: string;
  },
>(person: Person): Person {
  return person.idNumber === undefined ? person : { ...person, idNumber: maskIdNumber(person.idNumber) };
}
