// A whole job from a file: read the bundled sample CSV as a stream, in batches, with progress; compute the Hebei
// indicators by county; check that they equal computeIndicators on the same rows; then validate the same file and
// stop a job half-way with an AbortSignal.
// Run: node examples/pipeline.mjs
import assert from 'node:assert/strict';
import { createReadStream, readFileSync } from 'node:fs';
import { computeIndicators } from 'shequ';
import { hebeiDivisions } from 'shequ/divisions/hebei';
import { readUnitStatistics } from 'shequ/io';
import { computeIndicatorsFromSource, validateSource } from 'shequ/pipeline';

const file = new URL('./data/sample-units.csv', import.meta.url);
const options = { profile: 'hebei', asOf: '2025-12-31', groupBy: ['county'], divisions: hebeiDivisions };

let batches = 0;
const job = await computeIndicatorsFromSource(createReadStream(file, { highWaterMark: 4096 }), {
  ...options,
  onProgress: () => batches++,
});
assert.ok(job.success);
const { counts, rows } = job.data;
console.log(
  `read ${counts.read} rows (${counts.accepted} accepted, ${counts.rejected} rejected) in ${batches} batches`,
);
assert.equal(counts.read, counts.accepted + counts.rejected);
assert.ok(batches >= 1); // bytes are held until 64 kB (or the end) to detect the encoding: a small file is one batch

// The rows come out region by region; collected, they are exactly what computeIndicators gives on the same rows.
const streamed = [...rows()].filter((row) => row.region.startsWith('13'));
const inMemory = computeIndicators(
  readUnitStatistics(readFileSync(file)).rows.filter((row) => row.code.startsWith('13')),
  options,
);
assert.deepEqual(streamed, inMemory);
const area = streamed.find(
  (row) => row.name === '正定县' && row.indicator === 'facilityAreaPer100Households',
);
console.log(`正定县 ${area.indicator}: ${area.value} ${area.unit} → ${area.status}`);

// The same file validated against the Beijing and Hebei rules: findings cite their sources.
const checked = await validateSource(createReadStream(file), { profile: 'hebei', asOf: '2025-12-31' });
assert.ok(checked.success);
console.log(
  `validation: ${checked.data.report.findings.length} findings over ${checked.data.report.summary.units} units`,
);

// A job can be stopped: the promise rejects with the signal's reason.
const controller = new AbortController();
controller.abort(new Error('stopped by the user'));
await assert.rejects(
  computeIndicatorsFromSource(createReadStream(file), { signal: controller.signal }),
  /stopped/,
);
console.log('an aborted job rejects with the reason given');
