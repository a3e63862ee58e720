// Baselines and targets as the profiles write them, and the names of their sources (shared by profiles.ts and
// profiles-plans.ts).
import type { Baseline, Comparator, Confidence, Target } from './types.js';

export const NATIONAL = '国家发展改革委、民政部 2022-02-09 新闻发布会 on 国办发〔2021〕56号';
export const LOCAL =
  'local plans copying the national template (陇南, 昌吉, a 黑龙江 city); national text not seen';
export const SEED_HEBEI = '《河北省城乡社区服务体系建设"十四五"规划》(seed 002)';
export const SEED_BEIJING = '《北京市"十四五"城乡社区服务体系建设规划》(seed 000)';

/** A 2020 baseline, with the text's words and comparator where it gives them. */
export const baseline = (
  value: number,
  confidence: Confidence,
  source: string,
  words: { readonly quote?: string; readonly comparator?: Comparator } = {},
): Baseline =>
  // Frozen: catalogue data, shared by every row of the indicator (and a writer serialises it once, unchecked).
  Object.freeze({
    year: 2020,
    value,
    confidence,
    source,
    ...(words.comparator === undefined ? {} : { comparator: words.comparator }),
    ...(words.quote === undefined ? {} : { quote: words.quote }),
  });
/** A 2025 target. */
export const target = (
  comparator: Target['comparator'],
  value: number,
  confidence: Confidence,
  source: string,
  quote?: string,
): Target =>
  Object.freeze({
    comparator,
    value,
    year: 2025,
    confidence,
    source,
    ...(quote === undefined ? {} : { quote }),
  });
