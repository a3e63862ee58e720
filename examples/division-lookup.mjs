// Name a unit and its ancestors from the shipped 2023 division list; an unknown code is a warning, not an error.
// Run: node examples/division-lookup.mjs
import assert from 'node:assert/strict';
import { divisionAncestors, lookupDivision } from 'shequ';
import { hebeiDivisions } from 'shequ/divisions/hebei';

const code = '130123100201';
const found = lookupDivision(code, hebeiDivisions);
assert.equal(found.success, true);
const path = [...divisionAncestors(code), code].map((c) => hebeiDivisions.divisions.get(c)?.name ?? c);
console.log(path.join(' › '));

const missing = lookupDivision('130123100399', hebeiDivisions);
assert.equal(missing.success, true);
assert.equal(missing.warnings[0].code, 'unknown_division');
console.log('130123100399:', missing.warnings[0].message.en);
