import { createIssue, type Issue, type LocalizedText, type PathSegment } from '../core/issue.js';
import { planPeriodById } from './periods.js';

// The references a profile makes by id — to indicators, plan periods, facts — checked one way for a profile file
// (loadProfile) and for deriveIndicatorProfile: each that names nothing of the profile is an issue at its path, with
// one code and one message; only the way to bring an indicator into the profile is said as each of them says it.
// Every echoed id is cut to 40 characters (it is the caller's text).

/**
 * A caller's id as a message shows it: cut to 40 characters.
 *
 * @example
 * ```ts
 * shownId('x'.repeat(50)).length;
 * //=> 40
 * ```
 */
export const shownId = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/**
 * How a derive function's message says an indicator or a rule is brought into the profile: by its `add`.
 *
 * @example
 * ```ts
 * PUT_IN_ADD.en;
 * //=> 'put it in add first'
 * ```
 */
export const PUT_IN_ADD: LocalizedText = { zh: '先在 add 中加入', en: 'put it in add first' };

/**
 * What the references of one profile are checked against, and how their messages say what to do.
 *
 * @example
 * ```ts
 * const references: IndicatorReferences = {
 *   known: isIndicatorId,
 *   listed: new Set(['communityHomes']),
 *   unknownHint: { zh: '配置文件只能引用内置指标', en: 'a profile file refers to built-in indicators only' },
 *   listHint: { zh: '先在 indicators 或 addIndicators 中列出', en: 'list it in indicators or addIndicators first' },
 * };
 * ```
 */
export interface IndicatorReferences {
  /** Whether an id names an indicator at all (a built-in one; for a derived profile, also one of its entries). */
  readonly known: (id: string) => boolean;
  /** The ids of the profile's indicators. */
  readonly listed: ReadonlySet<string>;
  /** Why an unknown id names none, after "Unknown indicator: id". */
  readonly unknownHint: LocalizedText;
  /** How an indicator is brought into the profile. */
  readonly listHint: LocalizedText;
}

/**
 * The `unknown_indicator` issue of an id that names no indicator, on `path`.
 *
 * @example
 * ```ts
 * unknownIndicator('nope', ['remove', 0], { zh: '…', en: 'a profile file refers to built-in indicators only' }).message.en;
 * //=> 'Unknown indicator: nope (a profile file refers to built-in indicators only)'
 * ```
 */
export function unknownIndicator(id: string, path: readonly PathSegment[], hint: LocalizedText): Issue {
  return createIssue(
    'unknown_indicator',
    { zh: `未知指标：${shownId(id)}（${hint.zh}）`, en: `Unknown indicator: ${shownId(id)} (${hint.en})` },
    { path },
  );
}

/** Ids of one list that name no indicator (`unknown_indicator`) or repeat an earlier one (`duplicate_id`). */
export function idListIssues(
  ids: readonly string[],
  path: readonly PathSegment[],
  references: Pick<IndicatorReferences, 'known' | 'unknownHint'>,
): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (!references.known(id)) issues.push(unknownIndicator(id, [...path, index], references.unknownHint));
    else if (seen.has(id))
      issues.push(
        createIssue(
          'duplicate_id',
          { zh: `指标重复：${shownId(id)}`, en: `Indicator listed twice: ${shownId(id)}` },
          { path: [...path, index] },
        ),
      );
    seen.add(id);
  });
  return issues;
}

/** Ids of a list of indicators to add that the profile already has: each a `duplicate_id` issue. */
export function alreadyListedIssues(
  ids: readonly string[],
  start: ReadonlySet<string>,
  path: readonly PathSegment[],
): Issue[] {
  const issues: Issue[] = [];
  ids.forEach((id, index) => {
    if (start.has(id))
      issues.push(
        createIssue(
          'duplicate_id',
          { zh: `指标已在方案中：${shownId(id)}`, en: `Indicator already in the profile: ${shownId(id)}` },
          { path: [...path, index] },
        ),
      );
  });
  return issues;
}

/** Ids of a list (indicators to remove) that name no indicator at all. */
export function unknownIdIssues(
  ids: readonly string[],
  path: readonly PathSegment[],
  references: Pick<IndicatorReferences, 'known' | 'unknownHint'>,
): Issue[] {
  const issues: Issue[] = [];
  ids.forEach((id, index) => {
    if (!references.known(id)) issues.push(unknownIndicator(id, [...path, index], references.unknownHint));
  });
  return issues;
}

/** A reference to one of the profile's indicators (a baseline, a target, a change of them): known, and listed. */
export function indicatorReferenceIssues(
  id: string,
  path: readonly PathSegment[],
  references: IndicatorReferences,
): Issue[] {
  if (!references.known(id)) return [unknownIndicator(id, path, references.unknownHint)];
  if (references.listed.has(id)) return [];
  const { listHint } = references;
  return [
    createIssue(
      'invalid_value',
      {
        zh: `指标 ${shownId(id)} 不在本方案的指标中（${listHint.zh}）`,
        en: `Indicator ${shownId(id)} is not one of the profile's (${listHint.en})`,
      },
      { path },
    ),
  ];
}

/** A baseline or target as a period's changes give it: its year, when it states one; `null` removes one. */
type PeriodPoint = { readonly year?: number } | null | undefined;

/** One period's baselines and targets by indicator id, as a file or a derivation gives them. */
export interface PeriodReferences {
  readonly baselines?: Readonly<Record<string, PeriodPoint>>;
  readonly targets?: Readonly<Record<string, PeriodPoint>>;
}

function yearIssue(path: PathSegment[], zh: string, en: string): Issue {
  return createIssue('invalid_value', { zh, en }, { path });
}

function unknownPeriod(periodId: string): Issue {
  return createIssue(
    'invalid_value',
    {
      zh: `未知的规划期：${shownId(periodId)}（应为 14th 或 15th）`,
      en: `Unknown plan period: ${shownId(periodId)} (expected 14th or 15th)`,
    },
    { path: ['periods', periodId] },
  );
}

/**
 * The `periods` of a profile's changes: known period ids, indicators of the profile, years inside the period (a
 * baseline's not after the period's baseline year, a target's within the period), each issue at `['periods', …]`.
 */
export function periodIssues(
  periods: Readonly<Record<string, PeriodReferences>>,
  references: IndicatorReferences,
): Issue[] {
  const issues: Issue[] = [];
  for (const [periodId, figures] of Object.entries(periods)) {
    const period = planPeriodById(periodId);
    if (period === undefined) {
      issues.push(unknownPeriod(periodId));
      continue;
    }
    for (const [id, baseline] of Object.entries(figures.baselines ?? {})) {
      const path = ['periods', periodId, 'baselines', id];
      for (const issue of indicatorReferenceIssues(id, path, references)) issues.push(issue);
      if (baseline?.year !== undefined && baseline.year > period.baselineYear)
        issues.push(
          yearIssue(
            [...path, 'year'],
            `基期年份 ${baseline.year} 晚于${period.name.zh}的基期 ${period.baselineYear} 年`,
            `Baseline year ${baseline.year} is after the period's baseline year ${period.baselineYear}`,
          ),
        );
    }
    for (const [id, target] of Object.entries(figures.targets ?? {})) {
      const path = ['periods', periodId, 'targets', id];
      for (const issue of indicatorReferenceIssues(id, path, references)) issues.push(issue);
      if (target?.year !== undefined && (target.year < period.firstYear || target.year > period.lastYear))
        issues.push(
          yearIssue(
            [...path, 'year'],
            `目标年份 ${target.year} 不在${period.name.zh}（${period.firstYear}–${period.lastYear} 年）内`,
            `Target year ${target.year} is outside the period ${period.firstYear}–${period.lastYear}`,
          ),
        );
    }
  }
  return issues;
}

/** Facts: ids listed once, and the indicator each names (if any) known. */
export function factIssues(
  facts: readonly { readonly id: string; readonly indicator?: string }[],
  references: Pick<IndicatorReferences, 'known' | 'unknownHint'>,
): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  facts.forEach((fact, index) => {
    if (seen.has(fact.id))
      issues.push(
        createIssue(
          'duplicate_id',
          { zh: `事实标识重复：${shownId(fact.id)}`, en: `Fact id listed twice: ${shownId(fact.id)}` },
          { path: ['facts', index, 'id'] },
        ),
      );
    seen.add(fact.id);
    if (fact.indicator !== undefined && !references.known(fact.indicator))
      issues.push(unknownIndicator(fact.indicator, ['facts', index, 'indicator'], references.unknownHint));
  });
  return issues;
}
