import type { RegionRule } from '../types.js';
import { NATIONAL_PLAN } from './sources.js';

/** workers.per10k — ≥ 18 社区工作者 per 10 000 urban residents, checked by county on the indicator roll-up. */
export const workersPer10k: RegionRule = {
  id: 'workers.per10k',
  level: 'region',
  indicator: 'workersPer10kUrbanResidents',
  title: {
    zh: '每万名城镇常住人口拥有社区工作者不少于18人',
    en: 'At least 18 community workers per 10 000 urban residents',
  },
  appliesTo: {},
  severity: 'warning',
  parameters: { minimum: 18, level: 'county' },
  effective: {},
  source: {
    document: NATIONAL_PLAN,
    section: '主要指标 7',
    quote: '每万名城镇常住人口拥有社区工作者超过18人',
  },
};
