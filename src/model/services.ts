import * as z from 'zod';
import type { LocalizedText } from '../core/issue.js';
import { treeShakable } from '../core/tree-shakable.js';
import { enumOf } from './labelled-enum.js';
import { countSchema, isoDateSchema, notAbove } from './primitives.js';

/**
 * The three kinds of community service defined by both plans: 公共服务, 便民利民服务, 志愿服务.
 *
 * @example
 * ```ts
 * import type { ServiceCategory } from 'shequ';
 * const category: ServiceCategory = 'convenience';
 * ```
 */
export type ServiceCategory = 'public' | 'convenience' | 'volunteer';

/**
 * Labels of each {@link ServiceCategory}.
 *
 * @example
 * ```ts
 * import { SERVICE_CATEGORY_LABELS } from 'shequ';
 * SERVICE_CATEGORY_LABELS.public.zh;
 * //=> '公共服务'
 * ```
 */
export const SERVICE_CATEGORY_LABELS: Readonly<Record<ServiceCategory, LocalizedText>> = {
  public: { zh: '公共服务', en: 'public service' },
  convenience: { zh: '便民利民服务', en: 'convenience service' },
  volunteer: { zh: '志愿服务', en: 'volunteer service' },
};

/**
 * Beijing's grouping of service supply (seed 000 三(八)–(十)): 为民 (public), 便民 (convenience), 安民 (safety).
 *
 * @example
 * ```ts
 * import type { ServiceGroup } from 'shequ';
 * const group: ServiceGroup = 'safety';
 * ```
 */
export type ServiceGroup = 'forThePeople' | 'convenience' | 'safety';

/**
 * Labels of each {@link ServiceGroup}.
 *
 * @example
 * ```ts
 * import { SERVICE_GROUP_LABELS } from 'shequ';
 * SERVICE_GROUP_LABELS.safety.zh;
 * //=> '安民'
 * ```
 */
export const SERVICE_GROUP_LABELS: Readonly<Record<ServiceGroup, LocalizedText>> = {
  forThePeople: { zh: '为民', en: 'for the people' },
  convenience: { zh: '便民', en: 'convenience' },
  safety: { zh: '安民', en: 'safety' },
};

/**
 * A service item a unit offers.
 *
 * @example
 * ```ts
 * import type { ServiceItem } from 'shequ';
 * const item: ServiceItem = { name: '老年助餐', category: 'public', group: 'forThePeople' };
 * ```
 */
export interface ServiceItem {
  /** Its name. */
  readonly name: string;
  /** 公共服务 / 便民利民服务 / 志愿服务. */
  readonly category: ServiceCategory;
  /** 为民 / 便民 / 安民 (Beijing). */
  readonly group?: ServiceGroup;
  /** Who provides it. */
  readonly provider?: string;
}

/**
 * The five levels of the national 好差评 system of government services.
 *
 * @example
 * ```ts
 * import type { Rating } from 'shequ';
 * const rating: Rating = 'basicallySatisfied';
 * ```
 */
export type Rating =
  | 'verySatisfied'
  | 'satisfied'
  | 'basicallySatisfied'
  | 'dissatisfied'
  | 'veryDissatisfied';

/**
 * Labels of each {@link Rating}.
 *
 * @example
 * ```ts
 * import { RATING_LABELS } from 'shequ';
 * RATING_LABELS.veryDissatisfied.zh;
 * //=> '非常不满意'
 * ```
 */
export const RATING_LABELS: Readonly<Record<Rating, LocalizedText>> = {
  verySatisfied: { zh: '非常满意', en: 'very satisfied' },
  satisfied: { zh: '满意', en: 'satisfied' },
  basicallySatisfied: { zh: '基本满意', en: 'basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'dissatisfied' },
  veryDissatisfied: { zh: '非常不满意', en: 'very dissatisfied' },
};

/**
 * One 好差评 review of a service.
 *
 * @example
 * ```ts
 * import type { ServiceReview } from 'shequ';
 * const review: ServiceReview = { date: '2025-03-02', rating: 'satisfied', service: '居住证办理' };
 * ```
 */
export interface ServiceReview {
  /** The rating. */
  readonly rating: Rating;
  /** When, `'YYYY-MM-DD'`. */
  readonly date?: string;
  /** The service reviewed. */
  readonly service?: string;
}

/**
 * A 群众满意度调查 held in the unit (seed 000 四(十三)).
 *
 * @example
 * ```ts
 * import type { SatisfactionSurvey } from 'shequ';
 * const survey: SatisfactionSurvey = { date: '2025-06-30', respondents: 300, satisfied: 276 };
 * ```
 */
export interface SatisfactionSurvey {
  /** When, `'YYYY-MM-DD'`. */
  readonly date: string;
  /** People asked. */
  readonly respondents?: number;
  /** People satisfied (not above `respondents`). */
  readonly satisfied?: number;
}

/**
 * The 三项清单 (seed 002 专栏 14): 居民需求, 服务资源, 民生项目.
 *
 * @example
 * ```ts
 * import type { ThreeList } from 'shequ';
 * const list: ThreeList = 'residentNeeds';
 * ```
 */
export type ThreeList = 'residentNeeds' | 'serviceResources' | 'livelihoodProjects';

/**
 * Labels of each {@link ThreeList}.
 *
 * @example
 * ```ts
 * import { THREE_LIST_LABELS } from 'shequ';
 * THREE_LIST_LABELS.livelihoodProjects.zh;
 * //=> '民生项目清单'
 * ```
 */
export const THREE_LIST_LABELS: Readonly<Record<ThreeList, LocalizedText>> = {
  residentNeeds: { zh: '居民需求清单', en: "residents' needs" },
  serviceResources: { zh: '服务资源清单', en: 'service resources' },
  livelihoodProjects: { zh: '民生项目清单', en: 'livelihood projects' },
};

/**
 * An entry of one of the 三项清单.
 *
 * @example
 * ```ts
 * import type { ThreeListEntry } from 'shequ';
 * const entry: ThreeListEntry = { list: 'residentNeeds', title: '加装电梯' };
 * ```
 */
export interface ThreeListEntry {
  /** Which list. */
  readonly list: ThreeList;
  /** What it says. */
  readonly title: string;
}

/**
 * The lifecycle of a 政府购买服务 project (seed 000 四(十三), seed 002 三(一)2): 立项 → 经费预算 → 信息发布 →
 * 项目管理 → 绩效评估.
 *
 * @example
 * ```ts
 * import type { ProjectStage } from 'shequ';
 * const stage: ProjectStage = 'evaluation';
 * ```
 */
export type ProjectStage = 'approval' | 'budgeting' | 'announcement' | 'management' | 'evaluation';

/**
 * Labels of each {@link ProjectStage}, in lifecycle order.
 *
 * @example
 * ```ts
 * import { PROJECT_STAGE_LABELS } from 'shequ';
 * Object.keys(PROJECT_STAGE_LABELS)[0];
 * //=> 'approval'
 * ```
 */
export const PROJECT_STAGE_LABELS: Readonly<Record<ProjectStage, LocalizedText>> = {
  approval: { zh: '立项', en: 'approval' },
  budgeting: { zh: '经费预算', en: 'budgeting' },
  announcement: { zh: '信息发布', en: 'announcement' },
  management: { zh: '项目管理', en: 'management' },
  evaluation: { zh: '绩效评估', en: 'performance evaluation' },
};

/**
 * A 政府购买服务 project.
 *
 * @example
 * ```ts
 * import type { PurchasedService } from 'shequ';
 * const project: PurchasedService = { name: '社区心理服务', stage: 'management', budgetYuan: 120000 };
 * ```
 */
export interface PurchasedService {
  /** Its name. */
  readonly name: string;
  /** Where it stands in its lifecycle. */
  readonly stage: ProjectStage;
  /** Budget in yuan. */
  readonly budgetYuan?: number;
}

/** zod schemas of the service records, for the unit schema. */
export const serviceSchemas = /* @__PURE__ */ treeShakable(() => ({
  item: z.strictObject({
    name: z.string(),
    category: enumOf(SERVICE_CATEGORY_LABELS),
    group: enumOf(SERVICE_GROUP_LABELS).exactOptional(),
    provider: z.string().exactOptional(),
  }),
  review: z.strictObject({
    rating: enumOf(RATING_LABELS),
    date: isoDateSchema.exactOptional(),
    service: z.string().exactOptional(),
  }),
  survey: z
    .strictObject({
      date: isoDateSchema,
      respondents: countSchema.exactOptional(),
      satisfied: countSchema.exactOptional(),
    })
    .superRefine(
      ...notAbove([
        {
          part: 'satisfied',
          whole: 'respondents',
          message: { zh: '满意人数多于受访人数', en: 'More people satisfied than asked' },
        },
      ]),
    ),
  threeList: z.strictObject({ list: enumOf(THREE_LIST_LABELS), title: z.string() }),
  purchased: z.strictObject({
    name: z.string(),
    stage: enumOf(PROJECT_STAGE_LABELS),
    budgetYuan: z.number().nonnegative().exactOptional(),
  }),
}));
