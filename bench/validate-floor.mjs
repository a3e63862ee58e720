// What `validate` costs without its output (docs/performance.md, "Session 11"): the library's streaming validation of
// a file on one thread, each finding handed to a callback that only counts it, beside `computeIndicatorsFromFile` on
// one thread with its rows not generated. Run after `npm run build`:
//   node bench/validate-floor.mjs bench/out/national-628000.csv [runs]
import { createReadStream } from 'node:fs';
import { validateSourceStreaming } from 'shequ/pipeline';
import { computeIndicatorsFromFile } from 'shequ/pipeline/node';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
if (file === undefined) {
  console.error('usage: node bench/validate-floor.mjs FILE.csv [runs]');
  process.exit(2);
}

/** Wall and CPU milliseconds of one job. */
async function timed(job) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const count = await job();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000, count };
}

const table = [];
for (let run = 0; run < runs; run++) {
  const validate = await timed(async () => {
    let findings = 0;
    const job = await validateSourceStreaming(createReadStream(file), {
      profile: 'national',
      asOf: '2025-12-31',
      onFinding: () => {
        findings++;
      },
    });
    if (!job.success) throw new Error('validateSourceStreaming failed');
    return findings;
  });
  const indicators = await timed(async () => {
    const job = await computeIndicatorsFromFile(file, { workers: 1, asOf: '2025-12-31' });
    if (!job.success) throw new Error('computeIndicatorsFromFile failed');
    return 0;
  });
  table.push({
    run: run + 1,
    'validate, findings counted: wall ms': validate.wall.toFixed(0),
    'CPU ms': validate.cpu.toFixed(0),
    findings: validate.count,
    'indicators, no rows: wall ms': indicators.wall.toFixed(0),
    'indicators CPU ms': indicators.cpu.toFixed(0),
  });
}
console.table(table);
