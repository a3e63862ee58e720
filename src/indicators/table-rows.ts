import type { DivisionDataset } from '../codes/division-dataset.js';
import { type OrderedLevel, orderedLevels, REGION_LEVELS, type RegionLevel, regionCode } from './roll-up.js';
import { resolveRounding } from './round-ratio.js';
import { type PreparedIndicator, prepareIndicators, RowMaker } from './row-builder.js';
import type { GroupLevel, IndicatorRow, IndicatorRowsOptions } from './rows.js';
import { type RegionDenominators, regionDenominators } from './rows-options.js';
import type { TownshipSums } from './sums.js';
import type { IndicatorProfile } from './types.js';

// The rows of tables of sums, region by region: one iterator whose `next()` builds one row — not generators
// delegating to each other (`yield*` resumes every generator of the chain once per row), nor an array per region.

/** One table of sums to build rows from, with the options, profile and year its rows are built with. */
export interface RowTable {
  readonly sums: TownshipSums;
  readonly options: IndicatorRowsOptions;
  /** The options' `denominators` by region, as checkRowsOptions read them (once for every table of a call). */
  readonly external: RegionDenominators;
  readonly profile: IndicatorProfile;
  /** The year the sums describe, when they describe one. */
  readonly year?: number | undefined;
}

/**
 * Rows of every requested region level from typed township sums, generated one region at a time (top level first,
 * regions in code order): a national table is never built whole unless the caller collects it.
 */
export function rowsFromSums(
  sums: TownshipSums,
  options: IndicatorRowsOptions,
  profile: IndicatorProfile,
  year?: number,
): IterableIterator<IndicatorRow> {
  const external = regionDenominators(options.denominators);
  return rowsOfTables([{ sums, options, external, profile, year }]);
}

/**
 * Rows of each table in turn, as {@link rowsFromSums} gives them. Nothing is computed before the first row is asked
 * for; a table's regions are rolled up when its first row is, and only one table's figures are held at a time.
 */
export function rowsOfTables(tables: Iterable<RowTable>): IterableIterator<IndicatorRow> {
  return new TableRows(tables[Symbol.iterator]());
}

const DEFAULT_GROUPS: readonly GroupLevel[] = REGION_LEVELS;

/** What a table's rows share, set up when the table's first row is asked for. */
interface TableState {
  readonly table: RowTable;
  readonly prepared: readonly PreparedIndicator[];
  readonly rounding: ReturnType<typeof resolveRounding>;
  readonly nameOf: (code: string) => string | undefined;
  readonly external: RegionDenominators;
  readonly figures: Record<RegionLevel, OrderedLevel>;
  readonly levels: readonly RegionLevel[];
}

const NO_REGIONS: OrderedLevel = {
  keys: new Float64Array(0),
  sums: [],
  offsets: new Float64Array(0),
  fromTotal: undefined,
  setAside: undefined,
};

class TableRows implements IterableIterator<IndicatorRow> {
  private state: TableState | undefined;
  /** Index in `state.levels` of the level being walked. */
  private level = 0;
  private regions: OrderedLevel = NO_REGIONS;
  /** The next region of `regions`. */
  private position = 0;
  private maker: RowMaker | undefined;
  /** The current region's sums, and where they start. */
  private sums: Float64Array = NO_REGIONS.keys;
  private offset = 0;
  /** The next indicator of the current region; its rows are done at `prepared.length`. */
  private indicator = 0;
  private prepared: readonly PreparedIndicator[] = [];

  /** Ended: by its last row, by `return()` (a loop left early) or by an error — as a generator ends. */
  private finished = false;

  constructor(private readonly tables: Iterator<RowTable>) {}

  [Symbol.iterator](): IterableIterator<IndicatorRow> {
    return this;
  }

  next(): IteratorResult<IndicatorRow> {
    if (this.finished) return { value: undefined, done: true };
    try {
      const result = this.step();
      if (result.done === true) this.finished = true;
      return result;
    } catch (error) {
      this.finished = true;
      throw error;
    }
  }

  /** Ends the rows (a `for … of` left early calls it), as a generator's `return` does. */
  return(value?: unknown): IteratorResult<IndicatorRow> {
    this.finished = true;
    return { value: value as undefined, done: true };
  }

  private step(): IteratorResult<IndicatorRow> {
    while (this.indicator >= this.prepared.length) {
      if (!this.nextRegion()) return { value: undefined, done: true };
    }
    const i = this.indicator++;
    const prepared = this.prepared[i] as PreparedIndicator;
    return { value: (this.maker as RowMaker).row(prepared, i, this.sums, this.offset), done: false };
  }

  /** Moves to the next region (of this level, a later one or a later table); false when there is none. */
  private nextRegion(): boolean {
    while (this.position >= this.regions.keys.length) {
      if (!this.nextLevel()) return false;
    }
    const state = this.state as TableState;
    const { regions } = this;
    const at = this.position++;
    const region = regionCode(regions.keys[at] as number, state.levels[this.level] as RegionLevel);
    (this.maker as RowMaker).enter(
      region,
      state.nameOf(region),
      state.external.get(region),
      regions.fromTotal?.[at],
      regions.setAside?.[at],
    );
    this.sums = regions.sums[at] as Float64Array;
    this.offset = regions.offsets[at] as number;
    this.prepared = state.prepared;
    this.indicator = 0;
    return true;
  }

  /** Moves to the next level wanted (of this table or a later one); false when there is none. */
  private nextLevel(): boolean {
    if (this.state !== undefined && this.level + 1 < this.state.levels.length) this.level++;
    else {
      do {
        const next = this.tables.next();
        if (next.done === true) {
          // Done: nothing of the last table is held any longer.
          this.state = undefined;
          this.regions = NO_REGIONS;
          this.sums = NO_REGIONS.keys;
          return false;
        }
        this.state = tableState(next.value);
      } while (this.state === undefined);
      this.level = 0;
    }
    const state = this.state;
    const level = state.levels[this.level] as RegionLevel;
    this.regions = state.figures[level];
    this.position = 0;
    this.maker = new RowMaker(level, state.rounding, state.table.options.asOf, state.table.year);
    return true;
  }
}

/** Sets up a table's rows; undefined when none of its levels is a region level. */
function tableState(table: RowTable): TableState | undefined {
  const { options } = table;
  const rounding = resolveRounding(options.rounding);
  const nameOf = nameFinder(options.divisions);
  const { external } = table;
  const prepared = prepareIndicators(table.profile.indicators, options.asOf, rounding.places + 1);
  const wanted = new Set(options.groupBy ?? DEFAULT_GROUPS);
  const levels = REGION_LEVELS.filter((level) => wanted.has(level));
  if (levels.length === 0) return undefined;
  return { table, prepared, rounding, nameOf, external, figures: orderedLevels(table.sums), levels };
}

function nameFinder(divisions: IndicatorRowsOptions['divisions']): (code: string) => string | undefined {
  const lists =
    divisions === undefined ? [] : Array.isArray(divisions) ? divisions : [divisions as DivisionDataset];
  return (code) => {
    for (const list of lists) {
      const name = list.divisions.get(code)?.name;
      if (name !== undefined) return name;
    }
    return undefined;
  };
}

/**
 * Whether `rows` are rows this module generates (from {@link rowsFromSums} or {@link rowsOfTables}), by their
 * prototype: each row they give is a fresh plain object built by {@link RowMaker.row}, its keys some of
 * INDICATOR_ROW_KEYS in that order. Code can still change such an iterator (an own `next`): a writer that relies on
 * the keys' order also checks each row is the one just built (`isLastRowMade`).
 *
 * @param rows - the rows about to be written
 * @returns true for the iterators rowsFromSums and rowsOfTables return
 */
export function isGeneratedRows(rows: unknown): boolean {
  return typeof rows === 'object' && rows !== null && Object.getPrototypeOf(rows) === TableRows.prototype;
}

// The rows were generator objects before (`rowsOfYears` was a generator): their prototype chain reaches
// %IteratorPrototype%, which gives iterator helpers (`toArray`, `map`, … from Node 22) to anyone who calls them.
Object.setPrototypeOf(
  TableRows.prototype,
  Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),
);
