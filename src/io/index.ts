/**
 * Data in and out: statistics sheets (CSV in UTF-8, UTF-16 or GB18030; .xlsx on `shequ/io/xlsx`) read row by row
 * into the model with every bad row reported, streamed in bounded memory, and results written back as CSV. Works in
 * browsers; file-path helpers are on `shequ/io/node`.
 *
 * @module shequ/io
 */
export {
  normalizeDigits,
  parseBooleanCell,
  parseCodeCell,
  parseNumberCell,
  parseUnitKindCell,
  parseYearCell,
} from './cells.js';
export type { CsvParser, CsvParserOptions, CsvRecord } from './csv-parser.js';
export { createCsvParser } from './csv-parser.js';
export type { DecodedText, TextEncodingName } from './decode.js';
export { createTextDecoder, decodeText, detectEncoding } from './decode.js';
// Deprecated: defined in shequ/report since issue 16 (io reads rows and knows neither indicators nor rules).
export { findingsTable, findingsToCsv, indicatorRowsTable, indicatorRowsToCsv } from './deprecated-tables.js';
export type { CellType } from './headers.js';
export { fieldOfHeader, normalizeHeader } from './headers.js';
export type { ChunkSource, ReadOptions, ReadResult, StreamEvent } from './read.js';
export { readUnitStatistics, streamUnitStatistics, streamUnitStatisticsBatches } from './read.js';
export type { AcceptedRow, HeaderInfo, ReadCounts, ReaderEvent, RejectedRow } from './row-reader.js';
export type { CellValue, Table } from './write.js';
export {
  csvLine,
  encodeCsv,
  neutralizeFormula,
  rejectedRowsToCsv,
  toCsv,
  unitStatisticsTable,
  unitStatisticsToCsv,
  xlsxCellText,
} from './write.js';
