// The roll-up of township sums to region levels as it was before session 7 (commit 33a0c11: src/indicators/roll-up.ts),
// kept verbatim for the oracle of row generation (rows-before.ts): the old walk, figuresByLevel, and its helpers.
import type { TownshipSums } from '../../src/indicators/sums.js';

// The roll-up of township sums to every region level, with region totals.
//
// The rule (docs/indicators.md, "Region totals"): for each indicator, a region's figure is the total given for that
// region where one supplies the indicator, and otherwise the sum of the figures of the regions (and the rows) directly
// beneath it. So a unit reaches a region's figure through exactly one path — through the one region between them
// whose total stands for it, or through none — and nothing is counted twice: a total sets aside, for the indicators it
// supplies, everything beneath it (flagged `setAside`, a warning for whoever reads the table).
//
// Figures are built bottom-up, township → county → prefecture → province, each level from the one below.

// The levels, their key digits, a figure's shape and a region's code did not change: shared with src, not copied.
import {
  KEY_DIGITS,
  type LevelFigures,
  REGION_LEVELS,
  type RegionFigure,
  type RegionLevel,
  regionCode,
} from '../../src/indicators/roll-up.js';

export { REGION_LEVELS, type RegionFigure, regionCode };

/** Regions whose sums share one backing array: views of a slab, not one small array each. */
const SLAB_REGIONS = 4096;

/**
 * Hands out zeroed sums of `stride` numbers as views of shared slabs: 170 000 townships make 42 backing arrays instead
 * of 170 000 (each a separate allocation outside the JavaScript heap, freed only when the collector gets to it).
 */
function sumsAllocator(stride: number, expected: number): () => Float64Array {
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
interface SumsSpace {
  readonly stride: number;
  readonly allocate: () => Float64Array;
}

function figureOf(level: LevelFigures, key: number, space: SumsSpace): RegionFigure {
  let figure = level.get(key);
  if (figure === undefined) {
    figure = { sums: space.allocate(), offset: 0, fromTotal: undefined, setAside: undefined };
    level.set(key, figure);
  }
  return figure;
}

function addInto(target: Float64Array, source: ArrayLike<number>, offset: number, stride: number): void {
  for (let i = 0; i < stride; i++) target[i] = (target[i] as number) + (source[offset + i] as number);
}

/** Replaces, indicator by indicator, a level's figures by the totals given for its regions. */
function applyTotals(
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

/**
 * The figures of every region level from township sums and region totals: township slots give the townships (a
 * district's own slot, key ending in 000, goes to its county), each level sums the one below, then the level's totals
 * replace what they supply.
 */
export function figuresByLevel(sums: TownshipSums): Record<RegionLevel, LevelFigures> {
  const { keys, data, stride } = sums;
  const totals = sums.totals ?? new Map<string, Float64Array>();
  // Every township and county, at most, and a region per total, with a few provinces and prefectures over.
  const space: SumsSpace = { stride, allocate: sumsAllocator(stride, 2 * keys.length + totals.size + 8) };
  const township: LevelFigures = new Map();
  const county: LevelFigures = new Map();
  for (let slot = 0; slot < keys.length; slot++) {
    const key = keys[slot] as number;
    if (key % 1000 === 0) addInto(figureOf(county, key / 1000, space).sums, data, slot * stride, stride);
    else {
      // One slot per township: its figure reads the table in place (a copy of 170 000 townships' sums is ≈ 30 MB).
      township.set(key, {
        sums: data,
        offset: slot * stride,
        fromTotal: undefined,
        setAside: undefined,
        borrowed: true,
      });
    }
  }
  applyTotals(township, KEY_DIGITS.township, totals, space);
  for (const [key, figure] of township)
    addInto(figureOf(county, Math.floor(key / 1000), space).sums, figure.sums, figure.offset, stride);
  applyTotals(county, KEY_DIGITS.county, totals, space);
  const prefecture = rollUpLevel(county, 100, space);
  applyTotals(prefecture, KEY_DIGITS.prefecture, totals, space);
  const province = rollUpLevel(prefecture, 100, space);
  applyTotals(province, KEY_DIGITS.province, totals, space);
  return { province, prefecture, county, township };
}

function rollUpLevel(below: LevelFigures, divisor: number, space: SumsSpace): LevelFigures {
  const level: LevelFigures = new Map();
  for (const [key, figure] of below) {
    addInto(figureOf(level, Math.floor(key / divisor), space).sums, figure.sums, figure.offset, space.stride);
  }
  return level;
}
