import type { LocalizedText } from '../../core/issue.js';
import type { Rule } from '../types.js';

// The titles of the rules that state their parameters ("不低于30平方米"), made of the parameters as the rules' messages
// are: a rule carries the function (`titleOf`) beside the title it gives for its own parameters, and a profile that
// changes them (deriveRuleProfile, a profile file) takes the title of the new ones. The words are those the titles had.

/**
 * The title, its maker and the parameters of a rule whose title states them: spread into the rule.
 *
 * @param titleOf - the title for given parameters
 * @param parameters - the rule's own parameters
 * @returns `{ title, titleOf, parameters }`
 *
 * @example
 * ```ts
 * titled(openingHoursTitle, { minimumHours: 8 }).title.en;
 * //=> 'Service facilities open at least 8 hours a day (as a rule)'
 * ```
 */
export function titled<Parameters extends Rule['parameters']>(
  titleOf: (parameters: Parameters) => LocalizedText,
  parameters: Parameters,
): {
  title: LocalizedText;
  titleOf: (parameters: Rule['parameters']) => LocalizedText;
  parameters: Parameters;
} {
  return {
    title: titleOf(parameters),
    titleOf: titleOf as (parameters: Rule['parameters']) => LocalizedText,
    parameters,
  };
}

type Minimum = { readonly minimum: number };
type MinimumPercent = { readonly minimumPercent: number };

export const areaPer100HouseholdsTitle = ({ minimum }: Minimum): LocalizedText => ({
  zh: `每百户居民拥有综合服务设施面积不低于${minimum}平方米`,
  en: `At least ${minimum} m² of facility floor area per 100 households`,
});

export const newCommercialShareTitle = ({ minimumPercent }: MinimumPercent): LocalizedText => ({
  zh: `新建社区商业和综合服务设施面积不低于社区总建筑面积的${minimumPercent}%`,
  en: `New communities: commercial and service floor area at least ${minimumPercent} % of the total`,
});

export const newUrbanMinimumAreaTitle = ({ minimum }: Minimum): LocalizedText => ({
  zh: `新建城市社区综合服务设施面积不低于${minimum}平方米`,
  en: `New urban communities: facility of at least ${minimum} m²`,
});

export const newEstateServiceRoomsTitle = ({ minimum }: Minimum): LocalizedText => ({
  zh: `新建小区社区服务管理用房一般不少于${minimum}平方米`,
  en: `New estates: service and management rooms of at least ${minimum} m² (as a rule)`,
});

export const activityAreaShareTitle = ({ minimumPercent }: MinimumPercent): LocalizedText => ({
  zh: `居民活动区域面积不低于综合服务设施建筑面积的${minimumPercent}%`,
  en: `Residents' activity area at least ${minimumPercent} % of the facility's floor area`,
});

export const openingHoursTitle = ({ minimumHours }: { readonly minimumHours: number }): LocalizedText => ({
  zh: `社区服务设施每天开放时间一般不少于${minimumHours}小时`,
  en: `Service facilities open at least ${minimumHours} hours a day (as a rule)`,
});

/** "到2025年" for the last day of a year, else the date itself. */
export const resettlementCoverageTitle = ({ deadline }: { readonly deadline: string }): LocalizedText => {
  const year = /^(\d{4})-12-31$/.exec(deadline)?.[1];
  return year === undefined
    ? {
        zh: `集中安置社区到${deadline}建有综合服务设施`,
        en: `Resettlement communities have a facility by ${deadline}`,
      }
    : {
        zh: `集中安置社区到${year}年建有综合服务设施`,
        en: `Resettlement communities have a facility by the end of ${year}`,
      };
};

export const disasterOfficerTitle = ({ minimum }: Minimum): LocalizedText => ({
  zh: `每个村（社区）设置${minimum}名灾害信息员`,
  en:
    minimum === 1
      ? 'Every village and community has a disaster information officer'
      : `Every village and community has at least ${minimum} disaster information officers`,
});

/** "超过18人" (`>`) or "不低于18人" (`>=`), as the region rule compares. */
export const workersPer10kTitle = ({
  minimum,
  comparator,
}: Minimum & { readonly comparator?: '>=' | '>' }): LocalizedText =>
  comparator === '>'
    ? {
        zh: `每万名城镇常住人口拥有社区工作者超过${minimum}人`,
        en: `More than ${minimum} community workers per 10 000 urban residents`,
      }
    : {
        zh: `每万名城镇常住人口拥有社区工作者不低于${minimum}人`,
        en: `At least ${minimum} community workers per 10 000 urban residents`,
      };

type Range = { readonly min: number; readonly max: number };

export const residentsCommitteeHouseholdsTitle = ({ min, max }: Range): LocalizedText => ({
  zh: `居民委员会一般在${min}户至${max}户的范围内设立`,
  en: `A residents' committee covers ${min}–${max} households as a rule`,
});

export const residentsCommitteeMembersTitle = ({ min, max }: Range): LocalizedText => ({
  zh: `居民委员会由${min}至${max}人组成`,
  en: `Residents' committee of ${min}–${max} members`,
});

export const villagersCommitteeMembersTitle = ({ min, max }: Range): LocalizedText => ({
  zh: `村民委员会由${min}至${max}人组成`,
  en: `Villagers' committee of ${min}–${max} members`,
});
