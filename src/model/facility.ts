import * as z from 'zod';
import type { LocalizedText } from '../core/issue.js';
import { treeShakable } from '../core/tree-shakable.js';
import { enumOf } from './labelled-enum.js';
import { areaSchema, notAbove } from './primitives.js';

/**
 * Kinds of 社区服务设施 named in the plans (seed 000 一(一), 二(六), 四(十一); seed 002 三(三)). The
 * `comprehensiveService` kind — 城乡社区综合服务设施 (党群服务中心) — is the one the indicators count.
 *
 * @example
 * ```ts
 * import type { FacilityKind } from 'shequ';
 * const kind: FacilityKind = 'comprehensiveService';
 * ```
 */
export type FacilityKind =
  | 'comprehensiveService'
  | 'serviceStation'
  | 'estateServicePoint'
  | 'districtServiceCenter'
  | 'citizenActivityCenter'
  | 'healthService'
  | 'elderlyCare'
  | 'childrenHome'
  | 'culture'
  | 'library'
  | 'veteransStation'
  | 'psychologicalStation'
  | 'socialWorkStation'
  | 'volunteerStation'
  | 'legalServiceStation'
  | 'warmHome'
  | 'fireStation'
  | 'emergencyShelter'
  | 'parcelLocker'
  | 'postalExpressStation'
  | 'employmentSpace'
  | 'communityHome'
  | 'other';

/**
 * Labels of each {@link FacilityKind}.
 *
 * @example
 * ```ts
 * import { FACILITY_KIND_LABELS } from 'shequ';
 * FACILITY_KIND_LABELS.comprehensiveService.zh;
 * //=> '城乡社区综合服务设施（党群服务中心）'
 * ```
 */
export const FACILITY_KIND_LABELS: Readonly<Record<FacilityKind, LocalizedText>> = {
  comprehensiveService: { zh: '城乡社区综合服务设施（党群服务中心）', en: 'comprehensive service facility' },
  serviceStation: { zh: '社区服务站', en: 'community service station' },
  estateServicePoint: { zh: '小区服务点', en: 'estate service point' },
  districtServiceCenter: { zh: '区社区服务中心', en: 'district community service centre' },
  citizenActivityCenter: { zh: '街道（乡镇）市民活动中心', en: 'subdistrict citizen activity centre' },
  healthService: { zh: '社区卫生服务机构', en: 'community health service' },
  elderlyCare: { zh: '养老服务设施（老年驿站）', en: 'elderly care facility' },
  childrenHome: { zh: '儿童之家', en: "children's home" },
  culture: { zh: '综合性文化服务中心（文化室）', en: 'cultural service centre' },
  library: { zh: '社区图书馆（室）', en: 'community library' },
  veteransStation: { zh: '退役军人服务站', en: 'veterans service station' },
  psychologicalStation: { zh: '社会心理服务站', en: 'psychological service station' },
  socialWorkStation: { zh: '社会工作服务站', en: 'social work station' },
  volunteerStation: { zh: '志愿服务站点', en: 'volunteer station' },
  legalServiceStation: { zh: '公共法律服务工作站', en: 'public legal service station' },
  warmHome: { zh: '温馨家园', en: 'warm home (disability services)' },
  fireStation: { zh: '微型消防站（点）', en: 'micro fire station' },
  emergencyShelter: { zh: '应急避难场所', en: 'emergency shelter' },
  parcelLocker: { zh: '智能信报箱（快件柜）', en: 'parcel locker' },
  postalExpressStation: { zh: '邮政快递末端综合服务站', en: 'postal and express service station' },
  employmentSpace: { zh: '就业创业空间', en: 'employment and start-up space' },
  communityHome: { zh: '社区之家', en: '"community home" (unit opening its amenities)' },
  other: { zh: '其他', en: 'other' },
};

/**
 * Functions a facility hosts (seed 000 四(十一), seed 002 三(三)).
 *
 * @example
 * ```ts
 * import type { FacilityFunction } from 'shequ';
 * const hosted: FacilityFunction[] = ['elderlyCare', 'volunteer'];
 * ```
 */
export type FacilityFunction =
  | 'elderlyCare'
  | 'childcare'
  | 'disability'
  | 'psychological'
  | 'employment'
  | 'legal'
  | 'volunteer'
  | 'health'
  | 'culture'
  | 'mealAssistance'
  | 'governmentServices';

/**
 * Labels of each {@link FacilityFunction}.
 *
 * @example
 * ```ts
 * import { FACILITY_FUNCTION_LABELS } from 'shequ';
 * FACILITY_FUNCTION_LABELS.childcare.zh;
 * //=> '托育'
 * ```
 */
export const FACILITY_FUNCTION_LABELS: Readonly<Record<FacilityFunction, LocalizedText>> = {
  elderlyCare: { zh: '养老', en: 'elderly care' },
  childcare: { zh: '托育', en: 'childcare' },
  disability: { zh: '助残', en: 'disability support' },
  psychological: { zh: '心理', en: 'psychological services' },
  employment: { zh: '就业', en: 'employment' },
  legal: { zh: '法律', en: 'legal services' },
  volunteer: { zh: '志愿服务', en: 'volunteer services' },
  health: { zh: '医疗卫生', en: 'health' },
  culture: { zh: '文化体育', en: 'culture and sports' },
  mealAssistance: { zh: '助餐', en: 'meal assistance' },
  governmentServices: { zh: '政务服务', en: 'government services' },
};

/**
 * A 社区服务设施 with the measures the indicators and rules need.
 *
 * @example
 * ```ts
 * import type { Facility } from 'shequ';
 * const centre: Facility = { kind: 'comprehensiveService', floorArea: 620, activityArea: 400, openingHoursPerDay: 9 };
 * ```
 */
export interface Facility {
  /** What it is. */
  readonly kind: FacilityKind;
  /** Its name. */
  readonly name?: string;
  /** 建筑面积, m². */
  readonly floorArea?: number;
  /** 居民活动区域面积, m² (not above `floorArea`). */
  readonly activityArea?: number;
  /** Newly built (新建) rather than existing. */
  readonly newlyBuilt?: boolean;
  /** Year built. */
  readonly yearBuilt?: number;
  /** Opening hours a day. */
  readonly openingHoursPerDay?: number;
  /** Key service items online 24 hours a day. */
  readonly online24h?: boolean;
  /** Accessible (无障碍). */
  readonly accessible?: boolean;
  /** Functions hosted. */
  readonly functions?: readonly FacilityFunction[];
}

/**
 * zod schema of a {@link Facility}: the activity area may not exceed the floor area.
 *
 * @example
 * ```ts
 * import { facilitySchema } from 'shequ';
 * facilitySchema.safeParse({ kind: 'comprehensiveService', floorArea: 100, activityArea: 120 }).success;
 * //=> false
 * ```
 */
export const facilitySchema: z.ZodType<Facility> = /* @__PURE__ */ treeShakable(() =>
  z
    .strictObject({
      kind: enumOf(FACILITY_KIND_LABELS),
      name: z.string().exactOptional(),
      floorArea: areaSchema.exactOptional(),
      activityArea: areaSchema.exactOptional(),
      newlyBuilt: z.boolean().exactOptional(),
      yearBuilt: z.int().min(1900).max(2100).exactOptional(),
      openingHoursPerDay: z.number().min(0).max(24).exactOptional(),
      online24h: z.boolean().exactOptional(),
      accessible: z.boolean().exactOptional(),
      functions: z.array(enumOf(FACILITY_FUNCTION_LABELS)).exactOptional(),
    })
    .superRefine(
      ...notAbove([
        {
          part: 'activityArea',
          whole: 'floorArea',
          message: {
            zh: '居民活动区域面积大于建筑面积',
            en: "The residents' activity area exceeds the floor area",
          },
        },
      ]),
    ),
);
