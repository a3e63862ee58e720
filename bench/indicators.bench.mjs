// Indicators for the whole country in memory: the full call (all four levels) and its accumulation over the rows,
// against a hand-written single-pass loop computing the same sums in the same run.
import { computeIndicatorTable, createIndicatorAccumulator } from 'shequ';
import { Bench } from 'tinybench';
import { syntheticUnits } from './synthetic.mjs';

/** The national seven's sums per township, written as plainly as possible: the reference for the engine's loop. */
export function handWrittenLoop(rows) {
  const townships = new Map();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const key = row.code.slice(0, 9);
    let s = townships.get(key);
    if (s === undefined) {
      s = new Float64Array(21);
      townships.set(key, s);
    }
    const community = row.kind === 'community';
    const has = row.hasFacility;
    if (!community) {
      if (has === undefined) s[2]++;
      else {
        s[0] += has ? 1 : 0;
        s[1]++;
      }
    } else {
      if (has === undefined) s[5]++;
      else {
        s[3] += has ? 1 : 0;
        s[4]++;
      }
    }
    if (row.newlyBuilt === undefined) s[8]++;
    else if (row.newlyBuilt) {
      if (row.commercialServiceArea === undefined || row.totalFloorArea === undefined) s[8]++;
      else {
        s[6] += Math.round(row.commercialServiceArea * 100);
        s[7] += Math.round(row.totalFloorArea * 100);
      }
    }
    const area = has === false ? 0 : row.facilityArea;
    if (area === undefined || row.households === undefined) s[11]++;
    else {
      s[9] += Math.round(area * 100);
      s[10] += row.households;
    }
    const activity = has === false ? 0 : row.activityArea;
    if (activity === undefined || area === undefined) s[14]++;
    else {
      s[12] += Math.round(activity * 100);
      s[13] += Math.round(area * 100);
    }
    if (community) {
      if (row.selfServiceTerminal === undefined) s[17]++;
      else {
        s[15] += row.selfServiceTerminal ? 1 : 0;
        s[16]++;
      }
      if (row.communityWorkers === undefined || row.residents === undefined) s[20]++;
      else {
        s[18] += row.communityWorkers;
        s[19] += row.residents;
      }
    }
  }
  return townships;
}

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
