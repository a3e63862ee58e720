/**
 * The style sheet of the report's pages: a CJK font stack (a system without any of them falls back to sans-serif,
 * where Chinese shows as boxes — docs/report.md says which package to install), status colours (grey for no target
 * and no data, never red), nothing wider than the window, and a print sheet for clean A4 pages.
 */
import type { ProgressStatus } from '../../indicators/progress.js';

/**
 * The colour of each status, in charts, the legend and the table's status cells. Green for met, a lighter green for
 * on track, amber for behind, red for not met; grey (never red) where there is nothing to judge.
 *
 * @example
 * ```ts
 * STATUS_COLOURS['no-target'];
 * //=> '#9e9e9e'
 * ```
 */
export const STATUS_COLOURS: Readonly<Record<ProgressStatus, string>> = {
  met: '#2e7d32',
  'on-track': '#7cb342',
  behind: '#f9a825',
  'not-met': '#c62828',
  'no-target': '#9e9e9e',
  'no-data': '#cfcfcf',
};

/** The font stack: the CJK fonts of Linux, macOS and Windows first, then any sans-serif. */
export const FONT_STACK =
  '"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Source Han Sans CN","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif';

const statusRules = Object.entries(STATUS_COLOURS)
  .map(([status, colour]) => `.s-${status}{--status:${colour}}`)
  .join('');

/** The page's CSS. */
export const PAGE_STYLE = `:root{color-scheme:light}
body{font-family:${FONT_STACK};margin:0;color:#222;background:#fff;line-height:1.5}
main{max-width:1200px;margin:0 auto;padding:1.5rem;box-sizing:border-box}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid #ddd}
p.meta{color:#555;margin:.25rem 0 1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:bold;padding:.25rem 0;caption-side:top}
td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;overflow-wrap:anywhere}
thead th{background:#f3f3f3;text-align:left}th[scope=row]{font-weight:normal;font-family:ui-monospace,monospace;font-size:.85em;white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums}
.table-wrap{overflow-x:auto;max-width:100%}
${statusRules}
td.status::before,.swatch{content:"";display:inline-block;width:.8em;height:.8em;margin-right:.35em;border-radius:2px;background:var(--status);vertical-align:-.05em;border:1px solid #0003}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;padding:.5rem .75rem;border:1px solid #ddd;border-radius:4px;margin:.5rem 0 1rem;font-size:.9rem}
.legend>span,.counts>span{white-space:nowrap}
.counts{display:flex;flex-wrap:wrap;gap:.2rem .9rem;font-size:.85rem}
.summary-item{border:1px solid #ddd;border-radius:4px;padding:.5rem .75rem;margin:.5rem 0}
.summary-item h3{font-size:1rem;margin:0 0 .25rem}
.summary-item .headline{margin:.1rem 0 .35rem}
svg{max-width:100%;height:auto;display:block}
#charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:0 1.5rem}#charts h2,#charts figure.wide{grid-column:1/-1}
figure{margin:1rem 0;max-width:100%;min-width:0}figcaption{font-weight:bold;font-size:.95rem}figcaption small{font-weight:normal;color:#555}
.severity.s-error{color:#b71c1c}.severity.s-warning{color:#8a4b00}
details{margin:.5rem 0}summary{cursor:pointer}
small,.note{color:#555}
@page{size:A4;margin:14mm 12mm}
@media print{
main{max-width:none;padding:0}body{font-size:10pt}
h2{break-after:avoid}h3{break-after:avoid}
table{font-size:8.5pt}thead{display:table-header-group}tfoot{display:table-footer-group}
tr,td,th,figure,svg,.summary-item,.legend{break-inside:avoid;page-break-inside:avoid}
.table-wrap{overflow:visible}
td.status::before,.swatch,svg rect{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}`;
