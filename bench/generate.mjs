#!/usr/bin/env node
// Writes a synthetic national statistics file: node bench/generate.mjs [--rows 620000] [--bad 0.01]
// [--seed 620] [--format csv|xlsx] [--encoding utf-8|gb18030] --out FILE
// Real codes and names for Beijing and Hebei, generated codes for the other 29 provinces; deterministic for a seed.
// A share `--bad` of rows gets one bad cell (text in a number column, an unknown kind, a township-level code …).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { csvLine, encodeCsv, unitStatisticsTable } from 'shequ/io';
import { tablesToXlsx } from 'shequ/io/xlsx';
import { seededRandom } from './random.mjs';
import { syntheticUnits } from './synthetic.mjs';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '620000' },
    bad: { type: 'string', default: '0' },
    seed: { type: 'string', default: '620' },
    format: { type: 'string', default: 'csv' },
    encoding: { type: 'string', default: 'utf-8' },
    out: { type: 'string' },
  },
});
if (values.out === undefined) {
  console.error('generate: --out FILE is required');
  process.exit(2);
}

/** Cells that break a row in one of the ways clerks' sheets do. */
const BREAKAGES = [
  (cells) => {
    cells[3] = '很多';
  }, // households not a number
  (cells) => {
    cells[2] = '街道';
  }, // unknown kind
  (cells) => {
    cells[0] = `${cells[0].slice(0, 9)}000`;
  }, // township-level code
  (cells) => {
    cells[7] = '-5';
  }, // negative area
];

export function generateTable(count, badShare, seed) {
  const random = seededRandom(seed + 1);
  const rows = syntheticUnits(count, seed).map((row) =>
    Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)),
  );
  const table = unitStatisticsTable(rows);
  function* cells() {
    for (const row of table.rows) {
      const out = row.map((cell) => (cell === undefined || cell === null ? '' : String(cell)));
      if (random() < badShare) BREAKAGES[Math.floor(random() * BREAKAGES.length)](out);
      yield out;
    }
  }
  return { header: table.header, rows: cells() };
}

const table = generateTable(Number(values.rows), Number(values.bad), Number(values.seed));
if (values.format === 'xlsx') {
  writeFileSync(values.out, await tablesToXlsx([{ name: '社区统计', table }]));
} else {
  let text = csvLine(table.header);
  for (const row of table.rows) text += csvLine(row);
  writeFileSync(
    values.out,
    encodeCsv(text, { encoding: values.encoding === 'gb18030' ? 'gb18030' : 'utf-8' }),
  );
}
console.log(`generate: wrote ${values.out}`);
