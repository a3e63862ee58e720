/** The documents the rules cite. */
export const HEBEI_PLAN = '《河北省城乡社区服务体系建设"十四五"规划》(2022-03-08)';
export const BEIJING_PLAN = '《北京市"十四五"城乡社区服务体系建设规划》(2022-09-13)';
export const NATIONAL_PLAN = '国办发〔2021〕56号《"十四五"城乡社区服务体系建设规划》';
export const RESIDENTS_LAW_2018 = '《中华人民共和国城市居民委员会组织法》(2018年修正)';
export const RESIDENTS_LAW_2025 = '《中华人民共和国城市居民委员会组织法》(2025年修订, 2026-01-01施行)';
export const VILLAGERS_LAW = '《中华人民共和国村民委员会组织法》(2018年修正)';
