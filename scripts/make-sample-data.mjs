#!/usr/bin/env node
// Writes examples/data/sample-units.{json,csv} and sample-units-{2023,2024,2025}.csv (the same units over three
// years): real division codes and names (统计用区划代码 2023) of 河北省正定县,
// 北京市东城区东华门街道 and 北京市延庆区永宁镇, with SYNTHETIC measures from a seeded generator. Deterministic.
// `--check` fails when the committed files differ from what this script writes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, '..', 'shared', 'data');
const outDir = join(root, 'examples', 'data');
const check = process.argv.includes('--check');
if (!existsSync(dataDir)) {
  console.log('make-sample-data: ../shared/data not found; the committed sample is kept.');
  process.exit(0);
}

// mulberry32: a tiny seeded PRNG, so the sample is the same on every machine.
let seed = 20251231;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (min, max) => min + Math.floor(random() * (max - min + 1));
const chance = (p) => random() < p;
const hundredths = (value) => Math.round(value * 100) / 100;

// The fields of the indicators the plans set beyond their tables (issue 14), drawn from a second seeded generator so
// that every value above stays what it was.
let planSeed = 20220308;
function planRandom() {
  planSeed = (planSeed + 0x6d2b79f5) | 0;
  let t = Math.imul(planSeed ^ (planSeed >>> 15), 1 | planSeed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const planChance = (p) => planRandom() < p;
const planBetween = (min, max) => min + Math.floor(planRandom() * (max - min + 1));

const PREFIXES = ['130123', '110101001', '110119100'];
const units = [];
for (const file of ['hebei.csv', 'beijing.csv']) {
  for (const line of readFileSync(join(dataDir, file), 'utf8').trim().split('\n').slice(1)) {
    const [code, name, level] = line.split(',');
    if (level !== '5' || !PREFIXES.some((p) => code.startsWith(p))) continue;
    const segment = Number(code.slice(9));
    if (segment >= 400) continue; // 生活区 and virtual units: not 居委会 or 村委会
    units.push(makeUnit(code, name, segment < 200 ? 'community' : 'village'));
  }
}

function makeUnit(code, name, kind) {
  const community = kind === 'community';
  const households = community ? between(600, 3200) : between(120, 900);
  const residents = Math.round(households * (2.3 + random() * 0.8));
  const hasFacility = community ? chance(0.97) : chance(0.8);
  const unit = {
    code,
    name,
    kind,
    urbanRural: community ? (chance(0.8) ? '111' : '121') : chance(0.85) ? '220' : '210',
    households,
    residents,
    hasFacility,
  };
  if (hasFacility) {
    unit.facilityArea = hundredths(households * (0.18 + random() * 0.25) + between(0, 99) / 100);
    unit.activityArea = hundredths(unit.facilityArea * (0.45 + random() * 0.35));
  } else {
    unit.facilityArea = 0;
    unit.activityArea = 0;
  }
  unit.newlyBuilt = community && chance(0.08);
  if (unit.newlyBuilt) {
    unit.totalFloorArea = hundredths(households * between(80, 110));
    unit.commercialServiceArea = hundredths(unit.totalFloorArea * (0.06 + random() * 0.08));
  }
  unit.selfServiceTerminal = community ? chance(0.85) : chance(0.4);
  unit.communityWorkers = community
    ? Math.round((residents / 10000) * between(12, 26)) + between(3, 6)
    : between(3, 7);
  unit.disasterOfficers = chance(0.93) ? 1 : 0;
  unit.secretaryIsDirector = chance(kind === 'village' ? 0.78 : 0.6);
  unit.satisfactionSurveyed = chance(0.9);
  unit.inQuarterHourCircle = community ? chance(0.96) : chance(0.3);
  unit.governmentServices = chance(0.95);
  unit.resettlement = !community && chance(0.03);
  unit.volunteers = Math.round(residents * (0.05 + random() * 0.15));
  unit.communityHomes = community ? between(0, 3) : between(0, 1);
  unit.has5g = chance(community ? 0.99 : 0.82);
  addPlanTextFields(unit, community);
  return unit;
}

function addPlanTextFields(unit, community) {
  if (unit.satisfactionSurveyed) {
    unit.surveyRespondents = planBetween(community ? 80 : 30, community ? 400 : 150);
    unit.satisfiedRespondents = Math.round(unit.surveyRespondents * (0.82 + planRandom() * 0.16));
  }
  unit.serviceReviews = planBetween(0, community ? 600 : 80);
  unit.positiveReviews = Math.round(unit.serviceReviews * (0.9 + planRandom() * 0.1));
  if (community) unit.daytimeCare = planChance(0.85);
  unit.socialWorkStation = planChance(0.75);
  unit.volunteerStation = unit.hasFacility && planChance(0.7);
  unit.hasLegalAdviser = planChance(0.97);
  if (!community) unit.hasBroadband = planChance(0.99);
  unit.socialWorkers = community ? planBetween(0, 6) : planBetween(0, 1);
  unit.basicCommerce = planChance(community ? 0.9 : 0.35);
}

const HEADERS = {
  code: '统计用区划代码',
  name: '名称',
  kind: '类型',
  urbanRural: '城乡分类代码',
  households: '户数',
  residents: '常住人口',
  hasFacility: '是否建有综合服务设施',
  facilityArea: '综合服务设施建筑面积',
  activityArea: '居民活动区域面积',
  newlyBuilt: '是否新建社区',
  totalFloorArea: '社区总建筑面积',
  commercialServiceArea: '商业和综合服务设施面积',
  selfServiceTerminal: '是否配备政务通用自助服务设备',
  communityWorkers: '社区工作者人数',
  disasterOfficers: '灾害信息员人数',
  secretaryIsDirector: '书记主任一人兼',
  satisfactionSurveyed: '开展满意度调查',
  inQuarterHourCircle: '纳入一刻钟社区服务圈',
  governmentServices: '政务服务进社区',
  resettlement: '安置社区',
  volunteers: '注册志愿者人数',
  communityHomes: '社区之家数量',
  has5g: '通5G',
  surveyRespondents: '满意度调查受访人数',
  satisfiedRespondents: '满意人数',
  serviceReviews: '好差评评价数',
  positiveReviews: '好评数',
  daytimeCare: '日间照料服务',
  socialWorkStation: '社会工作服务站服务',
  volunteerStation: '志愿服务站点',
  hasLegalAdviser: '是否配备法律顾问',
  hasBroadband: '通宽带',
  socialWorkers: '社会工作专业人才人数',
  basicCommerce: '基本便民商业网点全覆盖',
};
const cell = (key, value) =>
  value === undefined
    ? ''
    : typeof value === 'boolean'
      ? value
        ? '是'
        : '否'
      : key === 'kind'
        ? value === 'community'
          ? '居委会'
          : '村委会'
        : String(value);
const csv = `${[Object.values(HEADERS).join(',')]
  .concat(
    units.map((u) =>
      Object.keys(HEADERS)
        .map((key) => cell(key, u[key]))
        .join(','),
    ),
  )
  .join('\r\n')}\r\n`;
const json = `${JSON.stringify(
  {
    note: 'Real division codes and names (国家统计局 统计用区划代码 2023); every measure is SYNTHETIC (seeded generator scripts/make-sample-data.mjs), not official statistics.',
    units,
  },
  null,
  1,
)}\n`;

// Three years of the same units (issue 15): 2025 is the sample above, 2024 and 2023 are drawn back from it by a third
// seeded generator (so every value above stays what it was): fewer facilities and flags, smaller areas, fewer workers
// and volunteers, a little fewer households — a trend rising towards 2025. Each file carries its 年度 column.
let yearSeed = 20230101;
function yearRandom() {
  yearSeed = (yearSeed + 0x6d2b79f5) | 0;
  let t = Math.imul(yearSeed ^ (yearSeed >>> 15), 1 | yearSeed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const YEARS = [2023, 2024, 2025];
/** Flags a unit may have gained during the period, and the share gained per year. */
const GAINED_FLAGS = {
  hasFacility: 0.03,
  selfServiceTerminal: 0.06,
  satisfactionSurveyed: 0.05,
  inQuarterHourCircle: 0.03,
  governmentServices: 0.04,
  has5g: 0.1,
  daytimeCare: 0.05,
  socialWorkStation: 0.08,
  volunteerStation: 0.08,
  hasLegalAdviser: 0.03,
  hasBroadband: 0.02,
  basicCommerce: 0.06,
};
/** Per unit, the draws of its past: the same for every year, so that what a unit had in 2023 it still had in 2024. */
const pasts = units.map(() =>
  Object.fromEntries(['officer', 'homes', ...Object.keys(GAINED_FLAGS)].map((key) => [key, yearRandom()])),
);
const shrink = (value, rate, back) =>
  value === undefined ? undefined : Math.round(value * (1 - rate * back));
const shrinkArea = (value, rate, back) =>
  value === undefined ? undefined : hundredths(value * (1 - rate * back));

function unitInYear(unit, past, year) {
  const back = 2025 - year;
  const earlier = { ...unit };
  if (back === 0) return earlier;
  for (const [key, rate] of Object.entries(GAINED_FLAGS))
    if (earlier[key] === true && past[key] < rate * back) earlier[key] = false;
  earlier.households = shrink(unit.households, 0.012, back);
  earlier.residents = shrink(unit.residents, 0.01, back);
  if (earlier.hasFacility) {
    earlier.facilityArea = shrinkArea(unit.facilityArea, 0.015, back);
    earlier.activityArea = shrinkArea(unit.activityArea, 0.02, back);
  } else {
    earlier.facilityArea = 0;
    earlier.activityArea = 0;
    earlier.volunteerStation = false; // a 志愿服务站点 is part of the facility
  }
  if (earlier.newlyBuilt) earlier.commercialServiceArea = shrinkArea(unit.commercialServiceArea, 0.05, back);
  earlier.communityWorkers = shrink(unit.communityWorkers, 0.05, back);
  earlier.volunteers = shrink(unit.volunteers, 0.09, back);
  earlier.socialWorkers = Math.max(0, unit.socialWorkers - (past.homes < 0.2 * back ? 1 : 0));
  earlier.communityHomes = Math.max(0, unit.communityHomes - (past.homes < 0.25 * back ? 1 : 0));
  if (unit.disasterOfficers === 1 && past.officer < 0.04 * back) earlier.disasterOfficers = 0;
  earlier.serviceReviews = shrink(unit.serviceReviews, 0.15, back);
  earlier.positiveReviews = Math.min(earlier.serviceReviews, shrink(unit.positiveReviews, 0.16, back));
  return earlier;
}

const yearCsv = (year) =>
  `${[['年度', ...Object.values(HEADERS)].join(',')]
    .concat(
      units.map((u, i) => {
        const earlier = unitInYear(u, pasts[i], year);
        return [String(year), ...Object.keys(HEADERS).map((key) => cell(key, earlier[key]))].join(',');
      }),
    )
    .join('\r\n')}\r\n`;

let stale = 0;
for (const [file, text] of [
  ['sample-units.json', json],
  ['sample-units.csv', `\uFEFF${csv}`],
  ...YEARS.map((year) => [`sample-units-${year}.csv`, `\uFEFF${yearCsv(year)}`]),
]) {
  const target = join(outDir, file);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current === text) continue;
  if (check) {
    console.error(`make-sample-data: examples/data/${file} is out of date`);
    stale++;
    continue;
  }
  writeFileSync(target, text);
  console.log(`make-sample-data: wrote examples/data/${file} (${units.length} units)`);
}
process.exit(stale ? 1 : 0);
