// Indicators for the whole country in memory: the full call (all four levels) and its accumulation over the rows,
// against a hand-written single-pass loop computing the same sums in the same run.
import { computeIndicatorTable, createIndicatorAccumulator } from 'shequ';
import { Bench } from 'tinybench';
import { handWrittenLoop } from './hand-loop.mjs';
import { syntheticUnits } from './synthetic.mjs';

export { handWrittenLoop };

export async function benchIndicators({ quick }) {
  const rows = syntheticUnits(quick ? 20_000 : 620_000);
  const bench = new Bench({
    name: 'indicators',
    iterations: quick ? 2 : 8,
    time: 0,
    warmupIterations: quick ? 1 : 2,
  });
  let check;
  bench
    .add('computeIndicators (4 levels)', () => {
      const table = computeIndicatorTable(rows, { asOf: '2025-12-31' });
      if (!table.success) throw new Error('computeIndicators failed');
      check = table.data;
    })
    .add('engine accumulation only', () => {
      const accumulator = createIndicatorAccumulator();
      for (let i = 0; i < rows.length; i++) accumulator.add(rows[i]);
    })
    .add('hand-written single-pass loop', () => {
      handWrittenLoop(rows);
    });
  await bench.run();
  const [full, engine, hand] = bench.tasks.map((task) => task.result.latency.mean);
  const reference = handWrittenLoop(rows);
  const parts = createIndicatorAccumulator();
  for (const row of rows) parts.add(row);
  const agree = Object.entries(parts.parts().townships).every(([code, numbers]) => {
    const mine = reference.get(code.slice(0, 9));
    return mine !== undefined && numbers.every((n, i) => n === mine[i]);
  });
  console.table([
    {
      benchmark: `indicators, ${rows.length} units`,
      'full call ms': full.toFixed(1),
      'accumulation ms': engine.toFixed(1),
      'hand loop ms': hand.toFixed(1),
      'accumulation / hand loop': (engine / hand).toFixed(2),
      targets: 'full < 1000 ms; ratio ≤ 2',
      'same sums': agree,
      rows: check.rows.length,
    },
  ]);
}
