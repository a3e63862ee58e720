import type { Issue, LocalizedText, PathSegment } from '../core/issue.js';
import { ownValue } from '../core/own-value.js';
import {
  changesHead,
  EXPECTED,
  type ItemShape,
  isRecord,
  listOf,
  recordOf,
  shapeIssue,
  TEXT_ITEM,
} from '../core/shape.js';
import { isIndicatorId } from './catalogue.js';
import { isBaseline, isCited, isProfileEntry, isProfileFact, isTarget } from './profile-check.js';
import {
  alreadyListedIssues,
  factIssues,
  type IndicatorReferences,
  idListIssues,
  indicatorReferenceIssues,
  PUT_IN_ADD,
  periodIssues,
  unknownIdIssues,
} from './profile-references.js';
import type { Baseline, IndicatorProfile, ProfileFact, ProfileIndicator, Target } from './types.js';

// The changes deriveIndicatorProfile is given, read once and checked: every key of the wrong shape is an issue at its
// path in `changes`, and the derivation reads only the copy made here, never the caller's object again (a getter read
// twice could give another value the second time).

/** The baseline and target of one indicator of the period in view: `null` removes one, `undefined` keeps it. */
export interface PointChange {
  readonly baseline: Baseline | null | undefined;
  readonly target: Target | null | undefined;
}

/** One period's changes, in records without a prototype (`undefined` changes nothing, as before). */
export interface PeriodChange {
  readonly baselines: Readonly<Record<string, Baseline | null | undefined>>;
  readonly targets: Readonly<Record<string, Target | null | undefined>>;
}

/** The changes, checked: each key the caller's own, records without a prototype. */
export interface CheckedProfileChanges {
  readonly id: string;
  readonly name: LocalizedText | undefined;
  readonly add: readonly ProfileIndicator[];
  readonly remove: readonly string[];
  readonly override: Readonly<Record<string, PointChange>>;
  readonly periods: Readonly<Record<string, PeriodChange>>;
  readonly facts: readonly ProfileFact[];
}

const CITED_BASELINE: LocalizedText = {
  zh: '注明出处的基期值（value、year、confidence、source）或 null',
  en: 'a cited baseline (value, year, confidence, source) or null',
};
const CITED_TARGET: LocalizedText = {
  zh: '注明出处的目标（comparator、value、year、confidence、source）或 null',
  en: 'a cited target (comparator, value, year, confidence, source) or null',
};

/** A baseline or target that states its source, or none. */
const isCitedOrNone = (point: unknown) => point === undefined || isCited(point as Record<string, unknown>);

const ENTRY_ITEM: ItemShape = {
  check: (entry) =>
    isProfileEntry(entry) &&
    isCitedOrNone(ownValue(entry as object, 'baseline')) &&
    isCitedOrNone(ownValue(entry as object, 'target')),
  expected: {
    zh: '指标条目 { indicator, baseline?, target? }（指标定义见 INDICATORS）',
    en: 'a profile entry { indicator, baseline?, target? } (definitions as in INDICATORS)',
  },
  code: 'invalid_value',
};

const FACT_ITEM: ItemShape = {
  check: isProfileFact,
  expected: {
    zh: '事实（id、name、value、unit、year、confidence、source、quote）',
    en: 'a fact (id, name, value, unit, year, confidence, source, quote)',
  },
  code: 'invalid_value',
};

/** A point a change gives: `null` (remove), absent, or a point of its shape with its citation; else an issue. */
function pointAt<Point>(
  value: unknown,
  path: readonly PathSegment[],
  isPoint: (point: unknown) => boolean,
  issues: Issue[],
): Point | null | undefined {
  if (value === null || value === undefined || (isPoint(value) && isCited(value as Record<string, unknown>)))
    return value as Point | null | undefined;
  issues.push(shapeIssue('invalid_value', path, isPoint === isTarget ? CITED_TARGET : CITED_BASELINE));
  return undefined;
}

/** One entry of `override`: its baseline and target. */
function pointChange(entry: unknown, path: readonly PathSegment[], issues: Issue[]): PointChange {
  if (!isRecord(entry)) {
    issues.push(shapeIssue('invalid_type', path, EXPECTED.object));
    return { baseline: undefined, target: undefined };
  }
  return {
    baseline: pointAt<Baseline>(ownValue(entry, 'baseline'), [...path, 'baseline'], isBaseline, issues),
    target: pointAt<Target>(ownValue(entry, 'target'), [...path, 'target'], isTarget, issues),
  };
}

/** One entry of `periods`: its baselines and targets by indicator id. */
function periodChange(figures: unknown, path: readonly PathSegment[], issues: Issue[]): PeriodChange {
  if (!isRecord(figures)) {
    issues.push(shapeIssue('invalid_type', path, EXPECTED.object));
    return { baselines: {}, targets: {} };
  }
  const points = <Point>(key: string, isPoint: (point: unknown) => boolean) =>
    recordOf(
      ownValue(figures, key),
      [...path, key],
      (point, at) => pointAt<Point>(point, at, isPoint, issues),
      issues,
    );
  return {
    baselines: points<Baseline>('baselines', isBaseline),
    targets: points<Target>('targets', isTarget),
  };
}

/**
 * The changes read once and checked: their copy, and an issue at the path of every value of the wrong shape (the
 * copy is then not to be used).
 */
export function checkProfileChanges(changes: unknown): { issues: Issue[]; checked: CheckedProfileChanges } {
  const issues: Issue[] = [];
  const { given, id, name } = changesHead(changes, issues);
  const remove = listOf<string>(ownValue(given, 'remove'), 'remove', TEXT_ITEM, issues);
  const add = listOf<ProfileIndicator>(ownValue(given, 'add'), 'add', ENTRY_ITEM, issues);
  const override = recordOf(
    ownValue(given, 'override'),
    ['override'],
    (entry, path) => pointChange(entry, path, issues),
    issues,
  );
  const periods = recordOf(
    ownValue(given, 'periods'),
    ['periods'],
    (figures, path) => periodChange(figures, path, issues),
    issues,
  );
  const facts = listOf<ProfileFact>(ownValue(given, 'facts'), 'facts', FACT_ITEM, issues);
  return {
    issues,
    checked: {
      id,
      name,
      add,
      remove,
      override,
      periods,
      facts,
    },
  };
}

/** A fact of the base (a profile checked to run) that is none: the facts of the derived profile are made from them. */
export function baseFactIssues(base: IndicatorProfile): Issue[] {
  const issues: Issue[] = [];
  (base.facts ?? []).forEach((fact, index) => {
    if (!FACT_ITEM.check(fact))
      issues.push(shapeIssue('invalid_value', ['base', 'facts', index], FACT_ITEM.expected));
  });
  return issues;
}

/** Why an id names no indicator of a derivation: its indicators are the built-in ones and its base's and added ones. */
const NO_INDICATOR: LocalizedText = {
  zh: '既不是内置指标，也不是本方案的指标',
  en: "neither a built-in indicator nor one of the profile's",
};

/**
 * The references by id of changes of the right shape, checked as a profile file's are (profile-references.ts): an
 * indicator added twice or already the base's, an id to remove that names no indicator, an id to change that names
 * none of the derived profile's, a plan period there is none of, a year outside its period, a fact id given twice.
 */
export function changeReferenceIssues(base: IndicatorProfile, changes: CheckedProfileChanges): Issue[] {
  const baseIds = base.indicators.map((entry) => entry.indicator.id);
  const addedIds = changes.add.map((entry) => entry.indicator.id);
  const entries = new Set([...baseIds, ...addedIds]);
  const removed = new Set(changes.remove);
  const references: IndicatorReferences = {
    known: (id) => isIndicatorId(id) || entries.has(id),
    listed: new Set([...entries].filter((id) => !removed.has(id))),
    unknownHint: NO_INDICATOR,
    listHint: PUT_IN_ADD,
  };
  return [
    ...idListIssues(addedIds, ['add'], references),
    ...alreadyListedIssues(addedIds, new Set(baseIds), ['add']),
    ...unknownIdIssues(changes.remove, ['remove'], references),
    ...Object.keys(changes.override).flatMap((id) =>
      indicatorReferenceIssues(id, ['override', id], references),
    ),
    ...periodIssues(changes.periods, references),
    ...factIssues(changes.facts, references),
  ];
}
