import { numberText } from '../core/number-text.js';
import type { TownshipSums } from './sums.js';

// The roll-up of township sums to every region level, with region totals.
//
// The rule (docs/indicators.md, "Region totals"): for each indicator, a region's figure is the total given for that
// region where one supplies the indicator, and otherwise the sum of the figures of the regions (and the rows) directly
// beneath it. So a unit reaches a region's figure through exactly one path — through the one region between them
// whose total stands for it, or through none — and nothing is counted twice: a total sets aside, for the indicators it
// supplies, everything beneath it (flagged `setAside`, a warning for whoever reads the table).
//
// Figures are built bottom-up, township → county → prefecture → province, each level from the one below.

/** The region levels, top first. */
export const REGION_LEVELS = ['province', 'prefecture', 'county', 'township'] as const;

/** A region level. */
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** The digits of each level's key (the prefix of the 12-digit code). */
export const KEY_DIGITS: Readonly<Record<RegionLevel, number>> = {
  province: 2,
  prefecture: 4,
  county: 6,
  township: 9,
};

/** One region's figure: its sums, and per indicator whether they are a total given and whether one set data aside. */
export interface RegionFigure {
  /**
   * The array holding the region's sums, from {@link RegionFigure.offset}: a township's own sums are read in the
   * township table until a total is written into them (then a copy) — not a view object per township, which at
   * 180 000 townships kept ≈ 20 MB alive through the output.
   */
  sums: Float64Array;
  /** Where the region's sums start in `sums`. */
  offset: number;
  /** The sums are a view of the township table given, which must not be written: copied before a total is. */
  borrowed?: true;
  /** 1 where the figure is the region's own total. */
  fromTotal: Uint8Array | undefined;
  /** 1 where that total set aside units or lower totals beneath it. */
  setAside: Uint8Array | undefined;
}

/** The figures of one level: key → figure. */
export type LevelFigures = Map<number, RegionFigure>;

/** Regions whose sums share one backing array: views of a slab, not one small array each. */
const SLAB_REGIONS = 4096;

/**
 * Hands out zeroed sums of `stride` numbers as views of shared slabs: 170 000 townships make 42 backing arrays instead
 * of 170 000 (each a separate allocation outside the JavaScript heap, freed only when the collector gets to it).
 */
export function sumsAllocator(stride: number, expected: number): () => Float64Array {
  let slab = new Float64Array(0);
  let used = 0;
  // The first slab is no larger than the regions expected: a small job (a county, one year of many) does not pay
  // for 4096 regions it will never fill.
  let regions = Math.min(SLAB_REGIONS, Math.max(1, expected));
  return () => {
    if (used + stride > slab.length) {
      slab = new Float64Array(regions * Math.max(1, stride));
      regions = SLAB_REGIONS;
      used = 0;
    }
    const sums = slab.subarray(used, used + stride);
    used += stride;
    return sums;
  };
}

/** The width of a region's sums, and where new ones come from. */
export interface SumsSpace {
  readonly stride: number;
  readonly allocate: () => Float64Array;
}

/** The figure of region `key` of a level, made (zeroed) when the level has none yet. */
export function figureOf(level: LevelFigures, key: number, space: SumsSpace): RegionFigure {
  let figure = level.get(key);
  if (figure === undefined) {
    figure = { sums: space.allocate(), offset: 0, fromTotal: undefined, setAside: undefined };
    level.set(key, figure);
  }
  return figure;
}

/** Adds `stride` sums of `source` from `offset` into `target`. */
export function addInto(
  target: Float64Array,
  source: ArrayLike<number>,
  offset: number,
  stride: number,
): void {
  for (let i = 0; i < stride; i++) target[i] = (target[i] as number) + (source[offset + i] as number);
}

/** Replaces, indicator by indicator, a level's figures by the totals given for its regions. */
export function applyTotals(
  level: LevelFigures,
  digits: number,
  totals: ReadonlyMap<string, Float64Array>,
  space: SumsSpace,
): void {
  const { stride } = space;
  const indicators = stride / 3;
  for (const [code, total] of totals) {
    if (!isCodeOfLevel(code, digits)) continue;
    const figure = figureOf(level, Number(code.slice(0, digits)), space);
    if (figure.borrowed === true) {
      const own = space.allocate();
      own.set(figure.sums.subarray(figure.offset, figure.offset + stride));
      figure.sums = own;
      figure.offset = 0;
      delete figure.borrowed;
    }
    for (let i = 0; i < indicators; i++) {
      if ((total[i * 3 + 2] as number) === 0) continue; // not given for this indicator
      const at = i * 3; // the figure owns its sums now: its offset is 0
      const beneath =
        (figure.sums[at] as number) + (figure.sums[at + 1] as number) + (figure.sums[at + 2] as number);
      if (beneath > 0) {
        figure.setAside ??= new Uint8Array(indicators);
        figure.setAside[i] = 1;
      }
      figure.sums[at] = total[at] as number;
      figure.sums[at + 1] = total[at + 1] as number;
      figure.sums[at + 2] = 0;
      figure.fromTotal ??= new Uint8Array(indicators);
      figure.fromTotal[i] = 1;
    }
  }
}

/** Whether a 12-digit code is a region of the level whose key has `digits` digits (its own level, not a deeper one). */
function isCodeOfLevel(code: string, digits: number): boolean {
  const deeper = code.slice(digits);
  if (!/^0+$/.test(deeper)) return false;
  const own = digits === 9 ? code.slice(6, 9) : code.slice(digits - 2, digits);
  return !/^0+$/.test(own);
}

/** A level's regions in code order, as rows are built from them: parallel arrays, not an object per region. */
export interface OrderedLevel {
  /** The regions' keys, ascending. */
  readonly keys: Float64Array;
  /** Per region, the array holding its sums (a township's own sums are read in the township table given). */
  readonly sums: readonly Float64Array[];
  /** Per region, where its sums start in that array. */
  readonly offsets: Float64Array;
  /** Per region, 1 where the figure is the region's own total; absent when no region of the level has a total. */
  readonly fromTotal: readonly (Uint8Array | undefined)[] | undefined;
  /** Per region, 1 where that total set aside units or lower totals beneath it; absent as `fromTotal`. */
  readonly setAside: readonly (Uint8Array | undefined)[] | undefined;
}

/**
 * The figures of every region level from township sums and region totals, each level in code order: township slots
 * give the townships (a district's own slot, key ending in 000, goes to its county), each level sums the one below,
 * then the level's totals replace what they supply. A township without a total is read in the table in place.
 */
export function orderedLevels(sums: TownshipSums): Record<RegionLevel, OrderedLevel> {
  const { keys, data, stride } = sums;
  const totals = sums.totals ?? new Map<string, Float64Array>();
  // Every township and county, at most, and a region per total, with a few provinces and prefectures over.
  const space: SumsSpace = { stride, allocate: sumsAllocator(stride, 2 * keys.length + totals.size + 8) };
  const county: LevelFigures = new Map();
  const slots: number[] = [];
  for (let slot = 0; slot < keys.length; slot++) {
    const key = keys[slot] as number;
    if (key % 1000 === 0) addInto(figureOf(county, key / 1000, space).sums, data, slot * stride, stride);
    else slots.push(slot);
  }
  const given = townshipTotals(sums, slots, totals, space);
  const township = townshipLevel(sums, slots, given);
  // The townships into their counties in the order the figures of every township would be met: the table's, then
  // the townships only a total gives, in the order of the totals.
  for (let k = 0; k < slots.length; k++) {
    const slot = slots[k] as number;
    const own = given.size === 0 ? undefined : given.get(keys[slot] as number);
    const into = figureOf(county, Math.floor((keys[slot] as number) / 1000), space).sums;
    if (own === undefined) addInto(into, data, slot * stride, stride);
    else addInto(into, own.sums, own.offset, stride);
  }
  for (const [key, own] of given)
    if (own.inTable !== true)
      addInto(figureOf(county, Math.floor(key / 1000), space).sums, own.sums, own.offset, stride);
  applyTotals(county, KEY_DIGITS.county, totals, space);
  const prefecture = rollUpLevel(county, 100, space);
  applyTotals(prefecture, KEY_DIGITS.prefecture, totals, space);
  const province = rollUpLevel(prefecture, 100, space);
  applyTotals(province, KEY_DIGITS.province, totals, space);
  return {
    province: orderedFigures(province),
    prefecture: orderedFigures(prefecture),
    county: orderedFigures(county),
    township,
  };
}

/** A township's figure where a total is given for it; `inTable` when the township also has a slot in the table. */
type GivenFigure = RegionFigure & { inTable?: true };

/**
 * The figures of the townships a total is given for: a township of the table starts from its slot (copied before the
 * total is written), one only the total gives from zero.
 */
function townshipTotals(
  sums: TownshipSums,
  slots: readonly number[],
  totals: ReadonlyMap<string, Float64Array>,
  space: SumsSpace,
): Map<number, GivenFigure> {
  const given = new Map<number, GivenFigure>();
  const codes = [...totals.keys()].filter((code) => isCodeOfLevel(code, KEY_DIGITS.township));
  if (codes.length === 0) return given;
  const wanted = new Set(codes.map((code) => Number(code.slice(0, KEY_DIGITS.township))));
  for (const slot of slots) {
    const key = sums.keys[slot] as number;
    if (!wanted.has(key)) continue;
    given.set(key, {
      sums: sums.data,
      offset: slot * sums.stride,
      fromTotal: undefined,
      setAside: undefined,
      borrowed: true,
      inTable: true,
    });
  }
  applyTotals(given, KEY_DIGITS.township, totals, space);
  return given;
}

/** The township level in code order: the table's townships (their own figure where a total is given), then the rest. */
function townshipLevel(
  sums: TownshipSums,
  slots: readonly number[],
  given: ReadonlyMap<number, GivenFigure>,
): OrderedLevel {
  let onlyGiven = 0;
  for (const own of given.values()) if (own.inTable !== true) onlyGiven++;
  const level = emptyLevel(slots.length + onlyGiven, given.size > 0);
  let count = 0;
  for (const slot of slots) {
    const key = sums.keys[slot] as number;
    const own = given.size === 0 ? undefined : given.get(key);
    if (own === undefined) setRegion(level, count++, key, sums.data, slot * sums.stride, undefined);
    else setRegion(level, count++, key, own.sums, own.offset, own);
  }
  for (const [key, own] of given)
    if (own.inTable !== true) setRegion(level, count++, key, own.sums, own.offset, own);
  return inKeyOrder(level, count);
}

interface LevelInMaking {
  keys: Float64Array;
  sums: Float64Array[];
  offsets: Float64Array;
  fromTotal: (Uint8Array | undefined)[] | undefined;
  setAside: (Uint8Array | undefined)[] | undefined;
}

function emptyLevel(regions: number, withTotals: boolean): LevelInMaking {
  return {
    keys: new Float64Array(regions),
    sums: new Array<Float64Array>(regions),
    offsets: new Float64Array(regions),
    fromTotal: withTotals ? new Array<Uint8Array | undefined>(regions).fill(undefined) : undefined,
    setAside: withTotals ? new Array<Uint8Array | undefined>(regions).fill(undefined) : undefined,
  };
}

function setRegion(
  level: LevelInMaking,
  at: number,
  key: number,
  sums: Float64Array,
  offset: number,
  figure: RegionFigure | undefined,
): void {
  level.keys[at] = key;
  level.sums[at] = sums;
  level.offsets[at] = offset;
  if (level.fromTotal !== undefined && figure !== undefined) {
    level.fromTotal[at] = figure.fromTotal;
    (level.setAside as (Uint8Array | undefined)[])[at] = figure.setAside;
  }
}

/** The figures of a level (a map) in code order. */
function orderedFigures(figures: LevelFigures): OrderedLevel {
  let withTotals = false;
  for (const figure of figures.values()) if (figure.fromTotal !== undefined) withTotals = true;
  const level = emptyLevel(figures.size, withTotals);
  let count = 0;
  for (const [key, figure] of figures) setRegion(level, count++, key, figure.sums, figure.offset, figure);
  return inKeyOrder(level, count);
}

/** Packing a region's index under its key: keys are below 2^30, so key · 2^23 + index stays below 2^53. */
const INDEX_SPAN = 2 ** 23;

/**
 * The indices of the first `count` keys (distinct integers below 2^30) in ascending order of key: one numeric sort of
 * key · span + index when every index is below `span` (a comparator called n log n times costs several times more),
 * else a sort of indices by key.
 */
export function keyOrder(keys: Float64Array, count: number, span = INDEX_SPAN): ArrayLike<number> {
  if (count >= span)
    return Array.from({ length: count }, (_, k) => k).sort(
      (a, b) => (keys[a] as number) - (keys[b] as number),
    );
  const packed = new Float64Array(count);
  for (let k = 0; k < count; k++) packed[k] = (keys[k] as number) * span + k;
  packed.sort();
  for (let k = 0; k < count; k++) packed[k] = (packed[k] as number) % span;
  return packed;
}

/** The first `count` regions of a level sorted by key (keys are distinct): untouched when already in order. */
function inKeyOrder(level: LevelInMaking, count: number): OrderedLevel {
  const { keys } = level;
  let sorted = true;
  for (let k = 1; k < count && sorted; k++) sorted = (keys[k - 1] as number) < (keys[k] as number);
  if (sorted) return level;
  const order = keyOrder(keys, count);
  const out = emptyLevel(count, level.fromTotal !== undefined);
  for (let k = 0; k < count; k++) {
    const from = order[k] as number;
    out.keys[k] = keys[from] as number;
    out.sums[k] = level.sums[from] as Float64Array;
    out.offsets[k] = level.offsets[from] as number;
    if (out.fromTotal !== undefined) {
      out.fromTotal[k] = level.fromTotal?.[from];
      (out.setAside as (Uint8Array | undefined)[])[k] = level.setAside?.[from];
    }
  }
  return out;
}

/** The level above `below`: each region's figure the sum of those of its regions (keys divided by `divisor`). */
export function rollUpLevel(below: LevelFigures, divisor: number, space: SumsSpace): LevelFigures {
  const level: LevelFigures = new Map();
  for (const [key, figure] of below) {
    addInto(figureOf(level, Math.floor(key / divisor), space).sums, figure.sums, figure.offset, space.stride);
  }
  return level;
}

/** The 12-digit code of a level's key. */
export function regionCode(key: number, level: RegionLevel): string {
  return numberText(key).padStart(KEY_DIGITS[level], '0').padEnd(12, '0');
}
