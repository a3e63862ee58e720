// Check the bundled sample against the Hebei rules as of the end of the plan period, then against a district's
// stricter profile. Every finding says which rule, why, and where the requirement is written.
// Run: node examples/validate.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deriveRuleProfile, groupFindingsByUnit, RULE_PROFILES, validate } from 'shequ';

const { units } = JSON.parse(readFileSync(new URL('./data/sample-units.json', import.meta.url), 'utf8'));
const hebei = units.filter((unit) => unit.code.startsWith('13'));

const report = validate(hebei, { profile: 'hebei', asOf: '2025-12-31' });
console.log(`${report.summary.units} units, ${report.findings.length} findings`, report.summary.bySeverity);
const [unit, findings] = [...groupFindingsByUnit(report.findings)][1];
for (const finding of findings) {
  console.log(
    `${unit} ${finding.rule} [${finding.severity}] ${finding.message.zh} — ${finding.source.document} ${finding.source.section}`,
  );
}

const strict = deriveRuleProfile(RULE_PROFILES.hebei, {
  id: 'strict',
  parameters: { 'facility.areaPer100Households': { minimum: 35 } },
});
const stricter = validate(hebei, { profile: strict, asOf: '2025-12-31' });
const count = (r) => r.findings.filter((f) => f.rule === 'facility.areaPer100Households').length;
assert.ok(count(stricter) >= count(report));
console.log(`facility.areaPer100Households: ${count(report)} findings at 30 m², ${count(stricter)} at 35 m²`);
