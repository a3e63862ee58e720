// A county app loads its city's division list, not its province's: the same records under the city's prefix.
// CommonJS here; `import { shijiazhuangDivisions } from 'shequ/divisions/hebei/1301'` in ESM and bundlers.
// Run: node examples/city-divisions.cjs
const assert = require('node:assert/strict');
const { lookupDivision } = require('shequ');
const { shijiazhuangDivisions } = require('shequ/divisions/hebei/1301');

const village = lookupDivision('130123100201', shijiazhuangDivisions);
assert.equal(village.success && village.data.inDataset, true);
console.log('130123100201:', village.data.name);

// A code of another city (路南区, 唐山市) is not in this list: a warning, as for any code a list lacks.
const elsewhere = lookupDivision('130202000000', shijiazhuangDivisions);
assert.equal(elsewhere.warnings[0].code, 'unknown_division');
console.log(`${shijiazhuangDivisions.name.zh}: ${shijiazhuangDivisions.divisions.size} divisions`);
