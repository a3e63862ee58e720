// The SQL that DuckDB's side of the side-by-side benchmark shares (duckdb-child.mjs, duckdb-rows-child.mjs): the
// statistics CSV read with explicit column types, each unit's contributions with the engine's missing-data rules, the
// numerator, denominator and missing sums of the seven national indicators, and their values rounded half-up to one
// decimal in exact integer arithmetic.
import { closeSync, openSync, readSync } from 'node:fs';
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

export const quote = (text) => `'${text.replaceAll("'", "''")}'`;

export function readCsv(path) {
  const columns = headerOf(path)
    .map((name) => `${quote(name)}: ${quote(NUMBER_TYPES[name] ?? 'VARCHAR')}`)
    .join(', ');
  return `read_csv(${quote(path)}, header = true, delim = ',', quote = '"', columns = {${columns}})`;
}

/** Per-unit contributions: areas in integer hundredths (round(x·100), as Math.round does for x ≥ 0). */
export const UNITS = `
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
export const SUMS = [
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

/** The sums of indicator i as HUGEINT (0 for none). */
const sumsOf = (i) => [`CAST(COALESCE(n${i}, 0) AS HUGEINT)`, `CAST(COALESCE(d${i}, 0) AS HUGEINT)`];

/** Ten times indicator i's value rounded half-up to one decimal: q = (20·n·factor + d) // (2·d), exact (HUGEINT). */
export function tenths(i) {
  const [n, d] = sumsOf(i);
  return `((20 * ${n} * ${NATIONAL_FACTORS[i]} + ${d}) // (2 * ${d}))`;
}

/** Indicator i's value half-up to one decimal, as text q // 10 || '.' || q % 10 (null when d is 0). */
export function value(i) {
  const [, d] = sumsOf(i);
  const q = tenths(i);
  return `CASE WHEN ${d} = 0 THEN NULL ELSE CAST(${q} // 10 AS VARCHAR) || '.' || CAST(${q} % 10 AS VARCHAR) END AS "${NATIONAL_INDICATORS[i]}"`;
}

/** Indicator i's value half-up to one decimal, as a DOUBLE (q / 10: the double nearest the decimal; null when d is 0). */
export function valueNumber(i) {
  const [, d] = sumsOf(i);
  return `CASE WHEN ${d} = 0 THEN NULL ELSE CAST(${tenths(i)} AS DOUBLE) / 10 END`;
}

/** Whether indicator i's numerator and denominator sums are in hundredths of a m² (areas), in profile order. */
export const IN_HUNDREDTHS = [
  [false, false],
  [false, false],
  [true, true],
  [true, false],
  [true, true],
  [false, false],
  [false, false],
];

/** Units whose inputs to each of the seven are missing, in profile order (the `missing` of shequ's rows). */
export const MISSING = [
  'COUNT(*) FILTER (WHERE NOT community AND has IS NULL)',
  'COUNT(*) FILTER (WHERE community AND has IS NULL)',
  'COUNT(*) FILTER (WHERE newly IS NULL OR (newly = 1 AND (commercial IS NULL OR total IS NULL)))',
  'COUNT(*) FILTER (WHERE area IS NULL OR households IS NULL)',
  'COUNT(*) FILTER (WHERE activity IS NULL OR area IS NULL)',
  'COUNT(*) FILTER (WHERE community AND terminal IS NULL)',
  'COUNT(*) FILTER (WHERE community AND (workers IS NULL OR residents IS NULL))',
];

/**
 * The common table expressions `units` and `sums`: per region of the four levels (`region`, its 12-digit code;
 * `level`), the seven numerator and denominator sums `n0`…`n6`, `d0`…`d6` (areas in hundredths of a m²), and with
 * `missing` the counts `m0`…`m6` of units whose inputs are missing.
 */
export function sumsByRegion(input, { missing = false } = {}) {
  const sums = SUMS.map(
    ([n, d], i) => `${n} AS n${i}, ${d} AS d${i}${missing ? `, ${MISSING[i]} AS m${i}` : ''}`,
  ).join(',\n    ');
  return `units AS (${UNITS.replace('SOURCE', readCsv(input))}),
  sums AS (
    SELECT
      COALESCE(township, county, prefecture, province) AS region,
      CASE WHEN GROUPING(township) = 0 THEN 'township' WHEN GROUPING(county) = 0 THEN 'county'
           WHEN GROUPING(prefecture) = 0 THEN 'prefecture' ELSE 'province' END AS level,
      ${sums}
    FROM units
    GROUP BY GROUPING SETS ((province), (prefecture), (county), (township))
  )`;
}
