/**
 * The trend charts of the report page, when its rows span more than one year: per indicator a line chart (years on
 * the x axis, one line per region, coloured as the legend by the region's status in its latest year), the target as
 * a dashed horizontal line ending at the target year, the baseline as a marker at the baseline year. Each chart has
 * a <title>, a <desc> and a text equivalent table of its values; every text escaped and masked.
 */
import type { IndicatorRow } from '../../indicators/rows.js';
import { type IndicatorSeriesEntry, indicatorSeriesFromRows } from '../../indicators/series.js';
import type { RenderContext } from '../columns.js';
import { contextRegionName } from '../context.js';
import { STATUS_LABELS } from '../labels.js';
import { rowBaseline, rowName, rowTarget, rowYear } from '../row-keys.js';
import { htmlNumber, htmlText } from './escape.js';
import { STATUS_COLOURS } from './style.js';

/** Lines of a chart at most: more would be a tangle no reader follows. */
export const TREND_REGIONS = 8;

const WIDTH = 560;
const HEIGHT = 180;
const LEFT = 44;
const RIGHT = 130;
const TOP = 12;

/** A number for an SVG attribute (two decimals at most). */
const at = (value: number) => String(Math.round(value * 100) / 100);

const LEVEL_ORDER: Readonly<Record<IndicatorRow['level'], number>> = {
  province: 0,
  prefecture: 1,
  county: 2,
  township: 3,
  unit: 4,
};

/** The years the rows carry, ascending. */
export function rowYears(rows: readonly IndicatorRow[]): number[] {
  const years = new Set<number>();
  for (const row of rows) {
    const year = rowYear(row);
    if (year !== undefined) years.add(year);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * The regions drawn: those of the top level present, and the next level's too where the top level is one region (a
 * province and its cities), at most {@link TREND_REGIONS}, in the series' order.
 */
function shownEntries(entries: readonly IndicatorSeriesEntry[]): IndicatorSeriesEntry[] {
  const levels = [...new Set(entries.map((e) => LEVEL_ORDER[e.level]))].sort((a, b) => a - b);
  const top = entries.filter((e) => LEVEL_ORDER[e.level] === levels[0]);
  const next = levels.length > 1 ? entries.filter((e) => LEVEL_ORDER[e.level] === levels[1]) : [];
  const regions = new Set(top.map((e) => e.region));
  return (regions.size === 1 ? [...top, ...next] : top).slice(0, TREND_REGIONS);
}

interface TrendFrame {
  readonly x: (year: number) => number;
  readonly y: (value: number) => number;
  readonly first: number;
  readonly last: number;
}

/** The scales: years from the baseline year (or the first) to the target year (or the last); values from 0. */
function frame(entries: readonly IndicatorSeriesEntry[], row: IndicatorRow | undefined): TrendFrame {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const target = row === undefined ? undefined : rowTarget(row);
  const baseline = row === undefined ? undefined : rowBaseline(row);
  let max = Math.max(1, target?.value ?? 0, baseline?.value ?? 0);
  for (const entry of entries)
    for (const point of entry.points) {
      first = Math.min(first, point.year);
      last = Math.max(last, point.year);
      if (point.value !== null) max = Math.max(max, point.value);
    }
  if (baseline !== undefined) first = Math.min(first, baseline.year);
  if (target !== undefined) last = Math.max(last, target.year);
  max *= 1.1;
  const span = Math.max(1, last - first);
  return {
    first,
    last,
    x: (year) => LEFT + ((year - first) / span) * (WIDTH - LEFT - RIGHT),
    y: (value) => TOP + HEIGHT - (value / max) * HEIGHT,
  };
}

/** The region's name, or its code. */
const regionOf = (entry: IndicatorSeriesEntry, context: RenderContext) =>
  rowName(entry) ?? contextRegionName(context, entry.region) ?? entry.region;

/** One region's line: a polyline through its values (a gap where a year has none), a dot per value, a label. */
function regionLine(
  entry: IndicatorSeriesEntry,
  status: IndicatorRow['status'],
  f: TrendFrame,
  context: RenderContext,
  unit: string,
  i: number,
): string {
  const colour = STATUS_COLOURS[status] ?? STATUS_COLOURS['no-data'];
  const name = regionOf(entry, context);
  const valued = entry.points.filter((p) => p.value !== null);
  const points = valued.map((p) => `${at(f.x(p.year))},${at(f.y(p.value as number))}`).join(' ');
  const dots = valued
    .map(
      (p) =>
        `<circle cx="${at(f.x(p.year))}" cy="${at(f.y(p.value as number))}" r="3" fill="${colour}"><title>${htmlText(`${name} ${p.year}: ${p.value} ${unit}`)}</title></circle>`,
    )
    .join('');
  const end = valued[valued.length - 1];
  const label =
    end === undefined
      ? ''
      : `<text x="${at(f.x(end.year) + 6)}" y="${at(f.y(end.value as number) + 3 + (i % 2) * 2)}" font-size="10">${htmlText(name)}</text>`;
  const dash = i % 3 === 1 ? ' stroke-dasharray="6 2"' : i % 3 === 2 ? ' stroke-dasharray="2 2"' : '';
  const line =
    valued.length > 1
      ? `<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>`
      : '';
  return `<g class="line s-${status}" data-region="${htmlText(entry.region)}" data-status="${status}">${line}${dots}${label}</g>`;
}

/** The target (dashed, ending at the target year) and the baseline (a diamond at the baseline year). */
function planMarks(row: IndicatorRow | undefined, f: TrendFrame, zh: boolean): string {
  let marks = '';
  const target = row === undefined ? undefined : rowTarget(row);
  const baseline = row === undefined ? undefined : rowBaseline(row);
  if (target !== undefined) {
    const y = at(f.y(target.value));
    marks += `<line class="target" x1="${LEFT}" x2="${at(f.x(target.year))}" y1="${y}" y2="${y}" stroke="#333" stroke-dasharray="4 3"/><text x="${LEFT + 8}" y="${at(f.y(target.value) - 4)}" font-size="10">${zh ? '目标' : 'target'} ${htmlNumber(target.value)} (${target.year})</text>`;
  }
  if (baseline !== undefined) {
    const x = f.x(baseline.year);
    const y = f.y(baseline.value);
    marks += `<path class="baseline" d="M${at(x)} ${at(y - 5)}L${at(x + 5)} ${at(y)}L${at(x)} ${at(y + 5)}L${at(x - 5)} ${at(y)}Z" fill="#fff" stroke="#333"><title>${zh ? '基线' : 'baseline'} ${baseline.year}: ${htmlNumber(baseline.value)}</title></path>`;
  }
  return marks;
}

/** The x axis: a base line and a tick and label per year. */
function axis(f: TrendFrame): string {
  let ticks = `<line x1="${LEFT}" x2="${at(f.x(f.last))}" y1="${TOP + HEIGHT}" y2="${TOP + HEIGHT}" stroke="#999"/>`;
  for (let year = f.first; year <= f.last; year++)
    ticks += `<text x="${at(f.x(year))}" y="${TOP + HEIGHT + 16}" text-anchor="middle" font-size="10">${year}</text>`;
  return ticks;
}

/** The text equivalent: a row per region, a column per year, the target and baseline beside. */
function valuesTable(
  entries: readonly IndicatorSeriesEntry[],
  years: readonly number[],
  row: IndicatorRow | undefined,
  context: RenderContext,
  caption: string,
): string {
  const zh = context.lang === 'zh';
  const head = [zh ? '地区' : 'region', ...years.map(String), zh ? '状态' : 'status']
    .map((h) => `<th scope="col">${htmlText(h)}</th>`)
    .join('');
  const body = entries
    .map((entry) => {
      const byYear = new Map(entry.points.map((p) => [p.year, p.value]));
      const cells = years
        .map((year) => {
          const value = byYear.get(year);
          return `<td class="num">${value === undefined || value === null ? '—' : htmlNumber(value)}</td>`;
        })
        .join('');
      const last = entry.points[entry.points.length - 1];
      const standing = last === undefined ? '' : last.standing;
      return `<tr><th scope="row">${htmlText(regionOf(entry, context))}</th>${cells}<td>${htmlText(standing)}</td></tr>`;
    })
    .join('');
  const baseline = row === undefined ? undefined : rowBaseline(row);
  const target = row === undefined ? undefined : rowTarget(row);
  const plan = [
    baseline === undefined ? '' : `${zh ? '基线' : 'baseline'} ${baseline.year}: ${baseline.value}`,
    target === undefined
      ? zh
        ? '无目标'
        : 'no target'
      : `${zh ? '目标' : 'target'} ${target.year}: ${target.comparator} ${target.value}`,
  ]
    .filter((text) => text !== '')
    .join('; ');
  return `<details><summary>${htmlText(zh ? '数值表' : 'values')}</summary><table class="trend-values"><caption>${htmlText(`${caption} (${plan})`)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></details>`;
}

/**
 * One indicator's line chart over the years.
 *
 * @param entries - the indicator's series entries to draw (one line each)
 * @param latest - each region's row of the latest year (its status colours the line; the target and baseline)
 * @param context - language and names
 * @param id - a unique id for the chart's title and description
 * @returns the `<figure>`
 *
 * @example
 * ```ts
 * trendChart(entries, latestRows, defaultRenderContext('zh'), 'trend0').startsWith('<figure class="trend');
 * //=> true
 * ```
 */
export function trendChart(
  entries: readonly IndicatorSeriesEntry[],
  latest: ReadonlyMap<string, IndicatorRow>,
  context: RenderContext,
  id: string,
): string {
  const zh = context.lang === 'zh';
  const first = entries[0] as IndicatorSeriesEntry;
  const rows = entries.map((e) => latest.get(`${e.level}\u0000${e.region}`));
  const planRow = rows.find((row) => row !== undefined && rowTarget(row) !== undefined) ?? rows[0];
  const f = frame(entries, planRow);
  const name = context.indicatorName(first.indicator);
  const unit = context.indicatorUnit(first.indicator, first.unit);
  const years = [...new Set(entries.flatMap((e) => e.points.map((p) => p.year)))].sort((a, b) => a - b);
  const lines = entries
    .map((entry, i) => regionLine(entry, rows[i]?.status ?? 'no-data', f, context, unit, i))
    .join('');
  const words = entries.map((entry, i) => {
    const values = entry.points.map((p) => `${p.year} ${p.value ?? '—'}`).join(', ');
    const status = STATUS_LABELS[rows[i]?.status ?? 'no-data'][context.lang];
    return `${regionOf(entry, context)}: ${values} (${status})`;
  });
  const target = planRow === undefined ? undefined : rowTarget(planRow);
  const desc = `${words.join('; ')}${target === undefined ? (zh ? '；无目标' : '; no target') : `; ${zh ? '目标' : 'target'} ${target.year} ${target.comparator} ${target.value}`}`;
  const height = TOP + HEIGHT + 24;
  return `<figure class="trend" data-indicator="${htmlText(first.indicator)}" data-lines="${entries.length}"><figcaption>${htmlText(name)} <small>(${htmlText(unit)}; ${years[0]}–${years[years.length - 1]})</small></figcaption><svg role="img" aria-labelledby="${id}-t ${id}-d" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}"><title id="${id}-t">${htmlText(name)}</title><desc id="${id}-d">${htmlText(desc)}</desc>${axis(f)}${planMarks(planRow, f, zh)}${lines}</svg>${valuesTable(entries, years, planRow, context, name)}</figure>`;
}

/**
 * The trend charts of the rows, one per indicator; none when the rows carry fewer than two years.
 *
 * @param rows - indicator rows (some with a year)
 * @param context - language and names
 * @param period - the plan period the rows were computed with (for the series' lines)
 * @returns the `<figure>`s, in the order of the indicators
 *
 * @example
 * ```ts
 * trendCharts(rowsOfOneYear, defaultRenderContext('zh'));
 * //=> []
 * ```
 */
export function trendCharts(
  rows: readonly IndicatorRow[],
  context: RenderContext,
  period?: string,
): string[] {
  const years = rowYears(rows);
  if (years.length < 2) return [];
  const lastYear = years[years.length - 1];
  const latest = new Map<string, Map<string, IndicatorRow>>();
  for (const row of rows) {
    if (rowYear(row) !== lastYear) continue;
    let byRegion = latest.get(row.indicator);
    if (byRegion === undefined) {
      byRegion = new Map();
      latest.set(row.indicator, byRegion);
    }
    byRegion.set(`${row.level}\u0000${row.region}`, row);
  }
  const byIndicator = new Map<string, IndicatorSeriesEntry[]>();
  for (const entry of indicatorSeriesFromRows(rows, period === undefined ? {} : { period })) {
    if (entry.level === 'unit') continue;
    const list = byIndicator.get(entry.indicator) ?? [];
    list.push(entry);
    byIndicator.set(entry.indicator, list);
  }
  const charts: string[] = [];
  for (const [indicator, entries] of byIndicator)
    charts.push(
      trendChart(shownEntries(entries), latest.get(indicator) ?? new Map(), context, `trend${charts.length}`),
    );
  return charts;
}
