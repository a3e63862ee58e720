import * as z from 'zod';
import { parseDivisionCode } from '../codes/division-code.js';
import { guarded } from '../core/guard.js';
import type { Issue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { treeShakable } from '../core/tree-shakable.js';
import { issuesFromZod } from '../core/zod-issues.js';
import { isoDateSchema } from './primitives.js';
import { buildRegionTree, type Region, regionSchema } from './region.js';
import { type Unit, unitSchema } from './unit.js';

/**
 * A dataset: units (社区/村) with their regions, and the date and version it describes.
 *
 * @example
 * ```ts
 * import type { Dataset } from 'shequ';
 * const dataset: Dataset = {
 *   version: '2025Q2',
 *   asOf: '2025-06-30',
 *   regions: [{ code: '110101001', name: '东华门街道' }],
 *   units: [{ code: '110101001001', name: '多福巷社区居委会', kind: 'community' }],
 * };
 * ```
 */
export interface Dataset {
  /** A version label of the caller's. */
  readonly version?: string;
  /** The date the data describe, `'YYYY-MM-DD'`. */
  readonly asOf?: string;
  /** Regions above the units (optional: without them the hierarchy comes from the code prefixes). */
  readonly regions?: readonly Region[];
  /** The units. */
  readonly units: readonly Unit[];
}

/**
 * zod schema of a {@link Dataset} (each part checked; the cross-record checks are {@link parseDataset}'s).
 *
 * @example
 * ```ts
 * import { datasetSchema } from 'shequ';
 * datasetSchema.safeParse({ units: [] }).success;
 * //=> true
 * ```
 */
export const datasetSchema: z.ZodType<Dataset> = /* @__PURE__ */ treeShakable(() =>
  z.strictObject({
    version: z.string().exactOptional(),
    asOf: isoDateSchema.exactOptional(),
    regions: z.array(regionSchema).exactOptional(),
    units: z.array(unitSchema),
  }),
);

/** Records that parsed, even when others did not, so the cross-record checks still see them. */
function parsedParts(input: unknown): {
  regions: Region[];
  units: { code: string; name?: string; year?: number }[];
} {
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  const regions = list(record.regions)
    .map((r) => regionSchema.safeParse(r))
    .map((r) => (r.success ? r.data : null));
  const units = list(record.units).map((u) => {
    const { code, year } = (u ?? {}) as { code?: unknown; year?: unknown };
    if (typeof code !== 'string' || !parseDivisionCode(code).success) return null;
    // A unit listed for two years is no duplicate; the year itself is checked by the schema.
    return typeof year === 'number' ? { code, year } : { code };
  });
  // Keep indexes aligned with the input (paths!) by placing unusable records at codes that never parse.
  return {
    regions: regions.map((r) => r ?? { code: '', name: '' }),
    units: units.map((u) => u ?? { code: '' }),
  };
}

/**
 * Parses a dataset and reports every problem with its path (`units[1203].facilities[0].floorArea`), never
 * stopping at the first: each record's own checks, then duplicate codes and the region hierarchy
 * ({@link buildRegionTree}) over every record that could be read. Nothing throws, whatever `input` is.
 *
 * @param input - a plain object (e.g. parsed JSON)
 * @returns the typed dataset, or every issue
 *
 * @example
 * ```ts
 * import { parseDataset } from 'shequ';
 * const result = parseDataset({
 *   units: [
 *     { code: '110101001001', kind: 'community', facilities: [{ kind: 'comprehensiveService', floorArea: -1 }] },
 *     { code: '110101001001', kind: 'community' },
 *   ],
 * });
 * result.success || result.error.issues.map((issue) => [issue.code, issue.path.join('.')]);
 * //=> [['invalid_value', 'units.0.facilities.0.floorArea'], ['duplicate_code', 'units.1.code']]
 * ```
 */
export function parseDataset(input: unknown): Result<Dataset> {
  // Guarded: a throwing getter or Proxy in the input becomes an issue instead of an exception.
  return guarded(() => {
    const parsed = datasetSchema.safeParse(input);
    const issues: Issue[] = parsed.success ? [] : issuesFromZod(parsed.error, { input });
    const parts = parsedParts(input);
    for (const issue of buildRegionTree(parts.regions, parts.units).issues) issues.push(issue);
    return issues.length === 0 && parsed.success ? success(parsed.data) : failure(issues);
  });
}
