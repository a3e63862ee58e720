// Standards validation of the whole country's statistics rows with the national profile (target: under 3 s).
import { validate } from 'shequ';
import { Bench } from 'tinybench';
import { syntheticUnits } from './synthetic.mjs';

export async function benchStandards({ quick }) {
  const rows = syntheticUnits(quick ? 20_000 : 620_000);
  let findings = 0;
  const bench = new Bench({ name: 'standards', iterations: quick ? 2 : 5, time: 0, warmupIterations: 1 });
  bench.add('validate (national profile)', () => {
    findings = validate(rows, { profile: 'national', asOf: '2025-12-31' }).findings.length;
  });
  await bench.run();
  const ms = bench.tasks[0].result.latency.mean;
  console.table([
    {
      benchmark: `validate, ${rows.length} rows`,
      ms: ms.toFixed(0),
      'units per second': Math.round(rows.length / (ms / 1000)),
      findings,
      target: '< 3000 ms',
    },
  ]);
}
