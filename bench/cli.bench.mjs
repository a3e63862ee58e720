// The command line end to end on the national file: `shequ indicators national.csv --format json --out FILE`
// (default profile), wall time and peak resident memory. Targets: < 5 s and < 256 MB.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nationalCsv } from './io.bench.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Runs `node --import rss-on-exit.mjs SCRIPT ARGS…`: wall time, peak RSS (MB), exit code, output. */
export function runNode(script, args) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', join(here, 'rss-on-exit.mjs'), script, ...args], {
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  const rss = Number(/SHEQU_MAX_RSS_MB=([\d.]+)/.exec(result.stderr)?.[1] ?? Number.NaN);
  return { ms, rss, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the built command line (dist/cli/index.js). */
export function runCli(args) {
  return runNode(join(here, '..', 'dist', 'cli', 'index.js'), args);
}

/** Median wall time of `runs` runs of a command. */
function medianMs(runs, run) {
  const times = Array.from({ length: runs }, () => run().ms).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

/**
 * Start-up of the indicators path: `shequ indicators` on a one-row file (read, compute, name, write) against
 * `node -e 0` — what the command adds to Node's own start (module load, the division list named, the output).
 */
function benchStartUp(runs) {
  const file = join(here, 'out', 'one-row.csv');
  mkdirSync(join(here, 'out'), { recursive: true });
  writeFileSync(file, '统计用区划代码,类型,户数\n130123100201,村委会,120\n');
  const out = join(here, 'out', 'one-row.json');
  const node = medianMs(runs, () => runNode('-e', ['0']));
  const help = medianMs(runs, () => runCli(['--help']));
  const indicators = medianMs(runs, () => runCli(['indicators', file, '--format', 'json', '--out', out]));
  console.table([
    {
      benchmark: 'start-up (median wall ms)',
      'node -e 0': node.toFixed(0),
      'shequ --help': help.toFixed(0),
      'shequ indicators, 1 row': indicators.toFixed(0),
      'added by shequ': (indicators - node).toFixed(0),
      target: '≤ 100 ms added',
    },
  ]);
}

export async function benchCli({ quick }) {
  benchStartUp(quick ? 3 : 9);
  const count = quick ? 20_000 : 620_000;
  const path = nationalCsv(count);
  const out = join(here, 'out', `indicators-${count}.json`);
  const run = runCli(['indicators', path, '--format', 'json', '--out', out, '--as-of', '2025-12-31']);
  console.table([
    {
      benchmark: `shequ indicators, ${count} rows → JSON`,
      'wall ms': run.ms.toFixed(0),
      'peak RSS MB': run.rss.toFixed(0),
      'exit code': run.status,
      'output MB': (statSync(out).size / 1e6).toFixed(1),
      targets: '< 5000 ms; < 256 MB',
    },
  ]);
}
