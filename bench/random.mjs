import { isProvinceCode } from 'shequ';

// A seeded PRNG (mulberry32): benchmark inputs are the same on every run and machine.
export function seededRandom(seed) {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The mainland province codes (below 71), from the library's own list. */
export const MAINLAND_PROVINCES = Array.from({ length: 71 }, (_, i) => String(i).padStart(2, '0')).filter(
  isProvinceCode,
);
