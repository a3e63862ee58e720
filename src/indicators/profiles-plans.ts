// The Hebei and Beijing profiles' entries for the indicators their texts set beyond the tables, and the figures they
// state as facts (issue 14, "Missing"). A figure that is an indicator's baseline is stored as that baseline (608 社区之家,
// 75.93 % "一人兼", 村（居）法律顾问 全覆盖); the others are facts. Every quote is verbatim (test/plans/quotes.test.ts).
import { INDICATORS } from './catalogue.js';
import { baseline, SEED_BEIJING, SEED_HEBEI, target } from './profile-points.js';
import type { ProfileFact, ProfileIndicator } from './types.js';

const UNITS = { zh: '个', en: 'count' } as const;
const PERSONS = { zh: '人', en: 'persons' } as const;

/** Hebei: what seed 002 sets beyond its table and 专栏13/专栏4. */
export const HEBEI_PLAN_TEXT: readonly ProfileIndicator[] = [
  {
    // 政务代办服务 is what the 政务服务进社区 field records for a Hebei unit.
    indicator: INDICATORS.governmentServiceCoverage,
    target: target(
      '=',
      100,
      'seed',
      `${SEED_HEBEI} 三(四)1 (政务代办服务)`,
      '实现政务代办服务城乡社区全覆盖',
    ),
  },
  {
    indicator: INDICATORS.daytimeCareCoverage,
    target: target(
      '=',
      100,
      'seed',
      `${SEED_HEBEI} 三(二)1`,
      '助餐服务、生活照料等日间照料服务实现社区全覆盖',
    ),
  },
  {
    // The text asks for a station in the 乡镇（街道） and gives no figure: every township (so every unit served) is a
    // reading, kept as unverified.
    indicator: INDICATORS.socialWorkStationCoverage,
    target: target(
      '=',
      100,
      'unverified',
      `${SEED_HEBEI} 专栏1 第2项: no figure; a station in every township is a reading`,
      '在乡镇（街道）设置面向城乡社区服务的社会工作服务站',
    ),
  },
  // 专栏1 第3项 asks for volunteer stations in the facilities and gives no figure: no target.
  { indicator: INDICATORS.volunteerStationCoverage },
  {
    // A 2020 fact; for 2025 the text asks to strengthen the work (专栏 第12项) and gives no figure: no target.
    indicator: INDICATORS.legalAdviserCoverage,
    baseline: baseline(100, 'seed', `${SEED_HEBEI} 一`, {
      quote: '村（社区）公共法律服务工作站和村（居）法律顾问全覆盖',
    }),
  },
  {
    indicator: INDICATORS.villageBroadbandCoverage,
    target: target(
      '=',
      100,
      'seed',
      `${SEED_HEBEI} 专栏4 第1项 (no village left without broadband: all villages with it)`,
      '全省未通宽带行政村动态清零',
    ),
  },
  // 三(五)1 encourages "一人兼" where conditions allow and sets no figure; the 75.93 % of 一 counts villages only.
  { indicator: INDICATORS.communitySecretaryDirectorConcurrency },
];

/** Beijing: what seed 000 sets beyond its (lost) table. */
export const BEIJING_PLAN_TEXT: readonly ProfileIndicator[] = [
  // 四(十三) sets up the survey and the 好差评 and gives no figure for either rate.
  { indicator: INDICATORS.satisfactionRate },
  { indicator: INDICATORS.positiveReviewRate },
  {
    indicator: INDICATORS.basicCommerceCoverage,
    target: target(
      '=',
      100,
      'seed',
      `${SEED_BEIJING} 三(九) (力争: strive for)`,
      '统筹城乡基本便民商业网点建设，力争实现城乡社区全覆盖',
    ),
  },
  // The 2020 counts (192.01万, 3.63万) are facts: a rate needs the population, which the text does not give.
  { indicator: INDICATORS.registeredVolunteerRate },
  { indicator: INDICATORS.socialWorkersPer10kResidents },
];

const beijingFact = (
  fact: Omit<ProfileFact, 'year' | 'confidence' | 'source' | 'unit'> & { unit?: ProfileFact['unit'] },
): ProfileFact => ({
  unit: PERSONS,
  year: 2020,
  confidence: 'seed',
  source: `${SEED_BEIJING} 一(一), 截至2020年底`,
  ...fact,
});

/** Beijing's 2020 figures (一(一) "截至2020年底") that are no indicator's baseline. */
export const BEIJING_FACTS: readonly ProfileFact[] = [
  beijingFact({
    id: 'quarterHourCircles',
    name: { zh: '“一刻钟社区服务圈”数量', en: '15-minute service circles built' },
    value: 1772,
    unit: UNITS,
    quote: '全市累计建成“一刻钟社区服务圈”1772个',
    indicator: 'quarterHourCircleCoverage',
  }),
  beijingFact({
    id: 'governmentServiceCommunities',
    name: { zh: '政务服务延伸的城乡社区数', en: 'communities reached by government services' },
    value: 7168,
    unit: UNITS,
    quote: '实现政务服务向7168个城乡社区延伸',
    indicator: 'governmentServiceCoverage',
  }),
  beijingFact({
    id: 'committeeMembersAndStationStaff',
    name: {
      zh: '社区（村）“两委”成员和社区服务站专职工作者',
      en: '"two committees" members and full-time station staff',
    },
    value: 61_400,
    quote: '全市社区（村）“两委”成员和社区服务站专职工作者6.14万人',
  }),
  beijingFact({
    id: 'socialWorkProfessionals',
    name: { zh: '社会工作专业人才', en: 'social work professionals' },
    value: 36_300,
    quote: '社会工作专业人才3.63万人',
    indicator: 'socialWorkersPer10kResidents',
  }),
  beijingFact({
    id: 'registeredVolunteers',
    name: { zh: '社区注册志愿者', en: 'registered community volunteers' },
    value: 1_920_100,
    quote: '社区注册志愿者192.01万人',
    indicator: 'registeredVolunteerRate',
  }),
];

const ELECTION = {
  year: 2021,
  confidence: 'seed',
  source: `${SEED_HEBEI} 一`,
  quote: '全省49406个村、3119个社区全部选出新一届“两委”班子',
  note: 'The text dates no year: the figures are of the 2021 村（社区）“两委” election, among the plan’s 十三五 results.',
} as const;

/** Hebei's figures of 一 (the 十三五 background) that are no indicator's baseline. */
export const HEBEI_FACTS: readonly ProfileFact[] = [
  {
    ...ELECTION,
    id: 'villagesElected',
    name: { zh: '选出新一届“两委”班子的村', en: 'villages that elected new committees' },
    value: 49_406,
    unit: UNITS,
  },
  {
    ...ELECTION,
    id: 'communitiesElected',
    name: { zh: '选出新一届“两委”班子的社区', en: 'communities that elected new committees' },
    value: 3119,
    unit: UNITS,
  },
  {
    id: 'cadresTrainedPerYear',
    name: { zh: '每年培训村（社区）干部', en: 'village and community cadres trained a year' },
    value: 15_000,
    unit: PERSONS,
    year: 2020,
    confidence: 'seed',
    source: `${SEED_HEBEI} 一`,
    quote: '每年培训村（社区）干部1.5万名左右',
    approximate: true,
    note: 'A yearly figure of the 十三五 period (“左右”: about).',
  },
  {
    id: 'nationalRuleOfLawModelUnits',
    name: { zh: '全国“民主法治示范村（社区）”', en: 'national model units of democracy and rule of law' },
    value: 211,
    unit: UNITS,
    year: 2020,
    confidence: 'seed',
    source: `${SEED_HEBEI} 一 (cumulative to the end of 十三五)`,
    quote: '全省分别有211个村（社区）被评为全国“民主法治示范村（社区）”',
  },
  {
    id: 'provincialRuleOfLawModelUnits',
    name: { zh: '全省“民主法治示范村（社区）”', en: 'provincial model units of democracy and rule of law' },
    value: 1519,
    unit: UNITS,
    year: 2020,
    confidence: 'seed',
    source: `${SEED_HEBEI} 一 (cumulative to the end of 十三五)`,
    quote: '1519个村（社区）被评为全省“民主法治示范村（社区）”',
  },
];
