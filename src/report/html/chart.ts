/**
 * The SVG charts of the report page: a bar per region coloured by its status (grey without a target or data, never
 * red), the target as a dashed line; and the stacked bar of status counts in the summary. Each chart has a <title>,
 * a <desc> with its numbers in words, and every bar its own <title> (the text equivalent beside the table).
 */
import type { IndicatorRow } from '../../indicators/rows.js';
import type { RenderContext } from '../columns.js';
import { STATUS_LABELS, STATUS_ORDER } from '../labels.js';
import { regionNameOf } from '../models/indicators.js';
import { rowTarget } from '../row-keys.js';
import { htmlNumber, htmlText } from './escape.js';
import { STATUS_COLOURS } from './style.js';
import type { IndicatorSummary } from './summary.js';

const BAR = 36;
const GAP = 14;
const HEIGHT = 160;

/** A number for an SVG attribute (two decimals at most). */
const at = (value: number) => String(Math.round(value * 100) / 100);

/** One region's bar: a rect (or, without a value, a grey mark on the base line), its value and its name. */
function bar(
  row: IndicatorRow,
  i: number,
  scale: (value: number) => number,
  context: RenderContext,
  tilt: boolean,
): string {
  const x = 30 + i * (BAR + GAP);
  const name = regionNameOf(row, context) ?? row.region;
  const unit = context.indicatorUnit(row.indicator, row.unit);
  const status = STATUS_LABELS[row.status]?.[context.lang] ?? row.status;
  const colour = STATUS_COLOURS[row.status] ?? STATUS_COLOURS['no-data'];
  const title = htmlText(`${name}: ${row.value ?? '—'} ${unit} (${status})`);
  const top = row.value === null ? 10 + HEIGHT - 2 : scale(Math.max(0, row.value));
  const height = row.value === null ? 2 : Math.max(1, 10 + HEIGHT - top);
  const labelY = HEIGHT + 24;
  const label = tilt
    ? `<text x="${at(x + BAR / 2)}" y="${labelY}" text-anchor="end" font-size="10" transform="rotate(-40 ${at(x + BAR / 2)} ${labelY})">${htmlText(name)}</text>`
    : `<text x="${at(x + BAR / 2)}" y="${labelY}" text-anchor="middle" font-size="10">${htmlText(name)}</text>`;
  return `<g class="bar s-${row.status}" data-region="${htmlText(row.region)}" data-value="${row.value === null ? '' : htmlNumber(row.value)}" data-status="${row.status}"><rect x="${at(x)}" y="${at(top)}" width="${BAR}" height="${at(height)}" fill="${colour}"><title>${title}</title></rect><text x="${at(x + BAR / 2)}" y="${at(top - 3)}" text-anchor="middle" font-size="10">${row.value === null ? '—' : htmlNumber(row.value)}</text>${label}</g>`;
}

/**
 * One indicator's bar chart.
 *
 * @param summary - the indicator's summary
 * @param shown - the regions to draw (all, or those furthest from the target)
 * @param context - language and names
 * @param id - a unique id for the chart's title and description
 * @returns the `<figure>`
 */
export function barChart(
  summary: IndicatorSummary,
  shown: readonly IndicatorRow[],
  context: RenderContext,
  id: string,
): string {
  const zh = context.lang === 'zh';
  const target = summary.regions.map(rowTarget).find((each) => each !== undefined);
  // A loop, not Math.max(...values): a chart of many regions would overflow the call stack as arguments.
  let max = Math.max(1, target?.value ?? 0);
  for (const row of shown) max = Math.max(max, row.value ?? 0);
  max *= 1.1;
  const scale = (value: number) => 10 + HEIGHT - (value / max) * HEIGHT;
  const tilt = shown.length > 8;
  const bottom = tilt ? 90 : 34;
  const width = Math.max(240, shown.length * (BAR + GAP) + 40);
  const name = context.indicatorName(summary.indicator);
  const unit = context.indicatorUnit(summary.indicator, summary.regions[0]?.unit ?? '');
  const bars = shown.map((row, i) => bar(row, i, scale, context, tilt)).join('');
  const targetLine =
    target === undefined
      ? ''
      : `<line class="target" x1="20" x2="${width - 5}" y1="${at(scale(target.value))}" y2="${at(scale(target.value))}" stroke="#333" stroke-dasharray="4 3"/><text x="${width - 5}" y="${at(scale(target.value) - 3)}" text-anchor="end" font-size="10">${zh ? '目标' : 'target'} ${htmlNumber(target.value)}</text>`;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const row of shown)
    if (row.value !== null) {
      low = Math.min(low, row.value);
      high = Math.max(high, row.value);
    }
  const range = low > high ? (zh ? '无数值' : 'no values') : `${low}–${high} ${unit}`;
  const partial = shown.length < summary.regions.length;
  const note = partial
    ? zh
      ? `显示 ${summary.regions.length} 个地区中距目标最远的 ${shown.length} 个`
      : `${shown.length} of ${summary.regions.length} regions: those furthest from the target`
    : zh
      ? `${shown.length} 个地区`
      : `${shown.length} regions`;
  const desc = `${note}; ${range}${target === undefined ? (zh ? '；无目标' : '; no target') : `; ${zh ? '目标' : 'target'} ${target.comparator} ${target.value}`}`;
  return `<figure class="chart${tilt ? ' wide' : ''}" data-indicator="${htmlText(summary.indicator)}"><figcaption>${htmlText(name)} <small>(${htmlText(unit)}; ${htmlText(note)})</small></figcaption><svg role="img" aria-labelledby="${id}-t ${id}-d" width="${width}" height="${HEIGHT + bottom}" viewBox="0 0 ${width} ${HEIGHT + bottom}"><title id="${id}-t">${htmlText(name)}</title><desc id="${id}-d">${htmlText(desc)}</desc><line x1="20" x2="${width - 5}" y1="${10 + HEIGHT}" y2="${10 + HEIGHT}" stroke="#999"/>${bars}${targetLine}</svg></figure>`;
}

/**
 * The stacked bar of status counts of the summary (a mark per status that has regions), with its numbers in words.
 *
 * @param summary - the indicator's summary
 * @param context - language
 * @param id - a unique id for the chart's title and description
 * @returns the `<svg>`
 */
export function statusBar(summary: IndicatorSummary, context: RenderContext, id: string): string {
  const total = summary.regions.length;
  const width = 600;
  let x = 0;
  const words: string[] = [];
  const marks = STATUS_ORDER.filter((status) => summary.counts[status] > 0)
    .map((status) => {
      const count = summary.counts[status];
      const w = Math.max(2, (count / total) * width);
      const label = `${STATUS_LABELS[status][context.lang]} ${count}`;
      words.push(label);
      const mark = `<rect class="mark s-${status}" x="${at(x)}" y="0" width="${at(w)}" height="14" fill="${STATUS_COLOURS[status]}"><title>${htmlText(label)}</title></rect>`;
      x += w;
      return mark;
    })
    .join('');
  const title = context.lang === 'zh' ? `${total} 个地区的状态` : `Status of ${total} regions`;
  return `<svg class="status-bar" role="img" aria-labelledby="${id}-t ${id}-d" width="${width}" height="14" viewBox="0 0 ${at(Math.max(x, width))} 14" preserveAspectRatio="none"><title id="${id}-t">${htmlText(title)}</title><desc id="${id}-d">${htmlText(words.join(', '))}</desc>${marks}</svg>`;
}
