import { ownValue } from '../core/own-value.js';
import { everyItem, isRecord, isText } from '../core/shape.js';
import type { Confidence, IndicatorProfile, ProfileFact } from './types.js';

// Structural checks of a profile object passed by a caller: the roll-up calls `read` and `test`, reads `unit.en` and
// compares targets, so a profile missing any of them must be refused up front (an `invalid_option` issue), not found
// by a TypeError in the middle of the arithmetic. Optional keys are read as the profile's own (core/own-value.ts), as
// the page and the reports read them: a key given to Object.prototype is none of the profile's.

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

/** A target: a point with a known comparator (or none at all). */
export function isTarget(value: unknown): boolean {
  return (
    value === undefined ||
    (isPoint(value) && isRecord(value) && COMPARATORS.includes(value.comparator as string))
  );
}

/** A baseline: a point whose comparator, when it states one, is a known one (or none at all). */
export function isBaseline(value: unknown): boolean {
  return (
    value === undefined ||
    (isPoint(value) && isRecord(value) && isComparatorOrNone(ownValue(value, 'comparator')))
  );
}

const isComparatorOrNone = (comparator: unknown) =>
  comparator === undefined || COMPARATORS.includes(comparator as string);

/** A definition's property, read as the rows read it (core/own-value.ts): absent, or a known one. */
function isProperty(value: unknown): boolean {
  return value === undefined || PROPERTIES.includes(value as string);
}

function isDefinition(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const denominator = ownValue(value, 'denominator');
  const scope = ownValue(value, 'scope');
  return (
    typeof value.id === 'string' &&
    isText(value.unit) &&
    isMeasure(value.numerator) &&
    (denominator === undefined || isMeasure(denominator)) &&
    isFiniteNumber(value.scale) &&
    (value.scale as number) > 0 &&
    Array.isArray(value.appliesTo) &&
    (scope === undefined || (isRecord(scope) && typeof scope.test === 'function')) &&
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
          isPointRecord(ownValue(figures, 'baselines'), isBaseline) &&
          isPointRecord(ownValue(figures, 'targets'), isTarget),
      ))
  );
}

/** An entry of a profile's indicators: a definition the engine can run, with its baseline and target. */
export function isProfileEntry(entry: unknown): boolean {
  return (
    isRecord(entry) &&
    isDefinition(entry.indicator) &&
    isBaseline(ownValue(entry, 'baseline')) &&
    isTarget(ownValue(entry, 'target'))
  );
}

/** Whether `value` has the shape of an {@link IndicatorProfile} the engine can run. */
export function isIndicatorProfile(value: unknown): value is IndicatorProfile {
  if (!isRecord(value)) return false;
  const facts = ownValue(value, 'facts');
  const period = ownValue(value, 'period');
  return (
    typeof value.id === 'string' &&
    Array.isArray(value.indicators) &&
    (facts === undefined || Array.isArray(facts)) &&
    (period === undefined || typeof period === 'string') &&
    isPeriods(ownValue(value, 'periods')) &&
    everyItem(value.indicators, isProfileEntry)
  );
}

const CONFIDENCES: readonly Confidence[] = ['seed', 'national', 'local-consensus', 'unverified'];

/** Whether a baseline, target or fact states where it comes from: a known confidence, a source, a quote if any. */
export function isCited(point: Record<string, unknown>): boolean {
  const quote = ownValue(point, 'quote');
  return (
    CONFIDENCES.includes(point.confidence as Confidence) &&
    typeof point.source === 'string' &&
    (quote === undefined || typeof quote === 'string')
  );
}

/** Whether `value` is a {@link ProfileFact}: its figure, unit, year and citation, and the optional keys' types. */
export function isProfileFact(value: unknown): value is ProfileFact {
  if (!isRecord(value) || typeof value.id !== 'string' || !isText(value.name) || !isText(value.unit))
    return false;
  if (!isFiniteNumber(value.value) || !isFiniteNumber(value.year) || !isCited(value)) return false;
  const comparator = ownValue(value, 'comparator');
  const approximate = ownValue(value, 'approximate');
  return (
    typeof value.quote === 'string' &&
    (comparator === undefined || COMPARATORS.includes(comparator as string)) &&
    (approximate === undefined || approximate === true) &&
    ['indicator', 'note'].every((key) => {
      const text = ownValue(value, key);
      return text === undefined || typeof text === 'string';
    })
  );
}
