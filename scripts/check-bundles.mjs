// Bundle budgets: bundles small entry files (bench/bundles/*.mjs) the way a browser app would (esbuild, minified,
// ESM, platform browser), prints their sizes and exits 1 when one is over its budget or carries division data it
// did not import. `--readme` also writes the table into README.md (between the bundle-sizes markers).
//
// The entries import `shequ/…` by name and resolve it against the built package (package.json `exports` → dist/),
// not the sources: what is measured is what users' bundlers get (tsup's chunks, its pure annotations,
// `sideEffects: false`). So it runs after `npm run build`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const esbuild = createRequire(join(root, 'package.json'))('esbuild');

/**
 * The entries: `budget` in KB (1 024 bytes) of minified output; `divisions` the code prefixes whose division data the
 * entry may carry (none unless it imports a division list), tested on each record's first 6 digits (its county or
 * district), so that a city or district list (issue 16) is held to its own records.
 */
// computeIndicators: 120 → 125 KB in session 7, for the row builder that prepares each indicator's target line once
// and rolls levels up in code order without an object per township (7× cheaper row generation, +3.3 KB) and the
// deep freeze of the built-in profiles (+0.4 KB).
// computeIndicators 125 → 127 KB and validate 180 → 182 KB in session 13 (they were at 124.7 and 179.0): the check of
// `denominators` given twice for one region, with its message, and an unknown profile's message naming the built-in
// ones, +0.9 and +1.0 KB (esbuild writes each Chinese character as a six-byte \u escape).
// validate 182 → 184 KB in session 15 (it was at 180.9): titles made from a rule's parameters (rules/titles.ts, so
// that a profile's stricter minimum is titled as it is checked, +3.0 KB of functions in place of fixed titles) and the
// checks of a derived profile's changes that a profile file had alone, together +1.6 KB.
const ENTRIES = [
  { file: 'compute-indicators.mjs', name: "computeIndicators from 'shequ/indicators'", budget: 127 },
  { file: 'compute-indicators-root.mjs', name: "computeIndicators from 'shequ'", budget: 127 },
  { file: 'validate-id-number.mjs', name: "validateIdNumber from 'shequ/codes'", budget: 10 },
  { file: 'validate.mjs', name: "validate from 'shequ'", budget: 184 },
  { file: 'parse-unit-statistics.mjs', name: "parseUnitStatistics from 'shequ/model'", budget: 125 },
  {
    file: 'hebei-divisions.mjs',
    name: "hebeiDivisions from 'shequ/divisions/hebei'",
    budget: 3500,
    divisions: /^13/,
  },
  {
    file: 'shijiazhuang-divisions.mjs',
    name: "shijiazhuangDivisions from 'shequ/divisions/hebei/1301'",
    budget: 320,
    divisions: /^1301/,
  },
  {
    file: 'chaoyang-divisions.mjs',
    name: "chaoyangDivisions from 'shequ/divisions/beijing/110105'",
    budget: 60,
    divisions: /^110105/,
  },
];

/** A division record in a shipped list: 12 digits, then a TAB (escaped in a string literal, raw in a template). */
const DIVISION_RECORD = /(\d{12})(?:\\t|\t)/g;

async function measure(entry) {
  const result = await esbuild.build({
    entryPoints: [join(root, 'bench', 'bundles', entry.file)],
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    // Resolve `shequ/…` through package.json exports (dist/), not through tsconfig.json's paths to src/.
    tsconfigRaw: '{}',
    logLevel: 'error',
  });
  const output = result.outputFiles[0];
  const text = output.text;
  const prefixes = new Set();
  for (const match of text.matchAll(DIVISION_RECORD)) prefixes.add(match[1].slice(0, 6));
  const stray = [...prefixes].filter((prefix) => !(entry.divisions?.test(prefix) ?? false));
  return {
    ...entry,
    minified: output.contents.length / 1024,
    gzip: gzipSync(output.contents, { level: 9 }).length / 1024,
    divisionPrefixes: [...prefixes].sort(),
    stray,
  };
}

function table(rows) {
  const lines = ['| entry | minified KB | gzip KB | budget KB |', '| --- | ---: | ---: | ---: |'];
  for (const row of rows) {
    lines.push(`| \`${row.name}\` | ${row.minified.toFixed(1)} | ${row.gzip.toFixed(1)} | ${row.budget} |`);
  }
  return lines.join('\n');
}

function writeReadme(rows) {
  const path = join(root, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const start = '<!-- bundle-sizes:start -->';
  const end = '<!-- bundle-sizes:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section`);
  writeFileSync(path, `${readme.slice(0, from + start.length)}\n${table(rows)}\n${readme.slice(to)}`);
  console.log('check-bundles: wrote the table into README.md');
}

if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('check-bundles: dist/ is missing; run npm run build first');
  process.exit(1);
}
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const rows = [];
for (const entry of ENTRIES) {
  if (only.length === 0 || only.some((name) => entry.file.includes(name))) rows.push(await measure(entry));
}
console.log(table(rows));
let failed = false;
for (const row of rows) {
  if (row.minified > row.budget) {
    console.error(
      `check-bundles: ${row.name} is ${row.minified.toFixed(1)} KB minified, over its ${row.budget} KB`,
    );
    failed = true;
  }
  if (row.stray.length > 0) {
    console.error(
      `check-bundles: ${row.name} carries division data it did not import (${row.stray.join(', ')} …)`,
    );
    failed = true;
  }
}
if (process.argv.includes('--readme')) writeReadme(rows);
process.exit(failed ? 1 : 0);
