/**
 * The results of a run as HTML: counts, file problems, downloads, the status summary, the charts, the indicator
 * table, the findings by rule and the rejected rows (paged: every row is reachable). Every text is escaped and its
 * ID numbers masked (escapeXml).
 */
import type { Finding, IndicatorRow } from '../../src/index.js';
import { chartRows, chartSvg, escapeXml, legendHtml, STATUS_COLOURS } from './charts.js';
import { formatNumber, word } from './i18n.js';
import { renderPaged } from './paged.js';
import type { DownloadKind, Lang, RunResult } from './protocol.js';

const STATUSES = Object.keys(STATUS_COLOURS) as IndicatorRow['status'][];
const DOWNLOADS: readonly DownloadKind[] = [
  'indicators-xlsx',
  'indicators-csv',
  'findings-xlsx',
  'findings-csv',
  'rejects-csv',
  'report-html',
];
const comparator = (c: string | undefined) => (c === '>=' ? '≥' : c === '<=' ? '≤' : (c ?? ''));

function countsHtml(result: RunResult, lang: Lang): string {
  const item = (id: string, key: 'read' | 'accepted' | 'rejected', n: number) =>
    `<div class="count ${key}"><dt>${escapeXml(word(key, lang))}</dt><dd id="${id}" data-count="${n}">${formatNumber(n, lang)}</dd></div>`;
  return `<section class="card"><h2>${escapeXml(word('counts', lang))}</h2><dl class="counts">${item('count-read', 'read', result.counts.read)}${item('count-accepted', 'accepted', result.counts.accepted)}${item('count-rejected', 'rejected', result.counts.rejected)}</dl><p class="hint">${escapeXml(word('encoding', lang))}: ${escapeXml(result.encoding)} · ${escapeXml(word('seconds', lang))}: <span id="seconds">${result.seconds.toFixed(1)}</span> s</p>${problemsHtml(result, lang)}</section>`;
}

function problemsHtml(result: RunResult, lang: Lang): string {
  if (result.problems.length === 0) return '';
  const items = result.problems
    .slice(0, 20)
    .map((p) => `<li class="${escapeXml(p.severity)}">${escapeXml(p.message[lang])}</li>`)
    .join('');
  return `<h3>${escapeXml(word('problems', lang))}</h3><ul class="problems">${items}</ul>`;
}

function downloadsHtml(result: RunResult, lang: Lang): string {
  // The evaluation table (终期评估) once a plan period has ended by the as-of date.
  const kinds: readonly DownloadKind[] =
    result.evaluation === undefined ? DOWNLOADS : [...DOWNLOADS, 'evaluation-xlsx', 'evaluation-csv'];
  const buttons = kinds
    .map((kind) => `<button type="button" data-download="${kind}">${escapeXml(word(kind, lang))}</button>`)
    .join('');
  return `<section class="card"><h2>${escapeXml(word('downloads', lang))}</h2><div class="downloads">${buttons}</div></section>`;
}

function byIndicator(rows: readonly IndicatorRow[]): Map<string, IndicatorRow[]> {
  const map = new Map<string, IndicatorRow[]>();
  for (const row of rows) {
    const list = map.get(row.indicator);
    if (list === undefined) map.set(row.indicator, [row]);
    else list.push(row);
  }
  return map;
}

function statusSummaryHtml(result: RunResult, groups: Map<string, IndicatorRow[]>, lang: Lang): string {
  const head = STATUSES.map(
    (s) =>
      `<th scope="col"><span class="swatch" style="background:${STATUS_COLOURS[s]}"></span>${escapeXml(word(s, lang))}</th>`,
  ).join('');
  const body = [...groups]
    .map(([indicator, rows]) => {
      const cells = STATUSES.map((s) => {
        const n = rows.filter((row) => row.status === s).length;
        return `<td class="num${n === 0 ? ' zero' : ''}">${n}</td>`;
      }).join('');
      return `<tr data-indicator="${escapeXml(indicator)}"><th scope="row">${escapeXml(result.labels.indicators[indicator]?.name[lang] ?? indicator)}</th>${cells}</tr>`;
    })
    .join('');
  return `<section class="card"><h2>${escapeXml(word('statusSummary', lang))}</h2><p class="hint">${escapeXml(word('statusHint', lang))}</p><table id="status-summary"><thead><tr><th scope="col">${escapeXml(word('indicator', lang))}</th>${head}</tr></thead><tbody>${body}</tbody></table></section>`;
}

function chartsHtml(result: RunResult, groups: Map<string, IndicatorRow[]>, lang: Lang): string {
  const charts = [...groups]
    .map(([indicator, rows]) => {
      const label = result.labels.indicators[indicator];
      return chartSvg(label?.name[lang] ?? indicator, label?.unit[lang] ?? '', chartRows(rows), lang);
    })
    .join('');
  return `<section class="card" id="charts"><h2>${escapeXml(word('charts', lang))}</h2><p class="hint">${escapeXml(word('chartsHint', lang))}</p><div class="legend">${legendHtml(lang)}</div><div class="chart-grid">${charts}</div></section>`;
}

function indicatorCells(result: RunResult, lang: Lang) {
  return (row: IndicatorRow) => {
    const label = result.labels.indicators[row.indicator];
    const base =
      row.baseline === undefined ? '—' : `${comparator(row.baseline.comparator)} ${row.baseline.value}`;
    const target =
      row.target === undefined ? '—' : `${comparator(row.target.comparator)} ${row.target.value}`;
    return [
      escapeXml(row.name ?? row.region),
      escapeXml(word(row.level, lang)),
      escapeXml(label?.name[lang] ?? row.indicator),
      `<span class="num">${row.value ?? '—'}</span> ${escapeXml(label?.unit[lang] ?? row.unit)}`,
      `<span class="num">${row.numerator} / ${row.denominator}</span>`,
      escapeXml(base.trim()),
      escapeXml(target),
      `<span class="status" style="--c:${STATUS_COLOURS[row.status]}">${escapeXml(word(row.status, lang))}</span>`,
    ];
  };
}

function findingsSummaryHtml(result: RunResult, counts: ReadonlyMap<string, number>, lang: Lang): string {
  const rules = Object.entries(result.summary.byRule).filter(
    ([rule, tally]) => counts.has(rule) || tally.checked > 0,
  );
  const rows = rules
    .map(([rule, tally]) => {
      const n = counts.get(rule) ?? 0;
      const show =
        n === 0
          ? ''
          : `<button type="button" class="link" data-rule="${escapeXml(rule)}">${escapeXml(word('show', lang))}</button>`;
      return `<tr data-rule="${escapeXml(rule)}"><th scope="row">${escapeXml(result.labels.rules[rule]?.[lang] ?? rule)}<br><small>${escapeXml(rule)}</small></th><td class="num">${n}</td><td class="num">${tally.checked}</td><td class="num">${tally.failed}</td><td class="num">${tally.notChecked}</td><td>${show}</td></tr>`;
    })
    .join('');
  const head = ['rule', 'count', 'checked', 'failed', 'notChecked'] as const;
  return `<section class="card"><h2>${escapeXml(word('findings', lang))}</h2>${counts.size === 0 ? `<p>${escapeXml(word('noFindings', lang))}</p>` : ''}<table id="rules"><thead><tr>${head.map((h) => `<th scope="col">${escapeXml(word(h, lang))}</th>`).join('')}<th></th></tr></thead><tbody>${rows}</tbody></table><div id="rule-findings"></div></section>`;
}

/** What the page asks the worker for: a page of a rule's findings. */
export type FindingPages = (rule: string, start: number, count: number) => Promise<readonly Finding[]>;

function showRule(
  host: HTMLElement,
  rule: string,
  total: number,
  pages: FindingPages,
  result: RunResult,
  lang: Lang,
) {
  host.innerHTML = `<h3>${escapeXml(result.labels.rules[rule]?.[lang] ?? rule)}</h3><div></div>`;
  void renderPaged(
    host.lastElementChild as HTMLElement,
    {
      id: 'findings-table',
      header: [word('unitCode', lang), word('severity', lang), word('message', lang), word('source', lang)],
      items: { total, page: (start, count) => pages(rule, start, count) },
      cells: (f: Finding) => [
        escapeXml(f.unit),
        `<span class="sev ${f.severity}">${escapeXml(word(f.severity, lang))}</span>`,
        escapeXml(f.message[lang]),
        `<small>${escapeXml(`${f.source.document} ${f.source.section}`)}</small>`,
      ],
    },
    lang,
  );
}

function unreadableHtml(result: RunResult, lang: Lang): string {
  const details = result.problems
    .filter((p) => p.severity === 'error')
    .map((p) => `<li>${escapeXml(p.message[lang])}</li>`)
    .join('');
  return `<section class="card unreadable" id="unreadable"><h2>${escapeXml(word('unreadable', lang))}</h2><p>${escapeXml(result.unreadable?.[lang] ?? '')}</p><ul>${details}</ul></section>`;
}

/** Renders a run's results into `host`. */
export function renderResults(
  host: HTMLElement,
  result: RunResult,
  lang: Lang,
  download: (kind: DownloadKind) => void,
  findingPages: FindingPages,
): void {
  host.hidden = false;
  if (result.unreadable !== undefined) {
    host.innerHTML = unreadableHtml(result, lang);
    return;
  }
  const groups = byIndicator(result.rows);
  const counts = new Map(result.findingCounts.map(({ rule, count }) => [rule, count]));
  host.innerHTML = [
    countsHtml(result, lang),
    downloadsHtml(result, lang),
    statusSummaryHtml(result, groups, lang),
    chartsHtml(result, groups, lang),
    `<section class="card"><h2>${escapeXml(word('indicators', lang))}</h2><div id="indicator-host"></div></section>`,
    findingsSummaryHtml(result, counts, lang),
    `<section class="card"><h2>${escapeXml(word('rejectedRows', lang))} (${formatNumber(result.counts.rejected, lang)})</h2><div id="rejected-host">${result.rejected.length === 0 ? `<p>${escapeXml(word('noRejected', lang))}</p>` : ''}</div></section>`,
  ].join('');
  for (const button of Array.from(host.querySelectorAll<HTMLButtonElement>('[data-download]')))
    button.addEventListener('click', () => download(button.dataset.download as DownloadKind));
  void renderPaged(
    host.querySelector('#indicator-host') as HTMLElement,
    {
      id: 'indicator-table',
      header: ['region', 'level', 'indicator', 'value', 'fraction', 'baseline', 'target', 'status'].map((k) =>
        word(k as 'region', lang),
      ),
      items: result.rows,
      cells: indicatorCells(result, lang),
    },
    lang,
  );
  const ruleHost = host.querySelector('#rule-findings') as HTMLElement;
  for (const button of Array.from(host.querySelectorAll<HTMLButtonElement>('button[data-rule]')))
    button.addEventListener('click', () =>
      showRule(
        ruleHost,
        button.dataset.rule ?? '',
        counts.get(button.dataset.rule ?? '') ?? 0,
        findingPages,
        result,
        lang,
      ),
    );
  if (result.rejected.length > 0)
    void renderPaged(
      host.querySelector('#rejected-host') as HTMLElement,
      {
        id: 'rejected-table',
        header: [word('line', lang), word('reasons', lang), word('cells', lang)],
        items: result.rejected,
        cells: (row) => [
          String(row.line),
          row.reasons.map((r) => escapeXml(r[lang])).join('<br>'),
          `<small>${escapeXml(row.cells.join(' | '))}</small>`,
        ],
      },
      lang,
    );
}
