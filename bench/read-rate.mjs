// readUnitStatistics on a generated CSV in memory: rows/s, median of `--runs` runs (default 5) after one warm-up.
// Usage: npm run build && node bench/read-rate.mjs [--rows 200000] [--runs 5]
// (SHEQU_IO=/path/to/dist/io/index.js measures another build, e.g. a copy of dist from before a change.)
import { syntheticUnits } from './synthetic.mjs';

const { encodeCsv, readUnitStatistics, unitStatisticsToCsv } = await import(
  process.env.SHEQU_IO ?? 'shequ/io'
);

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const rows = arg('--rows', 200_000);
const runs = arg('--runs', 5);
const bytes = encodeCsv(unitStatisticsToCsv(syntheticUnits(rows)));
readUnitStatistics(bytes); // warm-up
// Wall time and CPU time (user + system, less sensitive to other processes on a shared machine) of each run.
const rates = [];
const cpuRates = [];
let accepted = 0;
for (let run = 0; run < runs; run++) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = readUnitStatistics(bytes);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  accepted = result.counts.accepted;
  rates.push(rows / (ms / 1000));
  cpuRates.push(rows / ((used.user + used.system) / 1e6));
}
rates.sort((a, b) => a - b);
cpuRates.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    rows,
    accepted,
    medianRowsPerSecond: Math.round(rates[Math.floor(runs / 2)]),
    medianRowsPerCpuSecond: Math.round(cpuRates[Math.floor(runs / 2)]),
    runs: rates.map(Math.round),
  }),
);
