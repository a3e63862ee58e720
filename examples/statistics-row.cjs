// CommonJS works too: check a statistics row and print every issue with its path, in Chinese and English.
// Run: node examples/statistics-row.cjs
const assert = require('node:assert/strict');
const { parseUnitStatistics } = require('shequ');

const good = parseUnitStatistics({
  code: '110101001001',
  kind: 'community',
  households: 1520,
  facilityArea: 480.5,
});
assert.equal(good.success, true);
console.log('accepted', good.data.code);

const bad = parseUnitStatistics({
  code: '110101001000',
  kind: '居委会',
  households: -3,
  facilityArea: 100,
  activityArea: 120,
});
assert.equal(bad.success, false);
assert.equal(bad.error.issues.length, 4);
for (const issue of bad.error.issues) {
  console.log(`${issue.path.join('.')}: ${issue.message.zh} / ${issue.message.en}`);
}
