// Validate the three code systems a 社区 app meets every day, and see why a bad one fails.
// Run: node examples/validate-codes.mjs
import assert from 'node:assert/strict';
import { maskIdNumber, parseDivisionCode, validateCreditCode, validateIdNumber } from 'shequ';

const id = validateIdNumber('11010519491231002x', { asOf: '2025-12-31' });
assert.equal(id.success, true);
console.log('ID number', maskIdNumber(id.data.value), '→', id.data.birthDate, id.data.sex);

const typo = validateIdNumber('110105194912310021');
assert.equal(typo.success, false);
for (const issue of typo.error.issues)
  console.log('  rejected:', issue.code, `(position ${issue.position})`, issue.message.zh);

const company = validateCreditCode('914403001922038216');
assert.equal(company.success, true);
console.log(
  'Credit code',
  company.data.value,
  '→',
  company.data.authority.name.zh,
  '/',
  company.data.category.name.zh,
);

const unit = parseDivisionCode('130123100201');
assert.equal(unit.success, true);
console.log(
  'Division code',
  unit.data.code,
  '→',
  unit.data.level,
  unit.data.townshipKind,
  unit.data.villageKind,
);
