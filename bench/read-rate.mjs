// readUnitStatistics on a generated CSV in memory: rows/s, median of `--runs` runs (default 5) after one warm-up.
// Usage: npm run build && node bench/read-rate.mjs [--rows 200000] [--runs 5]
import { encodeCsv, readUnitStatistics, unitStatisticsToCsv } from 'shequ/io';
import { syntheticUnits } from './synthetic.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const rows = arg('--rows', 200_000);
const runs = arg('--runs', 5);
const bytes = encodeCsv(unitStatisticsToCsv(syntheticUnits(rows)));
readUnitStatistics(bytes); // warm-up
const rates = [];
let accepted = 0;
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  const result = readUnitStatistics(bytes);
  const ms = performance.now() - started;
  accepted = result.counts.accepted;
  rates.push(rows / (ms / 1000));
}
rates.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    rows,
    accepted,
    medianRowsPerSecond: Math.round(rates[Math.floor(runs / 2)]),
    runs: rates.map(Math.round),
  }),
);
