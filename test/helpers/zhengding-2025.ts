import type { UnitStatistics } from '../../src/index.js';

/**
 * 正定县 (130123), in 石家庄市 (130100), in 河北省 (130000): two villages and a community, described for 2025 — the rows
 * the evaluation tests work by hand.
 */
export const ZHENGDING_2025: readonly UnitStatistics[] = [
  {
    code: '130123100201',
    kind: 'village',
    year: 2025,
    households: 300,
    hasFacility: true,
    facilityArea: 100,
  },
  { code: '130123100202', kind: 'village', year: 2025, households: 200, hasFacility: false },
  {
    code: '130123001001',
    kind: 'community',
    year: 2025,
    households: 1000,
    hasFacility: true,
    facilityArea: 320,
  },
];
