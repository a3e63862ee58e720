/**
 * The documents the rules cite. A rule cites the document of the jurisdiction whose rule it is: a national rule the
 * national plan, a law or a national standard; a Beijing rule the Beijing plan; a Hebei rule the Hebei plan. Where a
 * province restates a national rule, the province's profile carries its own version (same id, its own text and
 * scope) in place of the national one (see catalogue.ts).
 */
export const HEBEI_PLAN = '《河北省城乡社区服务体系建设"十四五"规划》(2022-03-08)';
export const BEIJING_PLAN = '《北京市"十四五"城乡社区服务体系建设规划》(2022-09-13)';
export const NATIONAL_PLAN = '国办发〔2021〕56号《"十四五"城乡社区服务体系建设规划》';
/**
 * The national plan's figures as officials stated them (the plan's own text was not seen: indicators.md, confidence
 * "national").
 */
export const NATIONAL_PLAN_BRIEFING = `${NATIONAL_PLAN}, as stated at the 国家发展改革委、民政部 briefing of 2022-02-09`;
export const RESIDENTS_LAW_2018 = '《中华人民共和国城市居民委员会组织法》(2018年修正)';
export const RESIDENTS_LAW_2025 = '《中华人民共和国城市居民委员会组织法》(2025年修订, 2026-01-01施行)';
export const VILLAGERS_LAW = '《中华人民共和国村民委员会组织法》(2018年修正)';
