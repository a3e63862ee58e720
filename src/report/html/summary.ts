/**
 * The summary of indicator rows for the report page: per indicator, its top region(s) and how many regions stand at
 * each status. Pure data; html/page.ts writes it.
 */
import type { ProgressStatus } from '../../indicators/progress.js';
import type { GroupLevel, IndicatorRow } from '../../indicators/rows.js';
import { STATUS_ORDER } from '../labels.js';

const LEVEL_DEPTH: Readonly<Record<GroupLevel, number>> = {
  province: 0,
  prefecture: 1,
  county: 2,
  township: 3,
  unit: 4,
};

/**
 * One indicator's summary.
 *
 * @example
 * ```ts
 * const summary: IndicatorSummary = summarizeIndicators(rows)[0];
 * ```
 */
export interface IndicatorSummary {
  /** The indicator id. */
  readonly indicator: string;
  /** The rows at the shallowest level present (one row: the region the report is about). */
  readonly top: readonly IndicatorRow[];
  /** The level the counts are of: the deepest present (the report's regions). */
  readonly level: GroupLevel;
  /** The rows at that level, in report order. */
  readonly regions: readonly IndicatorRow[];
  /** How many of them stand at each status. */
  readonly counts: Readonly<Record<ProgressStatus, number>>;
}

const emptyCounts = (): Record<ProgressStatus, number> =>
  Object.fromEntries(STATUS_ORDER.map((status) => [status, 0])) as Record<ProgressStatus, number>;

/**
 * Summaries of indicator rows, one per indicator in the order the rows first name them.
 *
 * @param rows - rows of `computeIndicators` (any levels)
 * @returns the summaries
 *
 * @example
 * ```ts
 * summarizeIndicators(computeIndicators(units, { groupBy: ['county'], asOf: '2025-12-31' }))[0]?.counts.met;
 * //=> 1
 * ```
 */
export function summarizeIndicators(rows: readonly IndicatorRow[]): IndicatorSummary[] {
  const byIndicator = new Map<string, IndicatorRow[]>();
  for (const row of rows) {
    const group = byIndicator.get(row.indicator);
    if (group === undefined) byIndicator.set(row.indicator, [row]);
    else group.push(row);
  }
  return [...byIndicator].map(([indicator, group]) => {
    let shallowest = Number.POSITIVE_INFINITY;
    let deepest = Number.NEGATIVE_INFINITY;
    for (const row of group) {
      const depth = LEVEL_DEPTH[row.level] ?? 0;
      shallowest = Math.min(shallowest, depth);
      deepest = Math.max(deepest, depth);
    }
    const regions = group.filter((row) => (LEVEL_DEPTH[row.level] ?? 0) === deepest);
    const counts = emptyCounts();
    for (const row of regions) if (row.status in counts) counts[row.status]++;
    return {
      indicator,
      top: group.filter((row) => (LEVEL_DEPTH[row.level] ?? 0) === shallowest),
      level: (regions[0] as IndicatorRow).level,
      regions,
      counts,
    };
  });
}

/**
 * The regions a chart shows when there are more than `limit`: those furthest short of the target (largest gap),
 * then those without a gap by lowest value; in report order when all fit.
 *
 * @param regions - the rows of one indicator at one level
 * @param limit - how many bars a chart holds
 * @returns the rows to draw
 *
 * @example
 * ```ts
 * chartRegions(rows, 40).length <= 40;
 * //=> true
 * ```
 */
export function chartRegions(regions: readonly IndicatorRow[], limit: number): readonly IndicatorRow[] {
  if (regions.length <= limit) return regions;
  const key = (row: IndicatorRow) => [
    row.gap ?? Number.NEGATIVE_INFINITY,
    -(row.value ?? Number.POSITIVE_INFINITY),
  ];
  return [...regions]
    .sort((a, b) => {
      const [gapA, valueA] = key(a) as [number, number];
      const [gapB, valueB] = key(b) as [number, number];
      return gapB - gapA || valueB - valueA || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0);
    })
    .slice(0, limit);
}
