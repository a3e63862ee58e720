// Reading statistics sheets: parse and validate a national CSV (620 000 rows) in memory and streamed from a file,
// with the streaming path's peak resident memory measured in a child process. Targets: ≥ 300 000 rows/s; < 256 MB.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeCsv, readUnitStatistics, unitStatisticsToCsv } from 'shequ/io';
import { syntheticUnits } from './synthetic.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Writes the national CSV (UTF-8 with BOM, Chinese headers) once per size; returns its path. */
export function nationalCsv(count) {
  const dir = join(here, 'out');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `national-${count}.csv`);
  try {
    statSync(path);
  } catch {
    const rows = syntheticUnits(count).map((row) =>
      Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)),
    );
    writeFileSync(path, encodeCsv(unitStatisticsToCsv(rows)));
  }
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
