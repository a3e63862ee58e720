// How cost grows with input size (10k, 100k, 620k units): indicators in memory, validation, and the streamed reader;
// and the parallel path's speed-up on this machine's cores.

import { availableParallelism } from 'node:os';
import { computeIndicatorTable, validate } from 'shequ';
import { streamUnitStatisticsFile } from 'shequ/io/node';
import { computeIndicatorsFromFile } from 'shequ/pipeline/node';
import { nationalCsv } from './io.bench.mjs';
import { syntheticUnits } from './synthetic.mjs';

function time(run) {
  const started = performance.now();
  run();
  return performance.now() - started;
}

async function timeAsync(run) {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export async function benchScale({ quick }) {
  const sizes = quick ? [2_000, 20_000] : [10_000, 100_000, 620_000];
  const rows = [];
  for (const size of sizes) {
    const units = syntheticUnits(size);
    const file = nationalCsv(size);
    time(() => computeIndicatorTable(units, { asOf: '2025-12-31' })); // warm-up
    const indicators = Math.min(
      ...[0, 1, 2].map(() => time(() => computeIndicatorTable(units, { asOf: '2025-12-31' }))),
    );
    const validation = time(() => validate(units, { asOf: '2025-12-31' }));
    const streamed = await timeAsync(async () => {
      for await (const _event of streamUnitStatisticsFile(file));
    });
    rows.push({
      units: size,
      'indicators ms': indicators.toFixed(0),
      'µs/unit (indicators)': ((indicators * 1000) / size).toFixed(2),
      'validate ms': validation.toFixed(0),
      'µs/unit (validate)': ((validation * 1000) / size).toFixed(2),
      'read CSV ms': streamed.toFixed(0),
      'µs/unit (read)': ((streamed * 1000) / size).toFixed(2),
    });
  }
  console.table(rows);
  const file = nationalCsv(sizes.at(-1));
  // computeIndicatorsFromFile at 1, 2 (and more where the machine has them) threads: the whole job to its rows.
  const threads = [1, 2, 4, 8].filter((n) => n === 1 || n <= Math.max(2, availableParallelism()));
  const timing = {};
  for (const workers of threads) {
    const runs = [];
    for (let round = 0; round < 2; round++) {
      runs.push(
        await timeAsync(async () => {
          const job = await computeIndicatorsFromFile(file, { workers, asOf: '2025-12-31' });
          if (!job.success) throw new Error('computeIndicatorsFromFile failed');
          for (const _row of job.data.rows());
        }),
      );
    }
    timing[workers] = Math.min(...runs);
  }
  console.table(
    threads.map((workers) => ({
      benchmark: `computeIndicatorsFromFile, ${sizes.at(-1)} rows`,
      threads: workers,
      ms: timing[workers].toFixed(0),
      'speed-up': (timing[1] / timing[workers]).toFixed(2),
    })),
  );
}
