// Bundled (a constant): the library's index would load zod for every run.
import { STATISTICS_YEAR_RANGE } from '../model/year-range.js';

/** The last part of a path, `/` or `\\` separated (no node:path: the offline page names its files too). */
const baseName = (path: string) => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/** A year a statistics file may be named after: 1949–2100, never part of a longer run of digits (a division code). */
const YEAR_IN_NAME = /(?<!\d)(\d{4})(?!\d)/g;

/**
 * The year a file's name gives (`正定县2024年.csv`, `sample-units-2023.csv` → 2024, 2023): the one four-digit year in
 * its base name. `undefined` when there is none, or when the name holds two different years (`2023-2025.csv`: which
 * one it describes cannot be told).
 */
export function yearOfFileName(path: string): number | undefined {
  const years = new Set(
    [...baseName(path).matchAll(YEAR_IN_NAME)]
      .map((match) => Number(match[1]))
      .filter((year) => year >= STATISTICS_YEAR_RANGE.min && year <= STATISTICS_YEAR_RANGE.max),
  );
  return years.size === 1 ? (years.values().next().value as number) : undefined;
}
