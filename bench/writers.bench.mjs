// The indicator writers alone (issue 13): the national table's rows — computed once, held in an array — written as
// JSON, JSON Lines and CSV into a byte sink that only counts, several times each; CPU time per pass (median, min) and
// the bytes written. Row generation (`rows()`, a pass over the accumulator's sums) is timed apart, and JSON and JSON
// Lines again straight from `rows()`, as the command line writes them, and JSON once more for a date past the 十四五
// period (no targets: the command line's default today), where most of a row's fields recur from row to row.
// Standalone: node bench/writers.bench.mjs [--quick]. Run after `npm run build`.
import { fileURLToPath } from 'node:url';
import { computeIndicatorsFromSource } from '../dist/pipeline/index.js';
import { INDICATOR_ROW_WRITERS } from '../dist/report/index.js';
import { nationalCsv } from './io.bench.mjs';

/** CPU milliseconds (user + system) of `work`. */
async function cpuMs(work) {
  const started = process.cpuUsage();
  await work();
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1000;
}

/** A byte sink that only counts what it is given. */
function countingSink() {
  const counted = { bytes: 0 };
  const sink = {
    encoding: 'utf-8',
    write(text) {
      counted.bytes += text.length;
    },
    writeBytes(chunk) {
      counted.bytes += chunk.length;
    },
    end: async () => undefined,
  };
  return { sink, counted };
}

/** CPU times of `passes` runs of `write(sink)`, and the bytes the last one wrote. */
async function timedWrites(passes, write) {
  const { sink, counted } = countingSink();
  const times = [];
  for (let i = 0; i < passes; i++) {
    counted.bytes = 0;
    times.push(await cpuMs(() => write(sink)));
  }
  return { times, bytes: counted.bytes };
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0] };
}

export async function benchWriters({ quick }) {
  const count = quick ? 20_000 : 628_000;
  const passes = quick ? 2 : 7;
  const { readFileSync } = await import('node:fs');
  const job = await computeIndicatorsFromSource(readFileSync(nationalCsv(count)), { asOf: '2025-12-31' });
  if (!job.success) throw new Error('writers bench: the job failed');
  const rows = [...job.data.rows()];
  const table = [];
  const generate = [];
  for (let i = 0; i < passes; i++)
    generate.push(
      await cpuMs(() => {
        for (const _row of job.data.rows());
      }),
    );
  table.push({ rows: rows.length, step: 'rows() generation', ...figures(summary(generate)), bytes: '' });
  for (const format of ['json', 'ndjson', 'csv']) {
    const written = await timedWrites(passes, (sink) => INDICATOR_ROW_WRITERS[format](rows, sink));
    table.push({
      rows: rows.length,
      step: `write ${format}`,
      ...figures(summary(written.times)),
      bytes: written.bytes,
    });
    if (format === 'csv') continue;
    // As the command line writes: straight from rows(), whose rows the JSON writers read by name (the array above
    // goes through the general writer, which lists each row's keys).
    const generated = await timedWrites(passes, (sink) =>
      INDICATOR_ROW_WRITERS[format](job.data.rows(), sink),
    );
    table.push({
      rows: rows.length,
      step: `rows() + write ${format}`,
      ...figures(summary(generated.times)),
      bytes: generated.bytes,
    });
  }
  // A date in the 十五五 period, whose profile has no targets yet: the rows carry no baseline or target objects.
  const later = await computeIndicatorsFromSource(readFileSync(nationalCsv(count)), { asOf: '2026-06-30' });
  if (!later.success) throw new Error('writers bench: the job without targets failed');
  const withoutTargets = await timedWrites(passes, (sink) =>
    INDICATOR_ROW_WRITERS.json(later.data.rows(), sink),
  );
  table.push({
    rows: rows.length,
    step: 'rows() + write json, no targets',
    ...figures(summary(withoutTargets.times)),
    bytes: withoutTargets.bytes,
  });
  console.table(table);
  return table;
}

function figures({ median, min }) {
  return { 'CPU ms median': median.toFixed(0), 'CPU ms min': min.toFixed(0) };
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  await benchWriters({ quick: process.argv.includes('--quick') });
