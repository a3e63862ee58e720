/** The HTML report of a run: the report layer's page (the same page `shequ report` writes), built in the worker. */

import type { Finding, IndicatorRow } from '../../src/index.js';
import { createFindingDigest, reportPage } from '../../src/report/index.js';

/** The HTML report of a run: the findings summarised per rule, the page masked by construction. */
export function buildReportHtml(
  rows: readonly IndicatorRow[],
  findings: readonly Finding[],
  meta: { asOf: string; profile: string; units: number },
  lang: 'zh' | 'en',
): string {
  const digest = createFindingDigest();
  for (const finding of findings) digest.add(finding);
  return reportPage({ rows, findings: digest.digest(), ...meta }, { lang });
}
