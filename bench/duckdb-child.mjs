// DuckDB doing the national job, for the side-by-side benchmark (compare.bench.mjs):
// node duckdb-child.mjs IN.csv OUT.csv. read_csv with explicit column types, per-unit contributions with the engine's
// missing-data rules, GROUPING SETS over the four region levels (12-digit codes padded with zeros), the seven ratios
// rounded half-up to one decimal in exact integer arithmetic (not ROUND on a DOUBLE, which would round the binary
// approximation of a half), COPY to CSV: region,level and the seven values (empty = null). DuckDB's defaults
// otherwise (all cores). Prints {"regions","threads"} as JSON on stdout.
import { DuckDBInstance } from '@duckdb/node-api';
import { quote, sumsByRegion, value } from './duckdb-sql.mjs';
import { NATIONAL_INDICATORS } from './hand-loop.mjs';

function query(input, output) {
  return `COPY (
  WITH ${sumsByRegion(input)}
  SELECT region, level, ${NATIONAL_INDICATORS.map((_, i) => value(i)).join(',\n    ')}
  FROM sums
) TO ${quote(output)} (FORMAT csv, HEADER true, DELIMITER ',')`;
}

const [input, output] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const threads = (await connection.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjects()[0]
  .t;
const result = await connection.run(query(input, output));
console.log(JSON.stringify({ regions: Number(result.rowsChanged), threads: Number(threads) }));
