import type { Rule, Unit, UnitStatistics } from '../../src/index.js';

/** What a rule says of one unit: its status, or each failure's path and severity. */
export function status(rule: Rule, row: UnitStatistics, unit?: Unit, asOf = '2025-12-31') {
  const outcome = rule.check({
    row,
    asOf,
    parameters: rule.parameters,
    ...(unit === undefined ? {} : { unit }),
  });
  return outcome.status === 'failed'
    ? outcome.failures.map((f) => [f.path.join('.'), f.severity ?? rule.severity])
    : outcome.status;
}
