/**
 * The optional keys of the rows reports read — a region's name, a row's year, target, baseline and property — read as
 * the row's own (core/own-value.ts): a key given to Object.prototype (prototype pollution) is not the row's, and is
 * never written into a report. Every model and writer of the report layer reads them here.
 */
import { ownValue } from '../core/own-value.js';
import type { IndicatorProperty } from '../indicators/property.js';
import type { Baseline, Target } from '../indicators/types.js';

/** A row's own `name` (an indicator row, an evaluation row, a series entry). */
export const rowName = (row: { readonly name?: string }): string | undefined => ownValue<string>(row, 'name');

/** A row's own `year`. */
export const rowYear = (row: { readonly year?: number }): number | undefined => ownValue<number>(row, 'year');

/** A row's own `target`. */
export const rowTarget = (row: { readonly target?: Target }): Target | undefined =>
  ownValue<Target>(row, 'target');

/** A row's own `baseline`. */
export const rowBaseline = (row: { readonly baseline?: Baseline }): Baseline | undefined =>
  ownValue<Baseline>(row, 'baseline');

/** A row's own `property` (属性). */
export const rowProperty = (row: { readonly property?: IndicatorProperty }): IndicatorProperty | undefined =>
  ownValue<IndicatorProperty>(row, 'property');
