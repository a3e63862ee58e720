import { guarded } from '../core/guard.js';
import { createIssue, type Issue } from '../core/issue.js';
import { ownValue } from '../core/own-value.js';
import { failure, success, unwrap } from '../core/result.js';
import { PLAN_PERIODS } from './periods.js';
import { isIndicatorProfile } from './profile-check.js';
import { notAProfileObjectIssue } from './profile-issue.js';
import type { Baseline, IndicatorProfile, ProfileIndicator, ProfilePeriodFigures, Target } from './types.js';

// A profile holds figures per plan period (`periods`); its indicators' own `baseline` and `target` are the view of one
// period (`period`, default 十四五). The engine judges a date against the view of the period the date falls in, so
// the row builders read `entry.baseline` / `entry.target` and never need to know about periods.

/** The period the indicators' own `baseline` and `target` show. */
export const DEFAULT_VIEW_PERIOD = '14th';

function own<Value>(record: Readonly<Record<string, Value>> | undefined, key: string): Value | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The baselines and targets the indicators' own fields hold, by indicator id (null-prototype records). */
export function figuresOfEntries(entries: readonly ProfileIndicator[]): ProfilePeriodFigures {
  const baselines = Object.create(null) as Record<string, Baseline>;
  const targets = Object.create(null) as Record<string, Target>;
  for (const entry of entries) {
    const baseline = ownValue<Baseline>(entry, 'baseline');
    const target = ownValue<Target>(entry, 'target');
    if (baseline !== undefined) baselines[entry.indicator.id] = baseline;
    if (target !== undefined) targets[entry.indicator.id] = target;
  }
  return { baselines, targets };
}

/**
 * The figures of one period of a profile: its `periods` entry; for the period in view without one, the indicators'
 * own fields; for any other period, none.
 */
export function figuresOfPeriod(
  profile: IndicatorProfile,
  periodId: string | undefined,
): ProfilePeriodFigures {
  if (periodId === undefined) return {};
  const stored = own(profile.periods, periodId);
  if (stored !== undefined) return stored;
  return periodId === (profile.period ?? DEFAULT_VIEW_PERIOD) ? figuresOfEntries(profile.indicators) : {};
}

/**
 * The profile seen in one plan period: each indicator's `baseline` and `target` are that period's (none where the
 * profile sets none, so every status is `no-target`); `periods` keeps every period's figures, so that a view can be
 * viewed again in another period. `undefined` (a date after every known period) gives a view with no figures.
 *
 * @param profile - a profile
 * @param periodId - a plan period id (`'14th'`, `'15th'`), or `undefined` for none
 * @returns the profile in that period
 * @throws {@link shequ!ShequError} for a `profile` that is no profile object (a built-in one is
 *   `INDICATOR_PROFILES.hebei`, not `'hebei'`) or a `periodId` that is neither text nor `undefined`
 *
 * @example
 * ```ts
 * import { INDICATOR_PROFILES, indicatorProfileForPeriod } from 'shequ';
 * const fifteenth = indicatorProfileForPeriod(INDICATOR_PROFILES.hebei, '15th');
 * [fifteenth.period, fifteenth.indicators[3]?.target, INDICATOR_PROFILES.hebei.indicators[3]?.target?.value];
 * //=> ['15th', undefined, 30]
 * ```
 */
export function indicatorProfileForPeriod(
  profile: IndicatorProfile,
  periodId: string | undefined,
): IndicatorProfile {
  return unwrap(
    guarded(() => {
      if (!isIndicatorProfile(profile)) return failure([notAProfileObjectIssue(profile, ['profile'])]);
      if (periodId !== undefined && typeof periodId !== 'string') return failure([notAPeriodIssue()]);
      return success(profileInPeriod(profile, periodId));
    }),
  );
}

function notAPeriodIssue(): Issue {
  const ids = PLAN_PERIODS.map((period) => period.id);
  return createIssue(
    'invalid_value',
    {
      zh: `periodId 应为规划期代码（${ids.join('、')}）或 undefined`,
      en: `periodId must be a plan period id (${ids.join(', ')}) or undefined`,
    },
    { path: ['periodId'] },
  );
}

/** {@link indicatorProfileForPeriod} of a profile the engine has resolved and checked already. */
export function profileInPeriod(profile: IndicatorProfile, periodId: string | undefined): IndicatorProfile {
  const view = profile.period ?? DEFAULT_VIEW_PERIOD;
  const periods = Object.create(null) as Record<string, ProfilePeriodFigures>;
  for (const id of Object.keys(profile.periods ?? {}))
    periods[id] = profile.periods?.[id] as ProfilePeriodFigures;
  if (view !== 'none' && periods[view] === undefined) periods[view] = figuresOfEntries(profile.indicators);
  const figures = figuresOfPeriod(profile, periodId);
  const indicators = profile.indicators.map((entry) => {
    const baseline = own(figures.baselines, entry.indicator.id);
    const target = own(figures.targets, entry.indicator.id);
    const next: { indicator: ProfileIndicator['indicator']; baseline?: Baseline; target?: Target } = {
      indicator: entry.indicator,
    };
    if (baseline !== undefined) next.baseline = baseline;
    if (target !== undefined) next.target = target;
    return next;
  });
  const seen: IndicatorProfile = { ...profile, indicators, periods };
  return periodId === undefined ? { ...seen, period: 'none' } : { ...seen, period: periodId };
}
