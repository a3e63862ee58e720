// Service circles at scale (issue 17): residential points × service points of six kinds, from 10 k to 620 000 × 5 000 000,
// in columns (Float64Array), GCJ-02 input converted inside. Reports time and the peak resident memory of a child
// process per size (so one size's garbage does not count against the next). Standalone:
// node bench/geo.bench.mjs [--quick] [--sizes 10000x100000,620000x5000000] [--crs wgs84|gcj02|bd09 (default gcj02)]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const KINDS = ['蔬菜零售', '便利店（社区超市）', '早餐', '美容美发', '便民维修', '家政'];

/** Deterministic points over Beijing's built-up area (115.9–116.9 E, 39.6–40.3 N), GCJ-02. */
function columns(count, seed, withKinds, crs = 'gcj02') {
  let state = seed >>> 0;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const lng = new Float64Array(count);
  const lat = new Float64Array(count);
  const kind = withKinds ? new Array(count) : undefined;
  for (let i = 0; i < count; i++) {
    lng[i] = 115.9 + random();
    lat[i] = 39.6 + random() * 0.7;
    if (kind) kind[i] = KINDS[i % KINDS.length];
  }
  return withKinds ? { crs, lng, lat, kind } : { crs, lng, lat };
}

/** One size, in this process: prints a JSON line with the timings. */
async function runOne(homes, services, crs) {
  const { computeServiceCircles } = await import('shequ/geo');
  const residential = columns(homes, 1, false, crs);
  const shops = columns(services, 2, true, crs);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = computeServiceCircles(residential, shops);
  const ms = performance.now() - started;
  // CPU time as well as wall time: on a shared machine the wall clock counts the other processes' turns too.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  let covered = 0;
  for (const c of result.data.covered) covered += c;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ homes, services, ms, cpuMs, covered, rssMb }));
}

export async function benchGeo({ quick, sizes, crs = 'gcj02' } = {}) {
  const pairs =
    sizes ??
    (quick
      ? [[2_000, 20_000]]
      : [
          [10_000, 100_000],
          [100_000, 1_000_000],
          [620_000, 5_000_000],
        ]);
  const rows = [];
  for (const [homes, services] of pairs) {
    const out = execFileSync(
      process.execPath,
      [
        '--max-old-space-size=2048',
        fileURLToPath(import.meta.url),
        '--child',
        `${homes}x${services}`,
        '--crs',
        crs,
      ],
      { encoding: 'utf8' },
    );
    const { ms, cpuMs, covered, rssMb } = JSON.parse(out.trim().split('\n').at(-1));
    rows.push({
      'residential × services': `${homes.toLocaleString('en')} × ${services.toLocaleString('en')}`,
      'circles ms': ms.toFixed(0),
      'CPU ms': cpuMs.toFixed(0),
      'µs / residential point (6 kinds)': ((ms * 1000) / homes).toFixed(2),
      'covered share': (covered / homes).toFixed(3),
      'peak RSS MB': rssMb.toFixed(0),
    });
  }
  const [load1] = (await import('node:os')).loadavg();
  console.log(
    `\nload average ${load1.toFixed(2)} on ${(await import('node:os')).availableParallelism()} cores at the end (a shared machine: compare CPU ms)`,
  );
  console.log(
    `\nService circles (15-minute, Beijing outlets, ${crs} input; time includes conversion and index builds)`,
  );
  console.table(rows);
}

const crsFlag = () => {
  const at = process.argv.indexOf('--crs');
  return at > 0 ? process.argv[at + 1] : 'gcj02';
};

const parseSizes = (text) => text.split(',').map((pair) => pair.split('x').map(Number));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const child = process.argv.indexOf('--child');
  if (child > 0) {
    const [[homes, services]] = parseSizes(process.argv[child + 1]);
    await runOne(homes, services, crsFlag());
  } else {
    const at = process.argv.indexOf('--sizes');
    await benchGeo({
      quick: process.argv.includes('--quick'),
      sizes: at > 0 ? parseSizes(process.argv[at + 1]) : undefined,
      crs: crsFlag(),
    });
  }
}
