import { deepFreeze } from '../core/freeze.js';
import { guardedValue } from '../core/guard.js';
import { treeShakable } from '../core/tree-shakable.js';
import { INDICATORS } from './catalogue.js';
import { isIndicatorProfile } from './profile-check.js';
import { figuresOfEntries } from './profile-periods.js';
import { baseline, LOCAL, NATIONAL, SEED_BEIJING, SEED_HEBEI, target } from './profile-points.js';
import { BEIJING_FACTS, BEIJING_PLAN_TEXT, HEBEI_FACTS, HEBEI_PLAN_TEXT } from './profiles-plans.js';
import type { IndicatorProfile, ProfileIndicator, ProfilePeriodFigures } from './types.js';

/** The national targets, re-tagged for a profile that adopts them without its own text saying so. */
function nationalDefault(entry: ProfileIndicator): ProfileIndicator {
  if (entry.target === undefined) return { indicator: entry.indicator };
  return {
    indicator: entry.indicator,
    target: {
      ...entry.target,
      confidence: 'unverified',
      source: `national default (${entry.target.source})`,
    },
  };
}

const national: readonly ProfileIndicator[] = [
  {
    indicator: INDICATORS.ruralFacilityCoverage,
    baseline: baseline(65.7, 'national', NATIONAL),
    target: target('>=', 80, 'national', NATIONAL, '80%以上'),
  },
  {
    indicator: INDICATORS.urbanFacilityCoverage,
    baseline: baseline(100, 'national', NATIONAL),
    target: target('=', 100, 'national', NATIONAL, '城乡社区综合服务设施全覆盖'),
  },
  { indicator: INDICATORS.newCommercialServiceAreaShare, target: target('>=', 10, 'local-consensus', LOCAL) },
  {
    indicator: INDICATORS.facilityAreaPer100Households,
    target: target('>=', 30, 'national', NATIONAL, '每百户居民不低于30平方米'),
  },
  {
    indicator: INDICATORS.activityAreaShare,
    target: target(
      '>=',
      60,
      'local-consensus',
      `${LOCAL}; 完整社区试点 notice`,
      '60%以上建筑面积用于居民活动',
    ),
  },
  {
    indicator: INDICATORS.urbanSelfServiceCoverage,
    target: target('=', 100, 'unverified', '100 in every local plan seen; national value unverified'),
  },
  {
    indicator: INDICATORS.workersPer10kUrbanResidents,
    // The quoted words say 超过 (more than): the comparator follows them, not the "≥ 18" of indicators.md's table.
    target: target(
      '>',
      18,
      'national',
      `${NATIONAL}, as restated by 江苏; the comparator follows these words ("超过": > 18), not a "≥ 18" reading`,
      '每万名城镇常住人口拥有社区工作者超过18人',
    ),
  },
];

const [rural, urban, newShare, areaPer100, activityShare, selfService, workers] = national as [
  ProfileIndicator,
  ProfileIndicator,
  ProfileIndicator,
  ProfileIndicator,
  ProfileIndicator,
  ProfileIndicator,
  ProfileIndicator,
];

const hebei: readonly ProfileIndicator[] = [
  {
    ...nationalDefault(rural),
    baseline: baseline(65, 'seed', `${SEED_HEBEI} 一`, { quote: '农村社区综合服务设施覆盖率达到65%' }),
  },
  {
    // The text states full urban coverage as a 2020 fact and sets no 2025 figure (the table's target column was
    // lost): the target is the national one, flagged as a default.
    ...nationalDefault(urban),
    baseline: baseline(100, 'seed', `${SEED_HEBEI} 一`, { quote: '全省城市社区综合服务设施实现全覆盖' }),
  },
  {
    indicator: newShare.indicator,
    target: target(
      '>=',
      10,
      'seed',
      `${SEED_HEBEI} 三(三)2`,
      '确保新建社区商业和综合服务设施面积占社区总建筑面积比例不低于10%',
    ),
  },
  {
    indicator: areaPer100.indicator,
    baseline: baseline(23.6, 'seed', `${SEED_HEBEI} 主要指标表 第4行 (2020 column)`, {
      quote: '每百户居民拥有社区综合服务设施面积 23.6',
    }),
    target: target(
      '>=',
      30,
      'seed',
      `${SEED_HEBEI} 三(三)2`,
      '每百户居民拥有社区综合服务设施面积不低于30平方米',
    ),
  },
  nationalDefault(activityShare),
  nationalDefault(selfService),
  nationalDefault(workers),
  {
    indicator: INDICATORS.disasterOfficerCoverage,
    target: target('=', 100, 'seed', `${SEED_HEBEI} 专栏13`, '全省所有村（社区）设置1名灾害信息员'),
  },
  {
    indicator: INDICATORS.secretaryDirectorConcurrency,
    baseline: baseline(75.93, 'seed', `${SEED_HEBEI} 一 (share of villages)`, {
      quote: '村党组织书记、村民委员会主任“一人兼”占75.93%',
    }),
  },
  {
    indicator: INDICATORS.resettlementFacilityCoverage,
    target: target('=', 100, 'seed', `${SEED_HEBEI} 三(三)3`, '确保2025年安置社区综合服务设施实现全覆盖'),
  },
  {
    indicator: INDICATORS.village5gCoverage,
    target: target('>=', 80, 'seed', `${SEED_HEBEI} 专栏4 第1项`, '实现全省80%行政村通5G'),
  },
  ...HEBEI_PLAN_TEXT,
];

const beijing: readonly ProfileIndicator[] = [
  // The plan's 专栏1 table was lost: the national seven with national targets, flagged unverified for Beijing.
  ...national.map(nationalDefault),
  {
    indicator: INDICATORS.quarterHourCircleCoverage,
    baseline: baseline(98, 'seed', `${SEED_BEIJING} 一(一) (1 772 circles)`, {
      comparator: '>=',
      quote: '城市社区覆盖率达到98％以上',
    }),
    // The text sets no figure: it asks to consolidate and raise ("巩固提升") a coverage already "98％以上", so full
    // coverage is the only direction it points to. Kept as an assumption, flagged unverified, for a caller to replace.
    target: target(
      '=',
      100,
      'unverified',
      `${SEED_BEIJING} 三(九): no numeric target; 100 is an assumption`,
      '巩固提升“一刻钟社区服务圈”建设成果',
    ),
  },
  {
    indicator: INDICATORS.communityHomes,
    baseline: baseline(608, 'seed', `${SEED_BEIJING} 一(一)`, { quote: '创建608个“社区之家”' }),
  },
  {
    indicator: INDICATORS.governmentServiceCoverage,
    target: target(
      '=',
      100,
      'seed',
      `${SEED_BEIJING} 五(十六) (2020: 7 168 communities reached)`,
      '实现政务服务社区（村）全覆盖',
    ),
  },
  {
    indicator: INDICATORS.satisfactionSurveyCoverage,
    target: target(
      '=',
      100,
      'seed',
      `${SEED_BEIJING} 四(十三)`,
      '实现社区服务群众满意度调查社区（村）全覆盖',
    ),
  },
  ...BEIJING_PLAN_TEXT,
];

/**
 * The figures of a built-in profile by plan period: the 十四五 ones its entries give, and for the 十五五 none — no
 * 十五五 community-service plan text is held by the library, and a figure is never invented (every status says
 * `no-target` until a user adds targets with a profile file).
 */
function byPeriod(entries: readonly ProfileIndicator[]): Readonly<Record<string, ProfilePeriodFigures>> {
  return { '14th': figuresOfEntries(entries), '15th': { baselines: {}, targets: {} } };
}

/**
 * Names of the built-in profiles.
 *
 * @example
 * ```ts
 * import type { IndicatorProfileName } from 'shequ';
 * const name: IndicatorProfileName = 'hebei';
 * ```
 */
export type IndicatorProfileName = 'national' | 'hebei' | 'beijing';

/**
 * The built-in indicator profiles, with baselines and targets exactly as indicators.md and the plan texts give them,
 * each tagged with its confidence: `national` (the seven), `hebei` (the seven + Hebei's four + the seven its text sets
 * beyond them), `beijing` (the seven with national targets flagged unverified — the Beijing table was lost — +
 * Beijing's four + the five its text sets beyond them). Hebei and Beijing carry the figures their plans state as
 * facts that are no indicator's baseline (`facts`). The indicators' `baseline` and `target` are the 十四五 figures;
 * `periods` holds them by period, with the 十五五 empty (no 十五五 text is held: no target is invented).
 * The profiles are frozen all the way down: an edit throws in strict code; to change one, derive your own with
 * {@link deriveIndicatorProfile}.
 *
 * @example
 * ```ts
 * import { INDICATOR_PROFILES } from 'shequ';
 * INDICATOR_PROFILES.hebei.indicators[3]?.baseline?.value;
 * //=> 23.6
 * ```
 */
export const INDICATOR_PROFILES: Readonly<Record<IndicatorProfileName, IndicatorProfile>> =
  /* @__PURE__ */ treeShakable(() =>
    deepFreeze({
      national: {
        id: 'national',
        name: { zh: '全国', en: 'national' },
        indicators: national,
        periods: byPeriod(national),
      },
      hebei: {
        id: 'hebei',
        name: { zh: '河北省', en: 'Hebei' },
        indicators: hebei,
        facts: HEBEI_FACTS,
        periods: byPeriod(hebei),
      },
      beijing: {
        id: 'beijing',
        name: { zh: '北京市', en: 'Beijing' },
        indicators: beijing,
        facts: BEIJING_FACTS,
        periods: byPeriod(beijing),
      },
    }),
  );

export type { ProfileChanges, ProfilePeriodChanges } from './profile-derive.js';
export { deriveIndicatorProfile } from './profile-derive.js';

/**
 * Resolves a profile name or object to a profile; an unknown name, or an object without the shape of a profile (an
 * indicator without a `read` function, a target without a number …), gives `undefined`. Never throws.
 *
 * @param profile - a built-in name or a profile object (default `'national'`)
 * @returns the profile
 *
 * @example
 * ```ts
 * import { resolveIndicatorProfile } from 'shequ';
 * resolveIndicatorProfile('beijing')?.indicators.length;
 * //=> 16
 * ```
 */
export function resolveIndicatorProfile(
  profile: IndicatorProfileName | IndicatorProfile | string = 'national',
): IndicatorProfile | undefined {
  if (typeof profile !== 'string')
    return guardedValue(
      () => (isIndicatorProfile(profile) ? profile : undefined),
      () => undefined,
    );
  return Object.hasOwn(INDICATOR_PROFILES, profile)
    ? INDICATOR_PROFILES[profile as IndicatorProfileName]
    : undefined;
}
