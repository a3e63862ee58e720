// Compute the 十四五 indicators for the bundled sample (real codes of 正定县 and 东城区/延庆区, synthetic measures),
// roll them up, compare with the Hebei targets, and merge parts computed separately into the same figures.
// Run: node examples/indicators.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  computeIndicators,
  createIndicatorAccumulator,
  indicatorRowsFromParts,
  mergeIndicatorParts,
} from 'shequ';
import { hebeiDivisions } from 'shequ/divisions/hebei';

const { units } = JSON.parse(readFileSync(new URL('./data/sample-units.json', import.meta.url), 'utf8'));
const hebeiUnits = units.filter((unit) => unit.code.startsWith('13'));

const rows = computeIndicators(hebeiUnits, {
  profile: 'hebei',
  asOf: '2025-12-31',
  groupBy: ['county'],
  divisions: hebeiDivisions,
});
for (const row of rows) {
  const target = row.target ? `${row.target.comparator} ${row.target.value}` : '—';
  console.log(
    `${row.name} ${row.indicator}: ${row.value ?? '—'} ${row.unit} (${row.numerator} / ${row.denominator}, missing ${row.missing}) target ${target} → ${row.status}`,
  );
}

// Two halves accumulated apart (another worker, another machine), merged: the same figures to the last decimal.
const [first, second] = [
  createIndicatorAccumulator({ profile: 'hebei' }),
  createIndicatorAccumulator({ profile: 'hebei' }),
];
for (const [i, unit] of hebeiUnits.entries()) (i % 2 === 0 ? first : second).add(unit);
const merged = mergeIndicatorParts(first.parts(), second.parts());
assert.equal(merged.success, true);
const again = indicatorRowsFromParts(merged.data, {
  profile: 'hebei',
  asOf: '2025-12-31',
  groupBy: ['county'],
  divisions: hebeiDivisions,
});
assert.deepEqual(again, rows);
console.log('merged parts give the same', again.length, 'rows');
