// What the indicator catalogue's modules share: units, plan titles and the coverage-rate helper.
import type { LocalizedText } from '../core/issue.js';
import { MEASURES } from './measures.js';
import type { IndicatorDefinition, Measure } from './types.js';

export const PERCENT: LocalizedText = { zh: '%', en: '%' };
export const BOTH = ['community', 'village'] as const;
export const NATIONAL_PLAN =
  '国办发〔2021〕56号《"十四五"城乡社区服务体系建设规划》, 主要指标 (formula: natural reading, no official text found)';
export const BEIJING_PLAN = '《北京市"十四五"城乡社区服务体系建设规划》(2022-09-13)';
export const HEBEI_PLAN = '《河北省城乡社区服务体系建设"十四五"规划》(2022-03-08)';

/** A coverage rate: units with the measure / all units of the kinds (and scope), × 100. */
export function coverage(
  id: string,
  name: LocalizedText,
  measure: Measure,
  appliesTo: IndicatorDefinition['appliesTo'],
  source: string,
  scope?: IndicatorDefinition['scope'],
): IndicatorDefinition {
  const who =
    appliesTo.length === 2
      ? { zh: '社区（村）', en: 'units' }
      : appliesTo[0] === 'community'
        ? { zh: '城市社区', en: 'urban communities' }
        : { zh: '村', en: 'villages' };
  return {
    id,
    name,
    unit: PERCENT,
    numerator: measure,
    denominator: MEASURES.unitCount,
    scale: 100,
    direction: 'higher',
    appliesTo,
    ...(scope === undefined ? {} : { scope }),
    formula: {
      zh: `${measure.name.zh} / ${who.zh}总数 × 100`,
      en: `${measure.name.en} / all ${who.en} × 100`,
    },
    source,
  };
}
