// Issue 13, the command line's two national jobs in every streaming format: `shequ indicators` and `shequ validate`
// on the same file, `--format json|ndjson|csv --out FILE`, each in its own child process (wall time, CPU time and
// peak RSS measured alike, rss-on-exit.mjs), with the machine's threads (indicators) and in one thread. Targets:
// validate ≤ 1.5× indicators (json); validate's csv no slower than its json; 3 000 000 rows under 256 MB peak RSS
// for both jobs in every format. Standalone: node bench/jobs.bench.mjs [--quick] [--sizes 628000,3000000].
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli.bench.mjs';
import { nationalCsv } from './io.bench.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const FORMATS = ['json', 'ndjson', 'csv'];
const AS_OF = ['--as-of', '2025-12-31'];

/**
 * One job in one format: its figures, the output removed after (3 000 000 rows of findings are gigabytes). With
 * `toStdout`, the command writes to standard output, sent to the file as `> FILE` would.
 */
function run(command, input, format, extra, toStdout = false) {
  const out = join(here, 'out', `jobs-${command}.${format}`);
  const args = [command, input, '--format', format, ...(toStdout ? [] : ['--out', out]), ...AS_OF, ...extra];
  const result = runCli(args, toStdout ? { stdoutTo: out } : {});
  rmSync(out, { force: true });
  if (result.status !== 0 && !(command === 'validate' && result.status === 1))
    console.error(`!!! ${command} --format ${format} exited ${result.status}: ${result.stderr.slice(-300)}`);
  return result;
}

export async function benchJobs({ quick, sizes }) {
  const counts = sizes ?? (quick ? [20_000] : [628_000, 3_000_000]);
  const table = [];
  for (const count of counts) {
    const input = nationalCsv(count);
    const jobs = [
      ['indicators', []],
      ['indicators', ['--workers', '1']],
      ['validate', []],
    ];
    const figures = {};
    for (const [command, extra] of jobs) {
      for (const format of FORMATS) {
        const result = run(command, input, format, extra);
        const name = `${command}${extra.length > 0 ? ' (1 thread)' : ''}`;
        figures[`${name} ${format}`] = result;
        table.push({
          rows: count,
          job: `${name} --format ${format}`,
          'wall ms': result.ms.toFixed(0),
          'CPU ms': result.cpu.toFixed(0),
          'peak RSS MB': result.rss.toFixed(0),
          'under 256 MB': result.rss < 256 ? 'yes' : 'NO',
        });
      }
    }
    // What scripts that pipe the results run: the same job to standard output (`> FILE`).
    for (const format of ['json', 'ndjson']) {
      const result = run('indicators', input, format, [], true);
      figures[`indicators ${format} > file`] = result;
      table.push({
        rows: count,
        job: `indicators --format ${format} > FILE`,
        'wall ms': result.ms.toFixed(0),
        'CPU ms': result.cpu.toFixed(0),
        'peak RSS MB': result.rss.toFixed(0),
        'under 256 MB': result.rss < 256 ? 'yes' : 'NO',
      });
    }
    const ratio = (a, b) => (figures[a].ms / figures[b].ms).toFixed(2);
    table.push({
      rows: count,
      job: 'validate / indicators (json, wall)',
      'wall ms': ratio('validate json', 'indicators json'),
      'CPU ms': (figures['validate json'].cpu / figures['indicators json'].cpu).toFixed(2),
    });
    table.push({
      rows: count,
      job: 'validate csv / json (wall)',
      'wall ms': ratio('validate csv', 'validate json'),
    });
    table.push({
      rows: count,
      job: 'indicators json: standard output / --out (wall)',
      'wall ms': ratio('indicators json > file', 'indicators json'),
    });
  }
  console.table(table);
  console.log('targets: validate ≤ 1.5× indicators; validate csv ≤ json; 3 000 000 rows: peak RSS < 256 MB');
  return table;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--sizes');
  const sizes = at === -1 ? undefined : process.argv[at + 1].split(',').map(Number);
  await benchJobs({ quick: process.argv.includes('--quick'), sizes });
}
