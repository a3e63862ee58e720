import { townshipKey } from '../codes/village-key.js';
import { extraDataKeys } from '../core/distinct-key.js';
import {
  STATISTICS_FIELD_KEYS,
  type StatisticsFieldKey,
  type StatisticsFieldKind,
  statisticsField,
} from '../model/fields.js';
import { notCarriedAmong, valuesFitKind } from '../model/row-checks.js';
import { type UnitStatistics, VALID_OF_KIND } from '../model/unit-statistics.js';
import {
  parseBooleanCell,
  parseCodeCell,
  parseNumberCell,
  parseUnitKindCell,
  parseYearCell,
} from './cells.js';
import type { AcceptedRow } from './row-reader.js';

// The accept path of the readers: from the header found, one converter per column, built once, turns each cell into
// its field's canonical value and checks it as the field's zod schema would, mostly by character codes (a count is
// its ASCII digits summed, no regex, no `Number()`). Whatever is not plain (full-width digits, thousands separators,
// white space, 有/无, a blank) goes through the cell readers of cells.ts and the checks of the model, so every spelling
// the readers accept is accepted here. When anything is wrong the row is not accepted here: the reader then runs the
// old path (readCell + zod) on it, which stays the specification and says why (row-issues.ts).

/** What a converter returns for a cell it rejects (a value no field holds). */
export const REJECTED: unique symbol = Symbol('rejected');

/** A cell's canonical value, `undefined` for a blank cell (the field is absent), or {@link REJECTED}. */
export type CellValue = string | number | boolean | undefined | typeof REJECTED;

/** Converts one cell of a column. */
type Converter = (cell: string) => CellValue;

/** The value the slow readers of cells.ts give, checked as the model checks it. */
function checked(value: unknown, kind: StatisticsFieldKind): CellValue {
  if (value === undefined) return undefined;
  if (value === null || !VALID_OF_KIND[kind](value)) return REJECTED;
  return value as string | number | boolean;
}

/** Digits only, at most 15 of them (below 2^53, so the sum is exact): the integer; anything else → the slow path. */
function countCell(cell: string): CellValue {
  const length = cell.length;
  if (length === 0 || length > 15) return checked(parseNumberCell(cell), 'count');
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = cell.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return checked(parseNumberCell(cell), 'count');
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Digits with at most two decimals, 15 digits at most: the integer of hundredths (or tenths) divided once, which is
 * the double nearest the decimal — exactly what `Number(cell)` gives, both being correctly rounded.
 */
function areaCell(cell: string): CellValue {
  const length = cell.length;
  if (length === 0 || length > 15) return checked(parseNumberCell(cell), 'area');
  let value = 0;
  let point = -1;
  for (let i = 0; i < length; i++) {
    const code = cell.charCodeAt(i);
    if (code === 46 && point === -1 && i > 0) point = i;
    else if (code >= 48 && code <= 57) value = value * 10 + (code - 48);
    else return checked(parseNumberCell(cell), 'area');
  }
  if (point === -1) return value;
  const decimals = length - point - 1;
  if (decimals === 1) return value / 10;
  if (decimals === 2) return value / 100;
  return checked(parseNumberCell(cell), 'area');
}

function flagCell(cell: string): CellValue {
  if (cell === '是') return true;
  if (cell === '否') return false;
  return checked(parseBooleanCell(cell), 'flag');
}

function unitKindCell(cell: string): CellValue {
  if (cell === '居委会') return 'community';
  if (cell === '村委会') return 'village';
  return checked(parseUnitKindCell(cell), 'unitKind');
}

function codeCell(cell: string): CellValue {
  // townshipKey reads the 12 digits and checks every segment without allocating.
  if (townshipKey(cell) >= 0) return cell;
  return checked(parseCodeCell(cell), 'code');
}

function urbanRuralCell(cell: string): CellValue {
  if (VALID_OF_KIND.urbanRural(cell)) return cell;
  return checked(parseCodeCell(cell), 'urbanRural');
}

/** Four ASCII digits in range: the year; anything else (`2025年`, full-width, blank) → the cell reader. */
function yearCell(cell: string): CellValue {
  if (cell.length === 4) {
    let value = 0;
    for (let i = 0; i < 4; i++) {
      const digit = cell.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return checked(parseYearCell(cell), 'year');
      value = value * 10 + digit;
    }
    if (VALID_OF_KIND.year(value)) return value;
  }
  return checked(parseYearCell(cell), 'year');
}

/** A damaged character (U+FFFD from the decoder) rejects the row: the text is not what was written. */
export function textCell(cell: string): CellValue {
  const text = cell.trim();
  if (text === '') return undefined;
  return text.indexOf('\uFFFD') === -1 ? text : REJECTED;
}

const CONVERTER_OF_KIND: Readonly<Record<StatisticsFieldKind, Converter>> = {
  code: codeCell,
  text: textCell,
  unitKind: unitKindCell,
  urbanRural: urbanRuralCell,
  year: yearCell,
  count: countCell,
  area: areaCell,
  flag: flagCell,
};

/** Catalogue index of each key. */
export const INDEX_OF_KEY: ReadonlyMap<StatisticsFieldKey, number> = new Map(
  STATISTICS_FIELD_KEYS.map((key, index) => [key, index]),
);

const REQUIRED = STATISTICS_FIELD_KEYS.flatMap((key, index) =>
  statisticsField(key).required === true ? [index] : [],
);

/** The "part ≤ whole" pairs, by catalogue index. */
const NOT_ABOVE_PAIRS = STATISTICS_FIELD_KEYS.flatMap((key, part) => {
  const whole = statisticsField(key).notAbove?.field;
  const wholeIndex = whole === undefined ? undefined : INDEX_OF_KEY.get(whole as StatisticsFieldKey);
  return wholeIndex === undefined ? [] : [{ part, whole: wholeIndex }];
});

/**
 * The row object: a plain object (its prototype is `Object.prototype`, as a literal's), made by a constructor so that
 * V8 gives it room for its fields inside the object (in-object slack tracking) instead of growing a separate
 * property store field by field — measured ≈ 25 % less CPU for the reader than a `{}` literal. Only the fields present
 * are set, in catalogue order, so that the row has exactly the keys the zod path gives.
 */
const PlainRow = function PlainRow() {} as unknown as new () => Record<string, unknown>;
PlainRow.prototype = Object.prototype;

/**
 * The rules across fields on the values of a record (by catalogue index), checked before any row is built: the
 * required fields are there, no part is above its whole, the code's level fits the kind and the row carries only its
 * kind's fields (township, district, total rows).
 */
export type RowRules = (values: readonly CellValue[]) => boolean;

/**
 * The rules of a header, compiled once (`present`: its fields' catalogue indices, the only values ever set): the
 * pairs and the fields not carried among the header's fields only (a rule on a field that is never set holds).
 * `codeLevel`: the level index every code set has (the byte reader's, which takes only village-level codes), so that
 * it is not read from the code again.
 */
export function compileRules(present: readonly number[], codeLevel?: number): RowRules {
  const pairs = NOT_ABOVE_PAIRS.filter(
    ({ part, whole }) => present.includes(part) && present.includes(whole),
  );
  const notCarried = notCarriedAmong(present);
  return function rowRulesHold(values) {
    for (let i = 0; i < REQUIRED.length; i++) if (values[REQUIRED[i] as number] === undefined) return false;
    for (let i = 0; i < pairs.length; i++) {
      const { part, whole } = pairs[i] as { part: number; whole: number };
      const partValue = values[part];
      const wholeValue = values[whole];
      if (typeof partValue === 'number' && typeof wholeValue === 'number' && partValue > wholeValue)
        return false;
    }
    return valuesFitKind(values, notCarried, codeLevel);
  };
}

/** The row of the values converted: the fields present (catalogue indices, in order) that are not blank. */
function rowOf(values: readonly CellValue[], present: readonly number[]): UnitStatistics {
  const row = new PlainRow();
  for (const index of present) {
    const value = values[index];
    if (value !== undefined) row[STATISTICS_FIELD_KEYS[index] as string] = value;
  }
  return row as unknown as UnitStatistics;
}

/**
 * Converts the cells of one record into an accepted row, or `undefined` when anything is wrong with it (the caller
 * then asks the reporter why).
 */
export type CompiledRow = (cells: readonly string[], line: number) => AcceptedRow | undefined;

/**
 * Builds the converter of a header once: `fields[i]` is the field column `i` feeds (`null`: kept as extra data under
 * its column's key, `names[i]` or `names[i] (2)` … for a repeated header: extraDataKeys of core/distinct-key.ts). The
 * row it makes has the keys of the fields whose cells are not blank, in catalogue order, with the values `readCell` +
 * `parseUnitStatistics` give; unknown columns' non-blank cells go to `extra`, by their column's key.
 */
export function compileRow(
  fields: readonly (StatisticsFieldKey | null)[],
  names: readonly string[],
): CompiledRow {
  const width = fields.length;
  const slotOf = new Int32Array(width).fill(-1);
  const converters: Converter[] = [];
  for (let column = 0; column < width; column++) {
    const field = fields[column];
    if (field === null || field === undefined) continue;
    slotOf[column] = INDEX_OF_KEY.get(field) as number;
    converters[column] = CONVERTER_OF_KIND[statisticsField(field).kind];
  }
  // The fields of this header in catalogue order: the row's keys are set in this order.
  const present = STATISTICS_FIELD_KEYS.flatMap((key, index) => (fields.includes(key) ? [index] : []));
  const values: CellValue[] = STATISTICS_FIELD_KEYS.map(() => undefined);
  const rules = compileRules(present);
  const extraKeyOf = extraDataKeys(names, fields);

  return (cells, line) => {
    for (const index of present) values[index] = undefined;
    let extra: Record<string, string> | undefined;
    const count = cells.length;
    for (let column = 0; column < count; column++) {
      const cell = cells[column] as string;
      const slot = column < width ? (slotOf[column] as number) : -1;
      if (slot === -1) {
        if (cell === '' || cell.trim() === '') continue;
        if (cell.indexOf('\uFFFD') !== -1) return undefined;
        extra ??= Object.create(null) as Record<string, string>;
        extra[extraKeyOf(column)] = cell;
        continue;
      }
      // A blank cell is an absent field whatever its kind (every cell reader says `undefined`).
      const value = cell === '' ? undefined : (converters[column] as Converter)(cell);
      if (value === REJECTED) return undefined;
      values[slot] = value;
    }
    return acceptedRowOf(values, present, rules, line, extra);
  };
}

/**
 * The accepted row of the values of a record's cells, each converted and valid (`values` by catalogue index;
 * `present`: the indices of the header's fields, in catalogue order), or `undefined` when the header's `rules` do not
 * hold. Shared by the string converter above and the byte reader (byte-records.ts).
 */
export function acceptedRowOf(
  values: readonly CellValue[],
  present: readonly number[],
  rules: RowRules,
  line: number,
  extra: Record<string, string> | undefined,
): AcceptedRow | undefined {
  if (!rules(values)) return undefined;
  const row = rowOf(values, present);
  return extra === undefined ? { line, row } : { line, row, extra };
}
