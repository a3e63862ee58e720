import { guarded } from '../core/guard.js';
import { createIssue, type Issue } from '../core/issue.js';
import { type Result, success } from '../core/result.js';
import { type CsvRecord, createCsvParser } from '../io/csv-parser.js';
import { decodeText, type TextEncodingName } from '../io/decode.js';
import { normalizeHeader } from '../io/headers.js';
import type { ReadOptions } from '../io/read.js';
import { checkReadOptions } from '../io/read-options.js';
import type { ResidentialPoint, ServicePoint } from './circle-types.js';
import { type Crs, isCrs } from './crs.js';
import { pointFields, type RowCells, type Which } from './point-fields.js';
import { emptyReading, type Reading, toPoint } from './point-record.js';
import { readGeoJson } from './read-geojson.js';

/**
 * Options of {@link readResidentialPoints} and {@link readServicePoints}: the coordinate system of the file (required
 * for CSV: a file does not say which it uses) and the CSV reading options.
 *
 * @example
 * ```ts
 * import type { ReadPointsOptions } from 'shequ/geo';
 * const options: ReadPointsOptions = { crs: 'gcj02', encoding: 'gb18030' };
 * ```
 */
export interface ReadPointsOptions extends ReadOptions {
  /** The system of the coordinates (CSV: required; GeoJSON: default `wgs84`, as RFC 7946 says). */
  readonly crs?: Crs;
}

/**
 * What the point readers return: the points, the rejected records with their issues, file-level issues and
 * warnings (an unknown column, a point outside China), and the counts: read = accepted + rejected.
 *
 * @example
 * ```ts
 * import { readServicePoints, type PointReadResult, type ServicePoint } from 'shequ/geo';
 * const result: PointReadResult<ServicePoint> = readServicePoints('经度,纬度,类型\n116.4,39.9,早餐\n', { crs: 'gcj02' });
 * result.counts;
 * //=> { read: 1, accepted: 1, rejected: 0, blankLines: 0, titleLines: 0 }
 * ```
 */
export interface PointReadResult<Point> {
  /** The points, in file order. */
  readonly points: readonly Point[];
  /** Rejected records: their 1-based line (CSV) or feature index (GeoJSON) and every reason. */
  readonly rejected: readonly {
    /** 1-based line where the record starts (CSV). */
    readonly line?: number;
    /** Position of the feature (GeoJSON). */
    readonly index?: number;
    /** Every reason. */
    readonly issues: readonly Issue[];
  }[];
  /** File-level issues (no header, bad options, a JSON that does not parse) and warnings. */
  readonly issues: readonly Issue[];
  /** The counts. */
  readonly counts: {
    /** Records read (accepted + rejected). */
    readonly read: number;
    /** Points made. */
    readonly accepted: number;
    /** Records rejected. */
    readonly rejected: number;
    /** Blank lines skipped. */
    readonly blankLines: number;
    /** Title lines above the header. */
    readonly titleLines: number;
  };
  /** The encoding used (`utf-8` for text input). */
  readonly encoding: TextEncodingName;
}

const HEADER_SEARCH = 20; // records looked at for the header: titles above it are counted, not read

function finish<Point>(reading: Reading<Point>, encoding: TextEncodingName): PointReadResult<Point> {
  const { points, rejected, issues, blankLines, titleLines } = reading;
  const counts = {
    read: points.length + rejected.length,
    accepted: points.length,
    rejected: rejected.length,
    blankLines,
    titleLines,
  };
  return { points, rejected, issues, counts, encoding };
}

/** Reads CSV text: header found under any title lines, columns by name (Chinese or English), every line counted. */
function readCsv<Point>(which: Which, text: string, options: ReadOptions, crs: Crs): Reading<Point> {
  const reading = emptyReading<Point>();
  const parser = createCsvParser(options);
  let columns: Map<string, number> | undefined;
  let headers: string[] = [];
  let above = 0; // records above the header (titles), or looked at in vain
  const handle = (record: CsvRecord) => {
    if (columns === undefined) {
      if (above >= HEADER_SEARCH) return; // no header near the top: the file is not read (header_not_found)
      const found = headerColumns(which, record.fields);
      if (found === undefined) {
        above++;
        return;
      }
      columns = found;
      headers = [...record.fields];
      reading.titleLines = above;
      if (reading.titleLines > 0)
        reading.issues.push(
          createIssue(
            'skipped_lines',
            { zh: '跳过表头以上的行', en: 'Lines above the header skipped' },
            { severity: 'info', line: 1 },
          ),
        );
      const known = new Set(columns.values());
      headers.forEach((header, at) => {
        if (!known.has(at) && header.trim() !== '')
          reading.issues.push(
            createIssue(
              'unknown_column',
              { zh: '未知列（已忽略）', en: 'Unknown column (ignored)' },
              { severity: 'warning', column: header },
            ),
          );
      });
      return;
    }
    if (record.fields.every((field) => field.trim() === '') && record.error === undefined) {
      reading.blankLines++;
      return;
    }
    if (record.error !== undefined) {
      const issue = createIssue(
        'malformed_record',
        { zh: '记录格式错误', en: `Malformed record (${record.error})` },
        { line: record.line },
      );
      reading.rejected.push({ line: record.line, issues: [issue] });
      return;
    }
    const map = columns;
    const cells: RowCells = {
      get: (key) => {
        const at = map.get(key);
        return at === undefined ? undefined : record.fields[at];
      },
      header: (key) => {
        const at = map.get(key);
        return at === undefined ? undefined : headers[at];
      },
    };
    const made = toPoint(which, cells, crs, { line: record.line, path: [] });
    for (const warning of made.warnings) reading.issues.push(warning);
    if (made.point === undefined) reading.rejected.push({ line: record.line, issues: made.issues });
    else reading.points.push(made.point as Point);
  };
  const SLICE = 1 << 20;
  for (let at = 0; at < text.length; at += SLICE)
    for (const record of parser.push(text.slice(at, at + SLICE))) handle(record);
  for (const record of parser.end()) handle(record);
  if (columns === undefined) reading.issues.push(headerNotFound(which));
  return reading;
}

function headerNotFound(which: Which): Issue {
  const needed = which === 'service' ? '经度、纬度、类型' : '经度、纬度';
  const neededEn = which === 'service' ? 'longitude, latitude, kind' : 'longitude, latitude';
  return createIssue('header_not_found', {
    zh: `前 ${HEADER_SEARCH} 行内未找到含 ${needed} 列的表头`,
    en: `No header with ${neededEn} columns in the first ${HEADER_SEARCH} lines`,
  });
}

/** The columns of a header record (field key → position), or `undefined` when it lacks a required column. */
function headerColumns(which: Which, cells: readonly string[]): Map<string, number> | undefined {
  const columns = new Map<string, number>();
  const fields = pointFields(which);
  cells.forEach((cell, at) => {
    const name = normalizeHeader(cell);
    const field = fields.find((f) => f.aliases.includes(name));
    if (field !== undefined && !columns.has(field.key)) columns.set(field.key, at);
  });
  return fields.every((f) => !f.required || columns.has(f.key)) ? columns : undefined;
}

/** Reads either format: a parsed GeoJSON object, GeoJSON text (starts with `{`), or CSV text or bytes. */
function readPoints<Point>(which: Which, input: unknown, options: unknown): PointReadResult<Point> {
  const checked = checkReadOptions(
    options !== null && typeof options === 'object' ? { ...(options as object), crs: undefined } : options,
  );
  const givenCrs =
    options !== null && typeof options === 'object' ? (options as { crs?: unknown }).crs : undefined;
  const issues = [...checked.issues];
  if (givenCrs !== undefined && !isCrs(givenCrs))
    issues.push(
      createIssue(
        'invalid_option',
        { zh: 'crs 应为 wgs84、cgcs2000、gcj02 或 bd09', en: 'crs must be wgs84, cgcs2000, gcj02 or bd09' },
        { path: ['crs'] },
      ),
    );
  if (issues.length > 0) return finish(withIssues(emptyReading<Point>(), issues), 'utf-8');
  if (input !== null && typeof input === 'object' && !(input instanceof Uint8Array))
    return finish(readGeoJson<Point>(which, input, (givenCrs as Crs | undefined) ?? 'wgs84'), 'utf-8');
  let text: string;
  let encoding: TextEncodingName = 'utf-8';
  if (typeof input === 'string') text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  else if (input instanceof Uint8Array) {
    const decoded = decodeText(input, checked.options.encoding);
    if (!decoded.success) return finish(withIssues(emptyReading<Point>(), decoded.error.issues), 'utf-8');
    ({ text, encoding } = decoded.data);
  } else {
    const issue = createIssue('invalid_type', {
      zh: '输入应为 CSV 文本、字节或 GeoJSON 对象',
      en: 'The input must be CSV text, bytes or a GeoJSON object',
    });
    return finish(withIssues(emptyReading<Point>(), [issue]), 'utf-8');
  }
  if (/^\s*\{/.test(text)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const issue = createIssue('malformed_record', {
        zh: 'GeoJSON 无法解析',
        en: 'The GeoJSON does not parse',
      });
      return finish(withIssues(emptyReading<Point>(), [issue]), encoding);
    }
    return finish(readGeoJson<Point>(which, json, (givenCrs as Crs | undefined) ?? 'wgs84'), encoding);
  }
  if (givenCrs === undefined) {
    const issue = createIssue(
      'invalid_option',
      { zh: 'CSV 文件须指明坐标系（crs）', en: 'A CSV file needs its coordinate system (crs)' },
      { path: ['crs'] },
    );
    return finish(withIssues(emptyReading<Point>(), [issue]), encoding);
  }
  return finish(readCsv<Point>(which, text, checked.options, givenCrs as Crs), encoding);
}

function withIssues<Point>(reading: Reading<Point>, issues: readonly Issue[]): Reading<Point> {
  for (const issue of issues) reading.issues.push(issue);
  return reading;
}

/**
 * Reads residential points (estates, community offices, unit centroids) from CSV — text or bytes in UTF-8, UTF-16 or
 * GB18030, the header found under any title lines, columns 经度/lng, 纬度/lat, 名称, 代码 (the unit's 12-digit code),
 * 户数, 人口 in any order — or from GeoJSON Points (properties by the same names). Every bad record is rejected with
 * its line (or feature index), column, value and reason; read = accepted + rejected. A point outside China is kept
 * with an `outside_china` warning (swapped columns are the usual cause).
 *
 * @param input - CSV text or bytes, GeoJSON text, or a parsed GeoJSON object
 * @param options - `crs` (required for CSV) and the CSV reading options
 * @returns the points, the rejected records, the issues and the counts (never a throw)
 *
 * @example
 * ```ts
 * import { readResidentialPoints } from 'shequ/geo';
 * const result = readResidentialPoints('小区名称,经度,纬度,户数,代码\n东四六条,116.4192,39.9326,820,110101001001\n北新桥,116.41,九十,300,110101001002\n', { crs: 'gcj02' });
 * result.points;
 * //=> [{ crs: 'gcj02', lng: 116.4192, lat: 39.9326, name: '东四六条', unit: '110101001001', households: 820 }]
 * result.rejected[0]?.issues[0];
 * //=> { code: 'invalid_type', path: ['lat'], line: 3, column: '纬度', value: '九十', severity: 'error',
 * //     message: { zh: '纬度应为 −90 到 90 之间的数字', en: 'The latitude must be a number from −90 to 90' } }
 * ```
 */
export function readResidentialPoints(
  input: string | Uint8Array | object,
  options: ReadPointsOptions = {},
): PointReadResult<ResidentialPoint> {
  return readSafely('residential', input, options);
}

/**
 * Reads service points (facilities, shops) from CSV or GeoJSON as {@link readResidentialPoints} does, with the
 * columns 经度/lng, 纬度/lat, 类型/kind (required), 名称, 容量/capacity.
 *
 * @param input - CSV text or bytes, GeoJSON text, or a parsed GeoJSON object
 * @param options - `crs` (required for CSV) and the CSV reading options
 * @returns the points, the rejected records, the issues and the counts (never a throw)
 *
 * @example
 * ```ts
 * import { readServicePoints } from 'shequ/geo';
 * readServicePoints({ type: 'FeatureCollection', features: [
 *   { type: 'Feature', geometry: { type: 'Point', coordinates: [116.4185, 39.9331] }, properties: { 类型: '早餐', 名称: '包子铺' } },
 * ] }, { crs: 'gcj02' }).points;
 * //=> [{ crs: 'gcj02', lng: 116.4185, lat: 39.9331, name: '包子铺', kind: '早餐' }]
 * ```
 */
export function readServicePoints(
  input: string | Uint8Array | object,
  options: ReadPointsOptions = {},
): PointReadResult<ServicePoint> {
  return readSafely('service', input, options);
}

function readSafely<Point>(which: Which, input: unknown, options: unknown): PointReadResult<Point> {
  const result: Result<PointReadResult<Point>> = guarded(() =>
    success(readPoints<Point>(which, input, options)),
  );
  return result.success
    ? result.data
    : finish(withIssues(emptyReading<Point>(), result.error.issues), 'utf-8');
}
