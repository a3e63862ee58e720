// DuckDB doing the national job AND writing shequ's rows, for the side-by-side benchmark (compare.bench.mjs): what
// `shequ indicators --format json` writes — one row per region and indicator, with the region's name (from the
// division lists), numerator, denominator, missing, value, reason, unit, baseline, target, status, expected, gap and
// date — rather than duckdb-child.mjs's region, level and seven values. Not the issue's target (which measures DuckDB
// writing the seven values as CSV): the figure for the team's decision on what "the same job" is.
//
// node duckdb-rows-child.mjs IN.csv NAMES.csv CONSTANTS.json OUT.json
// NAMES.csv: code,name of the shipped division lists. CONSTANTS.json: per indicator, in profile order, its id, unit,
// baseline and target as shequ writes them, the target's comparator and value, and the expected value. Status and gap
// are judged as at or after the target's deadline (the benchmark's date, 2025-12-31): met or not-met, no line.
// Prints {"rows","threads"} as JSON on stdout.
import { DuckDBInstance } from '@duckdb/node-api';
import { IN_HUNDREDTHS, quote, sumsByRegion, valueNumber } from './duckdb-sql.mjs';
import { NATIONAL_INDICATORS } from './hand-loop.mjs';

const amount = (sum, hundredths) => `CAST(COALESCE(${sum}, 0) AS DOUBLE)${hundredths ? ' / 100' : ''}`;

/** One branch per indicator: region, level, k, numerator, denominator, missing, value. */
function indicatorRows() {
  return NATIONAL_INDICATORS.map(
    (_, i) => `SELECT region, level, ${i} AS k, ${amount(`n${i}`, IN_HUNDREDTHS[i][0])} AS numerator,
      ${amount(`d${i}`, IN_HUNDREDTHS[i][1])} AS denominator, m${i} AS missing, ${valueNumber(i)} AS value
    FROM sums`,
  ).join('\n    UNION ALL ');
}

const MEETS = `(c.comparator = '>=' AND r.value >= c.goal) OR (c.comparator = '>' AND r.value > c.goal)
      OR (c.comparator = '=' AND r.value = c.goal) OR (c.comparator = '<=' AND r.value <= c.goal)`;
const GAP = `floor((CASE c.comparator WHEN '<=' THEN r.value - c.goal ELSE c.goal - r.value END) * 100 + 0.5) / 100`;

function query(input, names, constants, output) {
  return `COPY (
  WITH ${sumsByRegion(input, { missing: true })},
  constants AS (
    SELECT * FROM read_json(${quote(constants)}, format = 'array', columns = {
      'k': 'INTEGER', 'indicator': 'VARCHAR', 'unit': 'VARCHAR', 'baseline': 'JSON', 'target': 'JSON',
      'comparator': 'VARCHAR', 'goal': 'DOUBLE', 'expected': 'DOUBLE', 'asOf': 'VARCHAR'})
  ),
  names AS (SELECT * FROM read_csv(${quote(names)}, header = true, columns = {'code': 'VARCHAR', 'name': 'VARCHAR'})),
  r AS (${indicatorRows()})
  SELECT r.region, r.level, names.name, c.indicator, r.numerator, r.denominator, r.missing, r.value,
    CASE WHEN r.value IS NULL THEN 'zero-denominator' END AS reason, c.unit, c.baseline, c.target,
    CASE WHEN r.value IS NULL THEN 'no-data' WHEN ${MEETS} THEN 'met' ELSE 'not-met' END AS status,
    c.expected, CASE WHEN r.value IS NULL THEN NULL ELSE ${GAP} END AS gap, c."asOf"
  FROM r JOIN constants c ON c.k = r.k LEFT JOIN names ON names.code = r.region
  ORDER BY list_position(['province', 'prefecture', 'county', 'township'], r.level), r.region, r.k
) TO ${quote(output)} (FORMAT json, ARRAY true)`;
}

const [input, names, constants, output] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const threads = (await connection.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjects()[0]
  .t;
const result = await connection.run(query(input, names, constants, output));
console.log(JSON.stringify({ rows: Number(result.rowsChanged), threads: Number(threads) }));
