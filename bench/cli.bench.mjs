// The command line end to end on the national file: `shequ indicators national.csv --format json --out FILE`
// (default profile), wall time and peak resident memory. Targets: < 5 s and < 256 MB.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nationalCsv } from './io.bench.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Runs `node --import rss-on-exit.mjs SCRIPT ARGS…`: wall time, peak RSS (MB), CPU time (ms), exit code, output.
 * With `stdoutTo`, standard output goes to that file (as `> FILE` in a shell) instead of being captured.
 */
export function runNode(script, args, { stdoutTo } = {}) {
  const out = stdoutTo === undefined ? 'pipe' : openSync(stdoutTo, 'w');
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', join(here, 'rss-on-exit.mjs'), script, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', out, 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - started;
  if (typeof out === 'number') closeSync(out);
  const rss = Number(/SHEQU_MAX_RSS_MB=([\d.]+)/.exec(result.stderr)?.[1] ?? Number.NaN);
  const cpu = Number(/SHEQU_CPU_MS=([\d.]+)/.exec(result.stderr)?.[1] ?? Number.NaN);
  return { ms, rss, cpu, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the built command line (dist/cli/index.js); `options` as {@link runNode}'s. */
export function runCli(args, options) {
  return runNode(join(here, '..', 'dist', 'cli', 'index.js'), args, options);
}

/** The median of some numbers. */
function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Start-up of the indicators path: `shequ indicators` on a one-row file (read, compute, name, write) against
 * `node -e 0` — what the command adds to Node's own start (module load, the division list named, the output). The
 * commands run in turn, `runs` rounds of each, so that a shared machine's load falls on all alike (paired runs);
 * medians of wall time and of CPU time (user + system of the child).
 */
export function benchStartUp(runs, cli = join(here, '..', 'dist', 'cli', 'index.js')) {
  const file = join(here, 'out', 'one-row.csv');
  mkdirSync(join(here, 'out'), { recursive: true });
  writeFileSync(file, '统计用区划代码,类型,户数\n130123100201,村委会,120\n');
  const out = join(here, 'out', 'one-row.json');
  const commands = {
    'node -e 0': () => runNode('-e', ['0']),
    'shequ --help': () => runNode(cli, ['--help']),
    'shequ indicators, 1 row': () => runNode(cli, ['indicators', file, '--format', 'json', '--out', out]),
  };
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, { ms: [], cpu: [] }]));
  for (let round = 0; round < runs; round++)
    for (const [name, run] of Object.entries(commands)) {
      const { ms, cpu } = run();
      times[name].ms.push(ms);
      times[name].cpu.push(cpu);
    }
  const rows = ['ms', 'cpu'].map((measure) => {
    const of = (name) => median(times[name][measure]);
    return {
      benchmark: `start-up (median ${measure === 'ms' ? 'wall' : 'CPU'} ms of ${runs})`,
      ...Object.fromEntries(Object.keys(commands).map((name) => [name, of(name).toFixed(0)])),
      'added by shequ': (of('shequ indicators, 1 row') - of('node -e 0')).toFixed(0),
      target: '≤ 100 ms added',
    };
  });
  console.table(rows);
  return rows;
}

export async function benchCli({ quick }) {
  benchStartUp(quick ? 3 : 15);
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

// `node bench/cli.bench.mjs --start-up [CLI]`: the start-up alone (15 rounds), of the built CLI or of another build's.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--start-up')
  benchStartUp(15, process.argv[3]);
