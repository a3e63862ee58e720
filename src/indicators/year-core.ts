import type { UnitStatistics } from '../model/unit-statistics.js';
import { accumulateRow, type CompiledIndicators } from './accumulate.js';
import type { IndicatorParts, TownshipSums } from './sums.js';
import { combinedTotals } from './sums.js';
import { createTotalStore, type TotalStore } from './total-store.js';

// The sums of one year (or of the rows without a year): township slots in one growing typed array, and the region
// totals. The accumulator holds one of these per year, so the years never mix and each is rolled up on its own.

/** The township sums and totals of one year, as the accumulator fills them. */
export interface SumsCore {
  /** The region totals of the year. */
  readonly totals: TotalStore;
  /** Townships (and districts' own slots) holding sums. */
  readonly size: number;
  /** Whether nothing was added (no township slot, no total). */
  isEmpty(): boolean;
  /** Adds a unit, township or district row into the slot of `key`. */
  addRow(key: number, row: UnitStatistics): void;
  /** The first township code and index whose sum would pass 2^53 if `townships` were added. */
  overflow(townships: IndicatorParts['townships']): readonly [string, number] | undefined;
  /** Adds checked township sums. */
  addTownships(townships: IndicatorParts['townships']): void;
  /** The sums as they are now, for a walk of rows (the next write copies the array first). */
  sums(): TownshipSums;
  /** The township sums as parts hold them. */
  townships(): Record<string, number[]>;
  /** The slot keys and their sums, `stride` numbers a key, copied into arrays of their own (for a transfer). */
  packed(): { readonly keys: Int32Array; readonly data: Float64Array };
  /** The first (key index, number index) whose sum would pass 2^53 if these packed sums were added. */
  overflowPacked(keys: Int32Array, data: Float64Array): readonly [number, number] | undefined;
  /** Adds checked packed sums (slot keys, no key twice). */
  addPacked(keys: Int32Array, data: Float64Array): void;
}

function keyToCode(key: number): string {
  return `${String(key).padStart(9, '0')}000`;
}

/**
 * Creates the empty sums of one year for a profile's compiled indicators, room for `slots` townships to start with
 * (the array doubles when full).
 */
export function createSumsCore(compiled: CompiledIndicators, slots = 256): SumsCore {
  const { stride } = compiled;
  const totals = createTotalStore(compiled);
  const slotOfKey = new Map<number, number>();
  const keys: number[] = [];
  let data = new Float64Array(stride * Math.max(1, slots));
  /** A walk of rows() holds `data` as it was: the next write copies it first (copy on write, not a copy per walk). */
  let shared = false;
  const own = () => {
    if (!shared) return;
    data = data.slice();
    shared = false;
  };
  /** Room for `slots` townships in all, exactly: a merge of a worker's table grows the array once, not by doubling. */
  const reserve = (slots: number) => {
    if (slots * stride <= data.length) return;
    const grown = new Float64Array(slots * stride);
    grown.set(data);
    data = grown;
    shared = false;
  };
  // The last key's slot: a sheet lists a township's units together, so most rows need no map lookup.
  let lastKey = -1;
  let lastSlot = -1;
  const slotOf = (key: number): number => {
    if (key === lastKey) return lastSlot;
    let slot = slotOfKey.get(key);
    if (slot === undefined) {
      slot = keys.length;
      slotOfKey.set(key, slot);
      keys.push(key);
      if ((slot + 1) * stride > data.length) {
        const grown = new Float64Array(data.length * 2);
        grown.set(data);
        data = grown;
        shared = false;
      }
    }
    lastKey = key;
    lastSlot = slot;
    return slot;
  };
  return {
    totals,
    get size() {
      return keys.length;
    },
    isEmpty: () => keys.length === 0 && totals.parts() === undefined,
    addRow(key, row) {
      const offset = slotOf(key) * stride; // first: it may grow (replace) the data array
      own();
      accumulateRow(compiled, row, data, offset);
    },
    overflow(townships) {
      for (const code of Object.keys(townships)) {
        const slot = slotOfKey.get(Number(code.slice(0, 9)));
        if (slot === undefined) continue;
        const numbers = townships[code] as readonly number[];
        for (let i = 0; i < stride; i++) {
          if ((data[slot * stride + i] as number) + (numbers[i] as number) > Number.MAX_SAFE_INTEGER)
            return [code, i];
        }
      }
      return undefined;
    },
    addTownships(townships) {
      own();
      for (const code of Object.keys(townships)) {
        const numbers = townships[code] as readonly number[];
        const offset = slotOf(Number(code.slice(0, 9))) * stride;
        for (let i = 0; i < stride; i++)
          data[offset + i] = (data[offset + i] as number) + (numbers[i] as number);
      }
    },
    sums() {
      // The sums as they are now: rows of a later add() are not mixed into a walk already under way.
      const given = combinedTotals(totals.parts(), stride);
      const sums = { keys: keys.slice(), data: data.subarray(0, keys.length * stride), stride };
      shared = true;
      return given === undefined ? sums : { ...sums, totals: given };
    },
    townships() {
      const out: Record<string, number[]> = {};
      keys.forEach((key, slot) => {
        out[keyToCode(key)] = Array.from(data.subarray(slot * stride, (slot + 1) * stride));
      });
      return out;
    },
    packed: () => ({ keys: Int32Array.from(keys), data: data.slice(0, keys.length * stride) }),
    overflowPacked(added, numbers) {
      for (let k = 0; k < added.length; k++) {
        const slot = slotOfKey.get(added[k] as number);
        if (slot === undefined) continue;
        for (let i = 0; i < stride; i++) {
          if (
            (data[slot * stride + i] as number) + (numbers[k * stride + i] as number) >
            Number.MAX_SAFE_INTEGER
          )
            return [k, i];
        }
      }
      return undefined;
    },
    addPacked(added, numbers) {
      let fresh = 0;
      for (let k = 0; k < added.length; k++) if (!slotOfKey.has(added[k] as number)) fresh++;
      reserve(keys.length + fresh);
      own();
      for (let k = 0; k < added.length; k++) {
        const offset = slotOf(added[k] as number) * stride;
        for (let i = 0; i < stride; i++)
          data[offset + i] = (data[offset + i] as number) + (numbers[k * stride + i] as number);
      }
    },
  };
}
