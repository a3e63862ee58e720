/**
 * The one place the page takes the HTML report from: the command line's `reportHtml` (src/cli/report.ts) today; the
 * report layer (src/report) is to own it, and this import is the line to re-point when it does.
 */

import { reportHtml } from '../../src/cli/report.js';
import { maskIdNumbersInText } from '../../src/core/mask.js';
import type { Finding, IndicatorRow } from '../../src/index.js';

/** The HTML report of a run, masked as the command masks it. */
export function buildReportHtml(
  rows: readonly IndicatorRow[],
  findings: readonly Finding[],
  meta: { asOf: string; profile: string; units: number },
  lang: 'zh' | 'en',
): string {
  return maskIdNumbersInText(reportHtml(rows, findings, meta, lang));
}
