// DuckDB doing the national job, for the side-by-side benchmark (compare.bench.mjs):
// node duckdb-child.mjs IN.csv OUT.csv. read_csv with explicit column types, per-unit contributions with the engine's
// missing-data rules, GROUPING SETS over the four region levels (12-digit codes padded with zeros), the seven ratios
// rounded half-up to one decimal in exact integer arithmetic (not ROUND on a DOUBLE, which would round the binary
// approximation of a half), COPY to CSV: region,level and the seven values (empty = null). DuckDB's defaults
// otherwise (all cores). Prints {"regions","threads"} as JSON on stdout.
import { closeSync, openSync, readSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { NATIONAL_FACTORS, NATIONAL_INDICATORS } from './hand-loop.mjs';

/** Explicit types of the columns read as numbers; every other column is read as text. */
const NUMBER_TYPES = {
  户数: 'BIGINT',
  常住人口: 'BIGINT',
  社区工作者人数: 'BIGINT',
  综合服务设施建筑面积: 'DOUBLE',
  居民活动区域面积: 'DOUBLE',
  社区总建筑面积: 'DOUBLE',
  商业和综合服务设施面积: 'DOUBLE',
};

/** The header line's column names (the first 64 kB hold it), without the BOM. */
function headerOf(path) {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(65_536);
  const length = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const text = buffer
    .subarray(0, length)
    .toString('utf8')
    .replace(/^\ufeff/, '');
  return text.slice(0, text.search(/\r?\n/)).split(',');
}

const quote = (text) => `'${text.replaceAll("'", "''")}'`;

function readCsv(path) {
  const columns = headerOf(path)
    .map((name) => `${quote(name)}: ${quote(NUMBER_TYPES[name] ?? 'VARCHAR')}`)
    .join(', ');
  return `read_csv(${quote(path)}, header = true, delim = ',', quote = '"', columns = {${columns}})`;
}

/** Per-unit contributions: areas in integer hundredths (round(x·100), as Math.round does for x ≥ 0). */
const UNITS = `
  SELECT
    rpad(substr("统计用区划代码", 1, 2), 12, '0') AS province,
    rpad(substr("统计用区划代码", 1, 4), 12, '0') AS prefecture,
    rpad(substr("统计用区划代码", 1, 6), 12, '0') AS county,
    rpad(substr("统计用区划代码", 1, 9), 12, '0') AS township,
    "类型" = '居委会' AS community,
    CASE "是否建有综合服务设施" WHEN '是' THEN 1 WHEN '否' THEN 0 END AS has,
    CASE "是否新建社区" WHEN '是' THEN 1 WHEN '否' THEN 0 END AS newly,
    CASE "是否配备政务通用自助服务设备" WHEN '是' THEN 1 WHEN '否' THEN 0 END AS terminal,
    CAST(round("商业和综合服务设施面积" * 100) AS BIGINT) AS commercial,
    CAST(round("社区总建筑面积" * 100) AS BIGINT) AS total,
    CASE WHEN has = 0 THEN 0 ELSE CAST(round("综合服务设施建筑面积" * 100) AS BIGINT) END AS area,
    CASE WHEN has = 0 THEN 0 ELSE CAST(round("居民活动区域面积" * 100) AS BIGINT) END AS activity,
    "户数" AS households,
    "常住人口" AS residents,
    "社区工作者人数" AS workers
  FROM SOURCE
  WHERE "类型" IN ('居委会', '村委会') AND length("统计用区划代码") = 12`;

/** Numerator and denominator sums of the seven, in profile order, with the engine's rules for missing inputs. */
const SUMS = [
  ['SUM(has) FILTER (WHERE NOT community)', 'COUNT(has) FILTER (WHERE NOT community)'],
  ['SUM(has) FILTER (WHERE community)', 'COUNT(has) FILTER (WHERE community)'],
  [
    'SUM(commercial) FILTER (WHERE newly = 1 AND commercial IS NOT NULL AND total IS NOT NULL)',
    'SUM(total) FILTER (WHERE newly = 1 AND commercial IS NOT NULL AND total IS NOT NULL)',
  ],
  [
    'SUM(area) FILTER (WHERE area IS NOT NULL AND households IS NOT NULL)',
    'SUM(households) FILTER (WHERE area IS NOT NULL AND households IS NOT NULL)',
  ],
  [
    'SUM(activity) FILTER (WHERE activity IS NOT NULL AND area IS NOT NULL)',
    'SUM(area) FILTER (WHERE activity IS NOT NULL AND area IS NOT NULL)',
  ],
  ['SUM(terminal) FILTER (WHERE community)', 'COUNT(terminal) FILTER (WHERE community)'],
  [
    'SUM(workers) FILTER (WHERE community AND workers IS NOT NULL AND residents IS NOT NULL)',
    'SUM(residents) FILTER (WHERE community AND workers IS NOT NULL AND residents IS NOT NULL)',
  ],
];

/** Half-up to one decimal of n·factor/d: q = (20·n·factor + d) // (2·d) in HUGEINT, written as q/10 in text. */
function value(i) {
  const n = `CAST(COALESCE(n${i}, 0) AS HUGEINT)`;
  const d = `CAST(COALESCE(d${i}, 0) AS HUGEINT)`;
  const q = `((20 * ${n} * ${NATIONAL_FACTORS[i]} + ${d}) // (2 * ${d}))`;
  return `CASE WHEN ${d} = 0 THEN NULL ELSE CAST(${q} // 10 AS VARCHAR) || '.' || CAST(${q} % 10 AS VARCHAR) END AS "${NATIONAL_INDICATORS[i]}"`;
}

function query(input, output) {
  const sums = SUMS.map(([n, d], i) => `${n} AS n${i}, ${d} AS d${i}`).join(',\n    ');
  return `COPY (
  WITH units AS (${UNITS.replace('SOURCE', readCsv(input))}),
  sums AS (
    SELECT
      COALESCE(township, county, prefecture, province) AS region,
      CASE WHEN GROUPING(township) = 0 THEN 'township' WHEN GROUPING(county) = 0 THEN 'county'
           WHEN GROUPING(prefecture) = 0 THEN 'prefecture' ELSE 'province' END AS level,
      ${sums}
    FROM units
    GROUP BY GROUPING SETS ((province), (prefecture), (county), (township))
  )
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
