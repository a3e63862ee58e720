// The small inputs of duckdb-rows-child.mjs, written from the built library before any timing: the names of the
// shipped division lists (what shequ names regions with), and the national profile's constants per indicator as
// shequ writes them (unit, baseline, target), with the library's expected value at the benchmark's date. And the whole-row
// cross-check of DuckDB's rows against shequ's.
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { assessProgress, INDICATOR_PROFILES, indicatorProfileForPeriod } from 'shequ';
import { beijingDivisions } from 'shequ/divisions/beijing';
import { hebeiDivisions } from 'shequ/divisions/hebei';
import { NATIONAL_INDICATORS } from './hand-loop.mjs';

/** The CSV of code,name of every shipped division (no name holds a comma or a quote: checked). */
function namesCsv() {
  const lines = ['code,name'];
  for (const dataset of [hebeiDivisions, beijingDivisions])
    for (const { code, name } of dataset.divisions.values()) {
      if (/[",\r\n]/.test(name)) throw new Error(`a division name needs quoting: ${code}`);
      lines.push(`${code},${name}`);
    }
  return `${lines.join('\n')}\n`;
}

/**
 * The seven's constants, in profile order. `expected` is the library's own (`assessProgress`): it depends on the
 * indicator and the date only. The date must be at or after every deadline: the SQL judges met / not-met, no line.
 */
function constants(asOf) {
  const profile = indicatorProfileForPeriod(INDICATOR_PROFILES.national, '14th');
  return profile.indicators.map(({ indicator, baseline, target }, k) => {
    if (indicator.id !== NATIONAL_INDICATORS[k]) throw new Error(`profile order: ${indicator.id} at ${k}`);
    if (asOf < `${target.year}-12-31`) throw new Error(`${asOf} is before ${indicator.id}'s deadline`);
    const progress = assessProgress({ indicator: indicator.id, value: null, profile: 'national', asOf });
    if (!progress.success) throw new Error(`no progress for ${indicator.id}`);
    return {
      k,
      indicator: indicator.id,
      unit: indicator.unit.en,
      baseline: baseline ?? null,
      target,
      comparator: target.comparator,
      goal: target.value,
      expected: progress.data.expected,
      asOf,
    };
  });
}

/** Writes NAMES.csv and CONSTANTS.json under `stem`; returns their paths. */
export function writeRowsInputs(stem, asOf) {
  const names = `${stem}-names.csv`;
  const constantsPath = `${stem}-constants.json`;
  writeFileSync(names, namesCsv());
  writeFileSync(constantsPath, JSON.stringify(constants(asOf)));
  return { names, constants: constantsPath };
}

async function* rowsOf(path) {
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    const text = line.trim();
    if (text.startsWith('{')) yield JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text);
  }
}

/** A row with its null fields left out (DuckDB writes a missing name, baseline or reason as null; shequ omits it). */
function withoutNulls(row) {
  return JSON.stringify(row, (_, value) => (value === null ? undefined : value));
}

/**
 * Compares DuckDB's rows with shequ's, row by row in order: every field equal (numbers as numbers; a null field
 * equal to an absent one). Returns the count of differing rows and the first few.
 */
export async function crossCheckRows(shequPath, duckdbPath, shown = 5) {
  const problems = [];
  let count = 0;
  const theirs = rowsOf(duckdbPath)[Symbol.asyncIterator]();
  let rows = 0;
  for await (const ours of rowsOf(shequPath)) {
    rows++;
    const next = await theirs.next();
    const [a, b] = [withoutNulls(ours), next.done ? 'nothing' : withoutNulls(next.value)];
    if (a !== b && ++count <= shown) problems.push(`row ${rows}: shequ ${a}\n    DuckDB ${b}`);
  }
  if (!(await theirs.next()).done && ++count <= shown) problems.push(`DuckDB has more than ${rows} rows`);
  return { count, problems, rows };
}
