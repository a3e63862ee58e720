import { throwingGuard } from '../core/guard.js';
import type { LocalizedText } from '../core/issue.js';
import { ownValue } from '../core/own-value.js';
import { ShequError } from '../core/result.js';
import {
  baseFactIssues,
  type CheckedProfileChanges,
  changeReferenceIssues,
  checkProfileChanges,
} from './profile-changes.js';
import { isIndicatorProfile } from './profile-check.js';
import { notAProfileObjectIssue } from './profile-issue.js';
import { DEFAULT_VIEW_PERIOD, figuresOfEntries } from './profile-periods.js';
import type {
  Baseline,
  IndicatorProfile,
  ProfileFact,
  ProfileIndicator,
  ProfilePeriodFigures,
  Target,
} from './types.js';

/**
 * Changes to one plan period's figures: baselines and targets by indicator id, `null` removing one.
 *
 * @example
 * ```ts
 * import type { ProfilePeriodChanges } from 'shequ';
 * const changes: ProfilePeriodChanges = {
 *   targets: { facilityAreaPer100Households: { comparator: '>=', value: 35, year: 2030, confidence: 'seed', source: '省“十五五”规划' } },
 * };
 * ```
 */
export interface ProfilePeriodChanges {
  /** New baselines by indicator id; `null` removes one. */
  readonly baselines?: Readonly<Record<string, Baseline | null>>;
  /** New targets by indicator id; `null` removes one. */
  readonly targets?: Readonly<Record<string, Target | null>>;
}

/**
 * Changes to a profile: indicators to add or remove, baselines or targets to replace (`null` removes one) — of the
 * period in view (`override`, the 十四五 for the built-in profiles) or of any period (`periods`) — and facts to add.
 *
 * @example
 * ```ts
 * import type { ProfileChanges } from 'shequ';
 * const changes: ProfileChanges = {
 *   id: 'my-district',
 *   override: { facilityAreaPer100Households: { target: { comparator: '>=', value: 35, year: 2025, confidence: 'seed', source: '区规划' } } },
 * };
 * ```
 */
export interface ProfileChanges {
  /** Identifier of the new profile. */
  readonly id: string;
  /** Name of the new profile (default: the base's). */
  readonly name?: LocalizedText;
  /** Indicators to append. */
  readonly add?: readonly ProfileIndicator[];
  /** Ids of indicators to drop. */
  readonly remove?: readonly string[];
  /** New baselines or targets of the period in view, by indicator id; `null` removes it. */
  readonly override?: Readonly<
    Record<
      string,
      {
        /** The new baseline, or `null` for none. */
        readonly baseline?: Baseline | null;
        /** The new target, or `null` for none. */
        readonly target?: Target | null;
      }
    >
  >;
  /** New baselines or targets of any plan period, by period id (`'14th'`, `'15th'`), applied after `override`. */
  readonly periods?: Readonly<Record<string, ProfilePeriodChanges>>;
  /** Facts to add; one whose id the base has replaces the base's. */
  readonly facts?: readonly ProfileFact[];
}

/** Applies `override` to the entries (the period in view), as before periods were data. */
function overridden(
  entries: readonly ProfileIndicator[],
  override: CheckedProfileChanges['override'],
): ProfileIndicator[] {
  return entries.map((entry) => {
    const change = override[entry.indicator.id];
    if (change === undefined) return entry;
    const next: { indicator: ProfileIndicator['indicator']; baseline?: Baseline; target?: Target } = {
      indicator: entry.indicator,
    };
    // The entry's keys are read as its own (core/own-value.ts): a key of Object.prototype is none of its.
    const nextBaseline =
      change.baseline === undefined ? ownValue<Baseline>(entry, 'baseline') : change.baseline;
    const nextTarget = change.target === undefined ? ownValue<Target>(entry, 'target') : change.target;
    if (nextBaseline !== null && nextBaseline !== undefined) next.baseline = nextBaseline;
    if (nextTarget !== null && nextTarget !== undefined) next.target = nextTarget;
    return next;
  });
}

/** A record of `figures` for the kept indicators, with `changes` applied (`null` removes). */
function changedRecord<Point>(
  figures: Readonly<Record<string, Point>> | undefined,
  changes: Readonly<Record<string, Point | null | undefined>> | undefined,
  kept: ReadonlySet<string>,
): Record<string, Point> {
  const out = Object.create(null) as Record<string, Point>;
  for (const id of Object.keys(figures ?? {}))
    if (kept.has(id)) out[id] = (figures as Record<string, Point>)[id] as Point;
  for (const id of Object.keys(changes ?? {})) {
    const change = (changes as Record<string, Point | null | undefined>)[id];
    if (change === null) delete out[id];
    else if (change !== undefined && kept.has(id)) out[id] = change;
  }
  return out;
}

function changedPeriods(
  base: IndicatorProfile,
  entries: readonly ProfileIndicator[],
  changes: CheckedProfileChanges['periods'],
): Record<string, ProfilePeriodFigures> {
  const view = base.period ?? DEFAULT_VIEW_PERIOD;
  const kept = new Set(entries.map((entry) => entry.indicator.id));
  const periods = Object.create(null) as Record<string, ProfilePeriodFigures>;
  const ids = new Set([...Object.keys(base.periods ?? {}), ...Object.keys(changes), view]);
  for (const id of ids) {
    const figures = id === view ? figuresOfEntries(entries) : (base.periods?.[id] ?? {});
    const change = changes[id];
    periods[id] = {
      baselines: changedRecord(figures.baselines, change?.baselines, kept),
      targets: changedRecord(figures.targets, change?.targets, kept),
    };
  }
  return periods;
}

/** The base's facts with `added` appended, a fact of the same id replacing the base's in place. */
function changedFacts(
  facts: readonly ProfileFact[] | undefined,
  added: readonly ProfileFact[],
): readonly ProfileFact[] {
  const byId = new Map(added.map((fact) => [fact.id, fact]));
  const kept = (facts ?? []).map((fact) => byId.get(fact.id) ?? fact);
  const known = new Set(kept.map((fact) => fact.id));
  return [...kept, ...added.filter((fact) => !known.has(fact.id))];
}

/**
 * Derives a profile from another without touching library code: add or remove indicators, replace any baseline or
 * target of the period in view (`override`) or of any plan period (`periods`), add facts. The base's other facts and
 * periods are kept. The base is not changed.
 *
 * @param base - the profile to start from (e.g. `INDICATOR_PROFILES.hebei`)
 * @param changes - what to change
 * @returns the new profile
 * @throws {@link shequ!ShequError} for a `base` that is no profile object (`INDICATOR_PROFILES.hebei`, not `'hebei'`),
 *   or `changes` of the wrong shape: each value that is not what its key takes (an `id` that is no text, a list that
 *   is none, an entry, point or fact without its parts or its citation) is an issue at its path in `changes`; or a
 *   change by id that names nothing of the profile, as a profile file's (an indicator added twice or already there,
 *   an id to remove or to change that is none of the profile's, a plan period other than `'14th'` and `'15th'`, a
 *   year outside its period, a fact id given twice): `unknown_indicator`, `duplicate_id` or `invalid_value` at its path
 *
 * @example
 * ```ts
 * import { deriveIndicatorProfile, INDICATOR_PROFILES } from 'shequ';
 * const district = deriveIndicatorProfile(INDICATOR_PROFILES.hebei, {
 *   id: 'zhengding',
 *   remove: ['village5gCoverage'],
 *   override: { facilityAreaPer100Households: { target: { comparator: '>=', value: 35, year: 2025, confidence: 'seed', source: '县规划' } } },
 *   periods: { '15th': { targets: { facilityAreaPer100Households: { comparator: '>=', value: 40, year: 2030, confidence: 'seed', source: '县“十五五”规划' } } } },
 * });
 * [district.indicators.length, district.periods?.['15th']?.targets?.facilityAreaPer100Households?.value];
 * //=> [17, 40]
 * ```
 */
export function deriveIndicatorProfile(base: IndicatorProfile, changes: ProfileChanges): IndicatorProfile {
  return throwingGuard(() => {
    if (!isIndicatorProfile(base)) throw new ShequError([notAProfileObjectIssue(base, ['base'])]);
    const { issues, checked } = checkProfileChanges(changes);
    for (const issue of baseFactIssues(base)) issues.push(issue);
    if (issues.length > 0) throw new ShequError(issues);
    const references = changeReferenceIssues(base, checked);
    if (references.length > 0) throw new ShequError(references);
    return derived(base, checked);
  });
}

/** The profile `base` with the checked changes applied. */
function derived(base: IndicatorProfile, changes: CheckedProfileChanges): IndicatorProfile {
  const removed = new Set(changes.remove);
  const listed = [...base.indicators, ...changes.add].filter((entry) => !removed.has(entry.indicator.id));
  const periods = changedPeriods(base, overridden(listed, changes.override), changes.periods);
  const view = periods[base.period ?? DEFAULT_VIEW_PERIOD] as ProfilePeriodFigures;
  const indicators = listed.map((entry): ProfileIndicator => {
    const id = entry.indicator.id;
    const baseline = view.baselines?.[id];
    const target = view.targets?.[id];
    return {
      indicator: entry.indicator,
      ...(baseline === undefined ? {} : { baseline }),
      ...(target === undefined ? {} : { target }),
    };
  });
  const profile: IndicatorProfile = {
    id: changes.id,
    name: changes.name ?? base.name,
    indicators,
    periods,
    ...(base.period === undefined ? {} : { period: base.period }),
  };
  if (changes.facts.length > 0) return { ...profile, facts: changedFacts(base.facts, changes.facts) };
  return base.facts === undefined ? profile : { ...profile, facts: base.facts };
}
