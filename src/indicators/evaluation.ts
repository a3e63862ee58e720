import { isWithinDivision } from '../codes/division-code.js';
import { resolveAsOf } from '../core/as-of.js';
import { guarded, invalidOption } from '../core/guard.js';
import { createIssue, type Issue } from '../core/issue.js';
import { isIterableObject } from '../core/iterable.js';
import { ownValue } from '../core/own-value.js';
import { failure, type Result, success } from '../core/result.js';
import { STATISTICS_YEAR_RANGE } from '../model/fields.js';
import type { Unit } from '../model/unit.js';
import { isRichUnit, toUnitStatistics } from '../model/unit.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { computeIndicatorTable } from './compute.js';
import type {
  EvaluatePlanPeriodOptions,
  EvaluationRow,
  EvaluationStatus,
  PlanEvaluation,
} from './evaluation-types.js';
import {
  PLAN_PERIODS,
  type PlanPeriod,
  planPeriodById,
  planPeriodEndedBy,
  unknownPeriodIssue,
} from './periods.js';
import { unknownProfileIssue } from './profile-issue.js';
import { profileInPeriod } from './profile-periods.js';
import { type IndicatorProfileName, resolveIndicatorProfile } from './profiles.js';
import { progressAgainst } from './progress.js';
import type { IndicatorProperty } from './property.js';
import type { GroupLevel, IndicatorRow } from './rows.js';
import { checkRowsOptions } from './rows-options.js';
import type { Baseline, IndicatorProfile, ProfileIndicator, Target } from './types.js';

/** The province and its cities: the regions of the plans' own 主要指标 tables. */
const DEFAULT_LEVELS: readonly GroupLevel[] = ['province', 'prefecture'];
const LEVEL_ORDER: readonly GroupLevel[] = ['province', 'prefecture', 'county', 'township', 'unit'];

/**
 * The period evaluated by default at a date: the latest one that has ended by then (a final evaluation), or the first
 * before any has ended.
 */
function defaultPeriod(asOf: string): PlanPeriod {
  return planPeriodEndedBy(asOf) ?? PLAN_PERIODS[0];
}

function resolvePeriod(period: unknown, asOf: string): Result<PlanPeriod> {
  if (period === undefined) return success(defaultPeriod(asOf));
  const chosen = planPeriodById(period);
  return chosen === undefined ? failure([unknownPeriodIssue()]) : success(chosen);
}

const isYear = (value: unknown): value is number =>
  typeof value === 'number' &&
  Number.isInteger(value) &&
  value >= STATISTICS_YEAR_RANGE.min &&
  value <= STATISTICS_YEAR_RANGE.max;

/** The `year` and `regions` options, which only the evaluation takes. */
function evaluationOptionIssues(options: Readonly<Record<string, unknown>>): Issue[] {
  const issues: Issue[] = [];
  if (options.year !== undefined && !isYear(options.year))
    issues.push(
      invalidOption(
        ['year'],
        `year 应为 ${STATISTICS_YEAR_RANGE.min}–${STATISTICS_YEAR_RANGE.max} 的整数年份`,
        `year must be a whole year from ${STATISTICS_YEAR_RANGE.min} to ${STATISTICS_YEAR_RANGE.max}`,
      ),
    );
  const regions = options.regions;
  if (
    regions !== undefined &&
    !(Array.isArray(regions) && regions.every((code) => typeof code === 'string' && /^\d{2,12}$/.test(code)))
  )
    issues.push(
      invalidOption(
        ['regions'],
        'regions 应为区划代码（2–12 位数字）的数组',
        'regions must be an array of division codes (2–12 digits)',
      ),
    );
  return issues;
}

/** The rows of the evaluated year, with their indices in the input, and the count of rows of other years. */
interface RowsByYear {
  readonly ofYear: UnitStatistics[];
  readonly indices: number[];
  readonly others: UnitStatistics[];
  readonly badYears: Issue[];
}

function splitByYear(units: Iterable<unknown>, year: number, defaultYear: number): RowsByYear {
  const split: RowsByYear = { ofYear: [], indices: [], others: [], badYears: [] };
  let index = 0;
  for (const unit of units) {
    const row = isRichUnit(unit) ? toUnitStatistics(unit) : (unit as UnitStatistics);
    const own = row !== null && typeof row === 'object' ? (row as { year?: unknown }).year : undefined;
    if (own !== undefined && !isYear(own)) {
      split.badYears.push(
        createIssue(
          'invalid_value',
          {
            zh: `统计年度应为 ${STATISTICS_YEAR_RANGE.min}–${STATISTICS_YEAR_RANGE.max} 的整数年份，此行未计入`,
            en: `The year must be a whole year from ${STATISTICS_YEAR_RANGE.min} to ${STATISTICS_YEAR_RANGE.max}; this row is not counted`,
          },
          { path: [index, 'year'], severity: 'warning' },
        ),
      );
    } else if ((own ?? defaultYear) === year) {
      split.ofYear.push(row);
      split.indices.push(index);
    } else split.others.push(row);
    index++;
  }
  return split;
}

const regionKey = (row: { level: GroupLevel; region: string }) => `${row.level}:${row.region}`;

function compareRegions(a: { level: GroupLevel; region: string }, b: { level: GroupLevel; region: string }) {
  const byLevel = LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level);
  return byLevel !== 0 ? byLevel : a.region < b.region ? -1 : a.region > b.region ? 1 : 0;
}

/** One evaluation line from an indicator row of the target year (or from none: a region seen only in other years). */
function evaluationRow(
  serial: number,
  entry: ProfileIndicator,
  region: { region: string; level: GroupLevel; name?: string | undefined },
  computed: IndicatorRow | undefined,
  period: PlanPeriod,
): EvaluationRow {
  const definition = entry.indicator;
  // The period's end (or a target's own later deadline, which a profile file may set) as the date: the status is the
  // final one (met / not met, never on-track or behind), by progress.ts's own comparison.
  const target = ownValue<Target>(entry, 'target');
  const baseline = ownValue<Baseline>(entry, 'baseline');
  const deadline = target === undefined ? period.end : `${target.year}-12-31`;
  const at = deadline > period.end ? deadline : period.end;
  const final = progressAgainst(computed?.value ?? null, target, baseline, at, 2);
  const row: Record<string, unknown> = { serial, region: region.region, level: region.level };
  if (region.name !== undefined) row.name = region.name;
  row.indicator = definition.id;
  row.indicatorName = definition.name;
  row.unit = definition.unit;
  // Read as the indicator rows read them (core/own-value.ts): a key of Object.prototype is not the entry's.
  const property = ownValue<IndicatorProperty>(definition, 'property');
  if (property !== undefined) row.property = property;
  if (baseline !== undefined) row.baseline = baseline;
  if (target !== undefined) row.target = target;
  row.actual = computed?.value ?? null;
  if (computed === undefined) row.reason = 'no-rows-of-year';
  else if (computed.reason !== undefined) row.reason = computed.reason;
  row.year = period.targetYear;
  row.status = final.status as EvaluationStatus;
  row.gap = computed?.gap ?? final.gap;
  row.numerator = computed?.numerator ?? 0;
  row.denominator = computed?.denominator ?? 0;
  row.missing = computed?.missing ?? 0;
  row.formula = definition.formula;
  if (computed?.fromTotal === true) row.fromTotal = true;
  return row as unknown as EvaluationRow;
}

/** The evaluation lines of every region, in table order, kept to `regions` when given. */
function evaluationRows(
  computed: readonly IndicatorRow[],
  seenElsewhere: readonly IndicatorRow[],
  profile: IndicatorProfile,
  period: PlanPeriod,
  regions: readonly string[] | undefined,
): EvaluationRow[] {
  const byRegion = new Map<string, Map<string, IndicatorRow>>();
  const places = new Map<string, { region: string; level: GroupLevel; name?: string | undefined }>();
  for (const row of computed) {
    const key = regionKey(row);
    if (!byRegion.has(key)) byRegion.set(key, new Map());
    byRegion.get(key)?.set(row.indicator, row);
    places.set(key, { region: row.region, level: row.level, name: row.name });
  }
  for (const row of seenElsewhere)
    if (!places.has(regionKey(row)))
      places.set(regionKey(row), { region: row.region, level: row.level, name: row.name });
  const ordered = [...places.values()]
    .filter((place) => regions === undefined || regions.some((code) => isWithinDivision(place.region, code)))
    .sort(compareRegions);
  const rows: EvaluationRow[] = [];
  for (const place of ordered) {
    const ofRegion = byRegion.get(regionKey(place));
    profile.indicators.forEach((entry, i) => {
      rows.push(evaluationRow(i + 1, entry, place, ofRegion?.get(entry.indicator.id), period));
    });
  }
  return rows;
}

function provisionalIssue(period: PlanPeriod, asOf: string): Issue {
  return createIssue(
    'provisional_evaluation',
    {
      zh: `${period.name.zh}规划期至 ${period.end} 结束，评估日期 ${asOf} 时尚未结束：评估结果为初步结果`,
      en: `The ${period.name.en} ends on ${period.end}, after the evaluation date ${asOf}: the evaluation is provisional`,
    },
    { path: ['asOf'], severity: 'warning' },
  );
}

function noRowsIssue(year: number, others: number): Issue {
  return createIssue(
    'no_rows_for_year',
    {
      zh: `没有 ${year} 年度的数据行（其他年度 ${others} 行）：每项指标的完成情况均为无数据`,
      en: `No row describes ${year} (${others} rows of other years): every indicator's status is no data`,
    },
    { path: ['year'], severity: 'warning' },
  );
}

/**
 * The evaluation table of a plan period (终期评估), as the plans' own 主要指标 tables are laid out: for each region
 * (by default the province and its cities) and each indicator of the profile, the baseline of the period's baseline
 * year with its comparator ("≥ 98"), the target of its target year, the actual value of the target year computed
 * from the rows, the 属性, the 完成情况 (`met`, `not-met`, `no-data`, `no-target`: progress.ts's comparison at the
 * period's end), the arithmetic (numerator, denominator, formula) and the sources of baseline and target with their
 * confidence.
 *
 * Rows are taken by their 统计年度 (`year`): those of the target year (2025 for the 十四五) are counted; a row without
 * a year is taken to describe the year of the `year` option (default the target year); rows of other years are not
 * counted (their regions still appear, with status `no-data`). The actual values are exactly those of
 * `computeIndicatorTable` over the target year's rows.
 *
 * @param units - statistics rows (with or without a `year`) or rich unit records
 * @param options - period (default: the latest ended by `asOf`), profile, as-of date, levels, regions, `year` of rows
 *   without one, rounding, division lists, external denominators
 * @returns the evaluation, with `provisional_evaluation` (the period had not ended by `asOf`) and `no_rows_for_year`
 *   warnings; or issues for an unknown period or profile, a bad date or option, units that are not iterable. Never
 *   throws.
 *
 * @example
 * ```ts
 * import { evaluatePlanPeriod } from 'shequ';
 * const result = evaluatePlanPeriod(
 *   [
 *     { code: '130123100201', kind: 'village', year: 2025, households: 300, hasFacility: true, facilityArea: 100 },
 *     { code: '130123100202', kind: 'village', year: 2025, households: 200, hasFacility: false },
 *     { code: '130123100201', kind: 'village', year: 2024, households: 300, hasFacility: false },
 *   ],
 *   { period: '14th', profile: 'hebei', asOf: '2026-06-30' },
 * );
 * result.success && result.data.rows.find((row) => row.level === 'province' && row.indicator === 'ruralFacilityCoverage');
 * //=> { serial: 1, region: '130000000000', level: 'province', indicator: 'ruralFacilityCoverage',
 * //     indicatorName: { zh: '农村社区综合服务设施覆盖率', … }, unit: { zh: '%', en: '%' },
 * //     baseline: { year: 2020, value: 65, confidence: 'seed', … },
 * //     target: { comparator: '>=', value: 80, year: 2025, confidence: 'unverified', … },
 * //     actual: 50, year: 2025, status: 'not-met', gap: 30, numerator: 1, denominator: 2, missing: 0,
 * //     formula: { zh: '建有综合服务设施的单位数 / 村总数 × 100', … } }
 * ```
 */
export function evaluatePlanPeriod(
  units: Iterable<UnitStatistics | Unit>,
  options: EvaluatePlanPeriodOptions = {},
): Result<PlanEvaluation> {
  return guarded(() => {
    const checked = checkRowsOptions(options);
    if (!checked.success) return checked;
    const o = checked.data.given;
    const optionIssues = evaluationOptionIssues(o);
    if (optionIssues.length > 0) return failure(optionIssues);
    const asOf = resolveAsOf(o.asOf as EvaluatePlanPeriodOptions['asOf']);
    if (!asOf.success) return asOf;
    const period = resolvePeriod(o.period, asOf.data);
    if (!period.success) return period;
    const resolved = resolveIndicatorProfile(
      o.profile as IndicatorProfileName | IndicatorProfile | undefined,
    );
    if (resolved === undefined) return failure([unknownProfileIssue(o.profile)]);
    if (!isIterableObject(units))
      return failure([
        createIssue('invalid_type', {
          zh: '应为社区（村）记录的数组或可迭代对象',
          en: 'Expected an array (or iterable) of unit records',
        }),
      ]);
    return success(evaluate(units, options, o, resolved, period.data, asOf.data));
  });
}

function evaluate(
  units: Iterable<unknown>,
  options: EvaluatePlanPeriodOptions,
  o: Readonly<Record<string, unknown>>,
  profile: IndicatorProfile,
  period: PlanPeriod,
  asOf: string,
): PlanEvaluation {
  const split = splitByYear(units, period.targetYear, (o.year as number | undefined) ?? period.targetYear);
  const { regions: _regions, year: _year, ...rest } = options;
  const settings = {
    ...rest,
    profile,
    period: period.id,
    asOf: period.end,
    groupBy: (o.groupBy as readonly GroupLevel[] | undefined) ?? DEFAULT_LEVELS,
  };
  // Both calls succeed: the options were checked above and the rows are arrays. The year's rows that carry no year
  // describe it (they are among them for that reason): the table is told so, as it would set them aside beside rows
  // that state theirs (counted in `units`, in no figure).
  const table = computeIndicatorTable(split.ofYear, { ...settings, year: period.targetYear });
  const elsewhere = split.others.length > 0 ? computeIndicatorTable(split.others, settings) : undefined;
  const computed = table.success ? table.data : undefined;
  const view = profileInPeriod(profile, period.id);
  const regions = (o.regions as readonly string[] | undefined)?.map((code) => code.padEnd(12, '0'));
  const rows = evaluationRows(
    computed?.rows ?? [],
    elsewhere?.success === true ? elsewhere.data.rows : [],
    view,
    period,
    regions,
  );
  // The indices of the skipped rows are those of the year's rows: mapped back to the input's.
  const skipped = (computed?.skipped ?? []).map((issue) =>
    typeof issue.path[0] === 'number'
      ? { ...issue, path: [split.indices[issue.path[0]] ?? issue.path[0], ...issue.path.slice(1)] }
      : issue,
  );
  for (const issue of split.badYears) skipped.push(issue);
  const warnings: Issue[] = [];
  if (asOf < period.end) warnings.push(provisionalIssue(period, asOf));
  if (split.ofYear.length === 0) warnings.push(noRowsIssue(period.targetYear, split.others.length));
  for (const issue of computed?.warnings ?? []) warnings.push(issue);
  const evaluation: PlanEvaluation = {
    period,
    asOf,
    provisional: asOf < period.end,
    profile: profile.id,
    year: period.targetYear,
    units: computed?.units ?? 0,
    otherYears: split.others.length,
    rows,
    skipped,
  };
  return warnings.length === 0 ? evaluation : { ...evaluation, warnings };
}
