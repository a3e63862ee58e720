// The roll-up of township sums to region levels as it was before session 7 (commit 33a0c11: src/indicators/roll-up.ts),
// kept for the oracle of row generation (rows-before.ts): the old walk, figuresByLevel, verbatim.
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

// The levels, their key digits, a figure's shape, a region's code and the helpers of the walk (slab allocation, a
// figure's lookup, adding sums, applying totals, rolling a level up) did not change: shared with src, not copied.
import {
  addInto,
  applyTotals,
  figureOf,
  KEY_DIGITS,
  type LevelFigures,
  REGION_LEVELS,
  type RegionFigure,
  type RegionLevel,
  regionCode,
  rollUpLevel,
  type SumsSpace,
  sumsAllocator,
} from '../../src/indicators/roll-up.js';

export { REGION_LEVELS, type RegionFigure, regionCode };

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
