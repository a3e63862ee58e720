import { ownValue } from '../core/own-value.js';
import type { IndicatorProfile } from './types.js';

// Structural checks of a profile object passed by a caller: the roll-up calls `read` and `test`, reads `unit.en` and
// compares targets, so a profile missing any of them must be refused up front (an `invalid_option` issue), not found
// by a TypeError in the middle of the arithmetic.

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isText(value: unknown): boolean {
  return isRecord(value) && typeof value.zh === 'string' && typeof value.en === 'string';
}

function isMeasure(value: unknown): boolean {
  return isRecord(value) && typeof value.read === 'function' && typeof value.unit === 'string';
}

function isFiniteNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value);
}

function isPoint(value: unknown): boolean {
  return (
    value === undefined || (isRecord(value) && isFiniteNumber(value.value) && isFiniteNumber(value.year))
  );
}

const COMPARATORS = ['>=', '>', '<=', '='];
const PROPERTIES = ['expected', 'binding'];

function isTarget(value: unknown): boolean {
  return (
    value === undefined ||
    (isPoint(value) && isRecord(value) && COMPARATORS.includes(value.comparator as string))
  );
}

/** A baseline: a point whose comparator, when it states one, is a known one. */
function isBaseline(value: unknown): boolean {
  return (
    value === undefined ||
    (isPoint(value) &&
      isRecord(value) &&
      (value.comparator === undefined || COMPARATORS.includes(value.comparator as string)))
  );
}

/** A definition's property, read as the rows read it (core/own-value.ts): absent, or a known one. */
function isProperty(value: unknown): boolean {
  return value === undefined || PROPERTIES.includes(value as string);
}

function isDefinition(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    isText(value.unit) &&
    isMeasure(value.numerator) &&
    (value.denominator === undefined || isMeasure(value.denominator)) &&
    isFiniteNumber(value.scale) &&
    (value.scale as number) > 0 &&
    Array.isArray(value.appliesTo) &&
    (value.scope === undefined || (isRecord(value.scope) && typeof value.scope.test === 'function')) &&
    isProperty(ownValue(value, 'property'))
  );
}

/** A record of points by indicator id, each passing `check`; absent is fine. */
function isPointRecord(value: unknown, check: (point: unknown) => boolean): boolean {
  return (
    value === undefined ||
    (isRecord(value) && Object.values(value).every((point) => point !== undefined && check(point)))
  );
}

/** The figures by plan period: each period's baselines and targets of the right shape. */
function isPeriods(value: unknown): boolean {
  return (
    value === undefined ||
    (isRecord(value) &&
      Object.values(value).every(
        (figures) =>
          isRecord(figures) &&
          isPointRecord(figures.baselines, isBaseline) &&
          isPointRecord(figures.targets, isTarget),
      ))
  );
}

/** Whether `value` has the shape of an {@link IndicatorProfile} the engine can run. */
export function isIndicatorProfile(value: unknown): value is IndicatorProfile {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    Array.isArray(value.indicators) &&
    (value.facts === undefined || Array.isArray(value.facts)) &&
    (value.period === undefined || typeof value.period === 'string') &&
    isPeriods(value.periods) &&
    value.indicators.every(
      (entry: unknown) =>
        isRecord(entry) &&
        isDefinition(entry.indicator) &&
        isBaseline(ownValue(entry, 'baseline')) &&
        isTarget(ownValue(entry, 'target')),
    )
  );
}
