import type { LocalizedText } from './issue.js';

/**
 * The catalogue of issue codes. Each code is public API: renaming one is a breaking change (see CONTRIBUTING.md).
 * The value is a short title in Chinese and English; the issue's own `message` says more.
 *
 * | code | raised by |
 * |---|---|
 * | `invalid_type` | any validator given a value of the wrong JavaScript type |
 * | `invalid_format` | a code of the wrong length or with characters outside its alphabet |
 * | `invalid_date` | an ID number's birth date that is not a calendar date or lies after the as-of date; a bad `asOf` |
 * | `invalid_checksum` | an ID number or credit code whose check character is wrong |
 * | `invalid_organization_code` | a credit code whose embedded GB 11714 organisation code fails its own check |
 * | `unknown_division` | a division code absent from the dataset the caller passed (warning) |
 * | `unknown_category` | a credit code whose registration authority or category is not in the table (warning) |
 * | `legacy_code` | a credit code failing its checksum but on the caller's list of known legacy codes (warning) |
 * | `invalid_value` | a value outside the allowed set or range (schemas) |
 * | `unrecognized_key` | a key the schema does not know (schemas) |
 * | `duplicate_code` | a unit or region code listed twice |
 * | `invalid_hierarchy` | a missing or cyclic parent link, a unit outside the listed townships |
 * | `unsupported_encoding` | a file whose encoding cannot be decoded here |
 * | `header_not_found` | a sheet without a recognisable header row |
 * | `unknown_column` | a column the reader does not know (warning; its cells are kept) |
 * | `malformed_record` | an unclosed quote, a field or line over the size limit; a workbook that cannot be read (not a zip, truncated, no such sheet, a DTD) |
 * | `skipped_lines` | title lines above a header, skipped (info) |
 * | `invalid_option` | an option of the wrong type or outside its range; options that are not an object |
 * | `invalid_encoding` | a cell with bytes that do not decode in the file's encoding (U+FFFD) |
 * | `read_failed` | a source (stream, iterator) that failed while being read: the read ends there |
 * | `limit_exceeded` | a file over a reading limit (size, compression ratio, rows, shared strings): reading stopped |
 * | `crs_mismatch` | points of two coordinate systems met without a conversion (`shequ/geo`) |
 * | `outside_china` | a point outside China's box, where GCJ-02 applies no offset: probably swapped or mistyped (warning) |
 * | `kind_code_mismatch` | a township, district or total row whose code is not of its kind's level |
 * | `field_not_applicable` | a field the row's kind does not carry (a 社会工作服务站 on a village, households on a township) |
 * | `duplicate_total` | a second total row of the same kind for the same region |
 * | `total_replaces_units` | a region total that sets aside the units (or lower totals) beneath it for an indicator (warning) |
 * | `invalid_json` | text that is not JSON (a profile file), with its line and column |
 * | `unknown_indicator` | an indicator id that is not in the catalogue (a profile file) |
 * | `unknown_rule` | a rule id that is not in the catalogue (a profile file) |
 * | `duplicate_id` | an indicator or fact id listed twice (a profile file) |
 * | `unsafe_key` | a key such as `__proto__` that could change an object's prototype: refused |
 * | `provisional_evaluation` | a plan period evaluated before it has ended by the as-of date (warning) |
 * | `no_rows_for_year` | an evaluation given no row of the period's target year: every status is no data (warning) |
 * | `year_missing` | rows without a 统计年度 beside rows with one: summed apart, without a year, and left out of series (warning) |
 * | `invalid_crosswalk` | a division crosswalk entry that is malformed, maps a code to two codes in one year, or makes a cycle |
 *
 * @example
 * ```ts
 * import { ISSUE_CODES } from 'shequ';
 * ISSUE_CODES.invalid_checksum.zh;
 * //=> '校验码错误'
 * ```
 */
export const ISSUE_CODES: Readonly<Record<IssueCode, LocalizedText>> = {
  /** The value is not of the expected JavaScript type (codes must be strings). */
  invalid_type: { zh: '类型错误', en: 'Wrong type' },
  /** The value does not have the structure of its code system: length, alphabet, segment ranges. */
  invalid_format: { zh: '格式错误', en: 'Invalid format' },
  /** A date is not a real calendar date, or lies after the as-of date. */
  invalid_date: { zh: '日期错误', en: 'Invalid date' },
  /** The check character does not match the one computed from the other characters. */
  invalid_checksum: { zh: '校验码错误', en: 'Wrong check character' },
  /** The organisation code (GB 11714) inside a credit code fails its own check. */
  invalid_organization_code: { zh: '组织机构代码错误', en: 'Invalid organisation code' },
  /** The division code is not in the dataset the caller supplied (a warning: datasets age). */
  unknown_division: { zh: '区划代码不在数据集中', en: 'Division code not in the dataset' },
  /** The registration authority or category of a credit code is not in the known table. */
  unknown_category: { zh: '未知机构类别', en: 'Unknown registration category' },
  /** A known legacy credit code accepted despite a failing checksum, because the caller listed it. */
  legacy_code: { zh: '历史遗留代码', en: 'Known legacy code' },
  /** A value outside the allowed set or range. */
  invalid_value: { zh: '取值错误', en: 'Invalid value' },
  /** A key the schema does not know. */
  unrecognized_key: { zh: '未知字段', en: 'Unrecognized key' },
  /** The same code appears twice where codes must be unique (units, regions). */
  duplicate_code: { zh: '代码重复', en: 'Duplicate code' },
  /** The region hierarchy is inconsistent: a missing or cyclic parent, a unit outside its township. */
  invalid_hierarchy: { zh: '层级关系错误', en: 'Inconsistent hierarchy' },
  /** The text encoding of a file is not available here (GB18030 needs full ICU) or the bytes do not decode. */
  unsupported_encoding: { zh: '无法识别的文件编码', en: 'Unsupported encoding' },
  /** No header row with the required columns was found at the top of a sheet. */
  header_not_found: { zh: '未找到表头', en: 'Header row not found' },
  /** A column the reader does not know; its cells are kept as extra data (warning). */
  unknown_column: { zh: '未知列', en: 'Unknown column' },
  /**
   * A record that cannot be read as a row: a quote never closed, a field or line over the size limit. As a file-level
   * error (in a read result's `issues`), a workbook that cannot be read: not a zip, truncated, no such sheet, a DTD.
   */
  malformed_record: { zh: '记录格式错误', en: 'Malformed record' },
  /** Lines above the header (titles, notes) were skipped (info). */
  skipped_lines: { zh: '跳过表头以上的行', en: 'Lines above the header skipped' },
  /** An option of the wrong type or outside its range, or options that are not an object (the call, not the data). */
  invalid_option: { zh: '选项错误', en: 'Invalid option' },
  /** A cell holding bytes that do not decode in the file's encoding (shown as U+FFFD): the row is rejected. */
  invalid_encoding: { zh: '编码错误', en: 'Invalid encoding' },
  /** A file over a reading limit (size, compression ratio, rows, shared strings); reading stopped there (error). */
  limit_exceeded: { zh: '超出读取上限', en: 'Reading limit exceeded' },
  /** A source (a stream, an iterator) failed while being read: what came before is kept, the read ends there. */
  read_failed: { zh: '读取失败', en: 'Read failed' },
  /** Points of two coordinate systems (WGS-84, GCJ-02, BD-09) met without a conversion: never compared silently. */
  crs_mismatch: { zh: '坐标系不一致', en: 'Coordinate systems differ' },
  /** A point outside China's box (GCJ-02 applies no offset there): probably swapped or mistyped (warning). */
  outside_china: { zh: '坐标在中国范围以外', en: 'Point outside China' },
  /** A township, district or total row whose code is not of its kind's level (a district row with a village code). */
  kind_code_mismatch: { zh: '代码级别与类型不符', en: 'Code level does not match the kind' },
  /** A field the row's kind does not carry: a township's field on a unit, a unit's flag on a township or a total. */
  field_not_applicable: { zh: '该类型不适用此字段', en: 'Field not applicable to this kind' },
  /** A second total row of the same kind (社区合计 or 村合计) for the same region: the first one is kept. */
  duplicate_total: { zh: '区域合计重复', en: 'Duplicate region total' },
  /** A region total sets aside, for an indicator, the units or lower totals beneath it (warning). */
  total_replaces_units: { zh: '区域合计取代下级数据', en: 'Region total replaces the data beneath it' },
  /** Text that is not JSON (a profile file); the issue gives the line and column where parsing stopped. */
  invalid_json: { zh: 'JSON 格式错误', en: 'Invalid JSON' },
  /** An indicator id that is not in the catalogue: a profile file refers to built-in indicators only. */
  unknown_indicator: { zh: '未知指标', en: 'Unknown indicator' },
  /** A rule id that is not in the catalogue. */
  unknown_rule: { zh: '未知规则', en: 'Unknown rule' },
  /** An indicator or fact id listed twice where ids must be unique. */
  duplicate_id: { zh: '标识重复', en: 'Duplicate id' },
  /** A key such as `__proto__`, `constructor` or `prototype` that could change an object's prototype: refused. */
  unsafe_key: { zh: '不安全的键名', en: 'Unsafe key' },
  /** A plan period evaluated before its end (the as-of date lies within it or before it): the figures may change. */
  provisional_evaluation: { zh: '规划期尚未结束，评估为初步结果', en: 'Provisional evaluation' },
  /** An evaluation given no row that describes the period's target year: every status is no data. */
  no_rows_for_year: { zh: '没有目标年度的数据', en: 'No rows of the target year' },
  /** Rows without a 统计年度 beside rows with one: summed apart, without a year, and left out of series (warning). */
  year_missing: { zh: '缺少统计年度', en: 'Year missing' },
  /** A division crosswalk entry that is malformed, maps a code to two codes in one year, or makes a cycle. */
  invalid_crosswalk: { zh: '区划对照表有误', en: 'Invalid division crosswalk' },
};

/**
 * A code of the library's issue catalogue ({@link ISSUE_CODES}).
 *
 * @example
 * ```ts
 * import type { IssueCode } from 'shequ';
 * const code: IssueCode = 'invalid_checksum';
 * ```
 */
export type IssueCode =
  | 'invalid_type'
  | 'invalid_format'
  | 'invalid_date'
  | 'invalid_checksum'
  | 'invalid_organization_code'
  | 'unknown_division'
  | 'unknown_category'
  | 'legacy_code'
  | 'invalid_value'
  | 'unrecognized_key'
  | 'duplicate_code'
  | 'invalid_hierarchy'
  | 'unsupported_encoding'
  | 'header_not_found'
  | 'unknown_column'
  | 'malformed_record'
  | 'skipped_lines'
  | 'invalid_option'
  | 'invalid_encoding'
  | 'limit_exceeded'
  | 'read_failed'
  | 'crs_mismatch'
  | 'outside_china'
  | 'kind_code_mismatch'
  | 'field_not_applicable'
  | 'duplicate_total'
  | 'total_replaces_units'
  | 'invalid_json'
  | 'unknown_indicator'
  | 'unknown_rule'
  | 'duplicate_id'
  | 'unsafe_key'
  | 'provisional_evaluation'
  | 'no_rows_for_year'
  | 'year_missing'
  | 'invalid_crosswalk';
