/**
 * Data in and out: reading statistics sheets (CSV, Excel) into the model, and writing results.
 *
 * @packageDocumentation
 */
export {
  normalizeDigits,
  parseBooleanCell,
  parseCodeCell,
  parseNumberCell,
  parseUnitKindCell,
} from './cells.js';
