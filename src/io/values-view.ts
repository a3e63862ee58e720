import { STATISTICS_FIELD_KEYS } from '../model/fields.js';
import type { UnitStatistics } from '../model/unit-statistics.js';

// A row that is never built (issue 13): when the indicators job keeps no row, the byte reader hands the accumulator
// this view of its values by catalogue index instead of an object of the fields present. Each field is a getter on
// the prototype, derived from the catalogue (no generated code: CSP forbids it in government browsers), so every row
// has one shape and the accumulator's reads are monomorphic; an absent or blank field reads `undefined`, as on a row.
// It is not a row for anything else: its fields are not own properties (a spread or `Object.keys` sees none), and it
// shows the reader's current values — valid only during the call it is handed to.

/** The values the view reads: by catalogue index, `undefined` for a field absent or blank. */
interface ValuesHolder {
  values: readonly unknown[];
}

const ValuesRow = function ValuesRow(this: ValuesHolder, values: readonly unknown[]) {
  this.values = values;
} as unknown as new (
  values: readonly unknown[],
) => ValuesHolder;

STATISTICS_FIELD_KEYS.forEach((key, index) => {
  Object.defineProperty(ValuesRow.prototype, key, {
    // Named, so that a profile shows where the accumulator's reads go.
    get: function readField(this: ValuesHolder) {
      return this.values[index];
    },
  });
});

/**
 * A view of `values` (by catalogue index) as a statistics row for reading only: `view.households` is
 * `values[index of households]` at the time it is read.
 */
export function valuesView(values: readonly unknown[]): UnitStatistics {
  return new ValuesRow(values) as unknown as UnitStatistics;
}
