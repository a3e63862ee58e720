// Reading statistics sheets: parse and validate a national CSV (620 000 rows) in memory and streamed from a file,
// with the streaming path's peak resident memory measured in a child process. Targets: ≥ 300 000 rows/s; < 256 MB.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvLine, encodeCsv, readUnitStatistics, unitStatisticsTable } from 'shequ/io';
import { syntheticUnitStream } from './synthetic.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

const BATCH = 10_000;

/** The CSV text of a batch of rows, without header. */
function csvRows(batch) {
  let text = '';
  for (const cells of unitStatisticsTable(batch).rows) text += csvLine(cells);
  return text;
}

/**
 * Writes the national CSV (UTF-8 with BOM, Chinese headers) once per size; returns its path. Rows are generated and
 * written in batches, so 3 000 000 rows never sit in memory; the file appears under its name only when complete.
 */
export function nationalCsv(count) {
  const dir = join(here, 'out');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `national-${count}.csv`);
  if (existsSync(path)) return path;
  const partial = `${path}.${process.pid}.partial`;
  const fd = openSync(partial, 'w');
  try {
    writeSync(fd, encodeCsv(csvLine(unitStatisticsTable([]).header)));
    let batch = [];
    for (const row of syntheticUnitStream(count)) {
      batch.push(row);
      if (batch.length === BATCH) {
        writeSync(fd, csvRows(batch));
        batch = [];
      }
    }
    if (batch.length > 0) writeSync(fd, csvRows(batch));
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  return path;
}

export async function benchIo({ quick }) {
  const count = quick ? 20_000 : 620_000;
  const path = nationalCsv(count);
  const bytes = new Uint8Array(await import('node:fs/promises').then((fs) => fs.readFile(path)));
  const started = performance.now();
  const result = readUnitStatistics(bytes);
  const inMemory = performance.now() - started;
  const child = execFileSync(process.execPath, [join(here, 'stream-child.mjs'), path], { encoding: 'utf8' });
  const streamed = JSON.parse(child);
  console.table([
    {
      benchmark: `read + validate CSV, ${count} rows (${(bytes.length / 1e6).toFixed(0)} MB)`,
      'in memory ms': inMemory.toFixed(0),
      'in memory rows/s': Math.round(count / (inMemory / 1000)),
      'streamed ms': streamed.ms.toFixed(0),
      'streamed rows/s': Math.round(count / (streamed.ms / 1000)),
      'streamed peak RSS MB': streamed.maxRssMb.toFixed(0),
      accepted: `${result.counts.accepted} / ${streamed.accepted}`,
      targets: '≥ 300 000 rows/s; peak < 256 MB',
    },
  ]);
}
