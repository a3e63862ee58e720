/**
 * One horizontal bar chart per indicator, as SVG text: a bar per region (named by its name or code), coloured by its
 * status (grey, never red, where there is no target or no data), the target as a dashed line, a title and a text
 * equivalent for screen readers. Long lists are cut at {@link MAX_BARS} (the table has every row).
 */

import { maskIdNumbersInText } from '../../src/core/mask.js';
import type { IndicatorRow } from '../../src/index.js';
import { STATUS_COLOURS } from '../../src/report/html/style.js';
import { word } from './i18n.js';
import type { Lang, Text } from './protocol.js';

export const MAX_BARS = 40;

/** The report's status colours: the page and the HTML report it downloads speak one legend. */
export { STATUS_COLOURS };

export const escapeXml = (text: string) =>
  maskIdNumbersInText(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The legend of the status colours, as HTML. */
export function legendHtml(lang: Lang): string {
  return Object.entries(STATUS_COLOURS)
    .map(
      ([status, colour]) =>
        `<span class="legend-item"><span class="swatch" style="background:${colour}"></span>${escapeXml(word(status as IndicatorRow['status'], lang))}</span>`,
    )
    .join('');
}

/** One indicator's chart. */
export function chartSvg(title: string, unit: string, rows: readonly IndicatorRow[], lang: Lang): string {
  const shown = rows.slice(0, MAX_BARS);
  const target = shown.find((row) => row.target !== undefined)?.target;
  let max = target?.value ?? 0;
  for (const row of shown) max = Math.max(max, row.value ?? 0);
  max = max <= 0 ? 1 : max * 1.1;
  const labelWidth = 150;
  const plot = 420;
  const bar = 18;
  const height = shown.length * (bar + 6) + 30;
  const x = (value: number) => labelWidth + (value / max) * plot;
  const bars = shown
    .map((row, i) => {
      const y = 20 + i * (bar + 6);
      const label = escapeXml(row.name ?? row.region);
      const value = row.value === null ? '—' : String(row.value);
      const width = row.value === null ? 0 : Math.max(1, x(row.value) - labelWidth);
      return `<g class="bar" data-region="${escapeXml(row.region)}" data-status="${row.status}"><text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end">${label}</text><rect x="${labelWidth}" y="${y}" width="${width.toFixed(1)}" height="${bar}" fill="${STATUS_COLOURS[row.status]}"><title>${label}: ${value} ${escapeXml(unit)} · ${escapeXml(word(row.status, lang))}</title></rect><text x="${(labelWidth + width + 4).toFixed(1)}" y="${y + 13}">${value}</text></g>`;
    })
    .join('');
  const targetLine =
    target === undefined
      ? ''
      : `<line class="target" x1="${x(target.value)}" x2="${x(target.value)}" y1="12" y2="${height - 8}" stroke="#333" stroke-dasharray="4 3"/><text x="${x(target.value)}" y="10" text-anchor="middle" class="target-label">${escapeXml(word('target', lang))} ${target.value}</text>`;
  const description = shown
    .map((row) => `${row.name ?? row.region} ${row.value ?? '—'} ${word(row.status, lang)}`)
    .join('; ');
  const more =
    rows.length > MAX_BARS
      ? `<p class="hint">${escapeXml(word('moreBars', lang, { n: rows.length - MAX_BARS }))}</p>`
      : '';
  return `<figure class="chart"><figcaption>${escapeXml(title)} <small>(${escapeXml(unit)})</small></figcaption><svg role="img" aria-label="${escapeXml(`${title}: ${description}`)}" width="${labelWidth + plot + 60}" height="${height}" viewBox="0 0 ${labelWidth + plot + 60} ${height}">${bars}${targetLine}</svg>${more}</figure>`;
}

/** The rows to chart for one indicator: the coarsest level chosen that has more than one region, else the first. */
export function chartRows(rows: readonly IndicatorRow[]): IndicatorRow[] {
  const byLevel = new Map<string, IndicatorRow[]>();
  for (const row of rows) {
    const list = byLevel.get(row.level);
    if (list === undefined) byLevel.set(row.level, [row]);
    else list.push(row);
  }
  for (const list of byLevel.values()) if (list.length > 1) return list;
  return [...byLevel.values()][0] ?? [];
}

export type { Text };
