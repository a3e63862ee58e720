import type { LocalizedText } from '../core/issue.js';

/**
 * A version of a committee law, with the household range and term it sets and the period it is in force.
 *
 * @example
 * ```ts
 * import { RESIDENTS_COMMITTEE_LAW } from 'shequ/standards';
 * const current = RESIDENTS_COMMITTEE_LAW.at(-1);
 * current?.households;
 * //=> { min: 1000, max: 3000 }
 * ```
 */
export interface CommitteeLawVersion {
  /** Title and version. */
  readonly title: LocalizedText;
  /** First day in force, `'YYYY-MM-DD'`. */
  readonly from: string;
  /** Last day in force, or `null` while in force. */
  readonly to: string | null;
  /** The household range a committee is "一般" set up for, where the law sets one. */
  readonly households: {
    /** Fewest households. */
    readonly min: number;
    /** Most households. */
    readonly max: number;
  } | null;
  /** Term of office in years. */
  readonly termYears: number;
  /** Article the household range comes from, with the quoted requirement. */
  readonly source: string;
  /** `'unverified'` where the term length is assumed unchanged from the previous text. */
  readonly termConfidence: 'law' | 'unverified';
}

/**
 * 城市居民委员会组织法 versions since the 2018 amendment (rules.md): 100–700 households until 2025-12-31, 1 000–3 000
 * from 2026-01-01 (2025-10-28 revision). The 2025 text's term is assumed unchanged (5 years) and flagged unverified.
 *
 * @example
 * ```ts
 * import { RESIDENTS_COMMITTEE_LAW } from 'shequ/standards';
 * RESIDENTS_COMMITTEE_LAW.map((version) => version.from);
 * //=> ['2018-12-29', '2026-01-01']
 * ```
 */
export const RESIDENTS_COMMITTEE_LAW: readonly CommitteeLawVersion[] = [
  {
    title: {
      zh: '城市居民委员会组织法（2018年修正）',
      en: 'Organic Law of Urban Residents’ Committees (2018 amendment)',
    },
    from: '2018-12-29',
    to: '2025-12-31',
    households: { min: 100, max: 700 },
    termYears: 5,
    source: '第六条：居民委员会根据居民居住状况，按照便于居民自治的原则，一般在一百户至七百户的范围内设立',
    termConfidence: 'law',
  },
  {
    title: {
      zh: '城市居民委员会组织法（2025年修订）',
      en: 'Organic Law of Urban Residents’ Committees (2025 revision)',
    },
    from: '2026-01-01',
    to: null,
    households: { min: 1000, max: 3000 },
    termYears: 5,
    source: '第三条：一般在一千户至三千户的范围内设立（term length assumed unchanged: unverified）',
    termConfidence: 'unverified',
  },
];
