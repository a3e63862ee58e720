/** The `code.division` findings of a dataset's hierarchy (validator-core.ts: the engine counts them). */
import type { Dataset } from '../model/dataset.js';
import { buildRegionTree } from '../model/region-tree.js';
import type { Rule } from './types.js';
import type { Finding } from './validate.js';
import type { MutableTally } from './validator-core.js';

/** Hierarchy problems of a dataset's units, as `code.division` findings (counted in the rule's tally). */
export function hierarchyFindings(
  dataset: Dataset,
  rules: readonly Rule[],
  tallies: readonly MutableTally[],
): Finding[] {
  const findings: Finding[] = [];
  const r = rules.findIndex((candidate) => candidate.id === 'code.division');
  const rule = rules[r];
  const tally = tallies[r];
  if (rule === undefined || tally === undefined || dataset.regions === undefined) return findings;
  const { issues } = buildRegionTree(dataset.regions, dataset.units);
  for (const issue of issues) {
    if (issue.path[0] !== 'units' || typeof issue.path[1] !== 'number') continue;
    const index = issue.path[1];
    tally.findings++;
    findings.push({
      rule: rule.id,
      severity: rule.severity,
      unit: String(dataset.units[index]?.code),
      index,
      path: issue.path.slice(2),
      message: issue.message,
      expected: 'nested under its region',
      actual: String(dataset.units[index]?.code),
      source: rule.source,
    });
  }
  return findings;
}
