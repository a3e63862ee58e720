// Apart from primitives.ts and its zod schemas (which re-export it): the fast checks of the readers use it, and
// importing it must not load zod (issue 13, the command line's start-up).

/** True when `value` has at most two decimals (areas are recorded to the hundredth of a m²). */
export function hasAtMostTwoDecimals(value: number): boolean {
  const hundredths = value * 100;
  return Math.abs(hundredths - Math.round(hundredths)) <= 1e-7 * Math.max(1, Math.abs(hundredths));
}
