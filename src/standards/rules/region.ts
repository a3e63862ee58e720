import type { RegionRule } from '../types.js';
import { NATIONAL_PLAN_BRIEFING } from './sources.js';
import { titled, workersPer10kTitle } from './titles.js';

/**
 * workers.per10k — more than 18 社区工作者 per 10 000 urban residents, checked by county on the indicator roll-up.
 * The comparator follows the quoted words "超过18人" (`>`: a county at exactly 18.0 falls short), not the "≥ 18" of
 * the domain notes' table (indicators.md), which restate the same source.
 */
export const workersPer10k: RegionRule = {
  id: 'workers.per10k',
  level: 'region',
  indicator: 'workersPer10kUrbanResidents',
  ...titled(workersPer10kTitle, { minimum: 18, comparator: '>', level: 'county' } as const),
  appliesTo: {},
  severity: 'warning',
  parameterRanges: { minimum: { min: 0, max: 10_000 } },
  parameterValues: { comparator: ['>=', '>'], level: ['province', 'prefecture', 'county', 'township'] },
  effective: {},
  source: {
    document: `${NATIONAL_PLAN_BRIEFING} (wording as restated by 江苏)`,
    section: '主要指标 7',
    quote: '每万名城镇常住人口拥有社区工作者超过18人',
  },
};
