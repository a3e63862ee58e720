/**
 * How each exported function of every entry point may behave on hostile input. The fuzz test enumerates the exports
 * with `import * as`, so a new export fails the test until it is classified here — the list cannot rot.
 *
 * - `safe`: must never throw (or reject) for any arguments, options included; bad input is a result with issues
 *   (or a documented neutral value such as `''`, `null`, `false`, `[]`).
 * - `shequ-error`: a throwing variant — may throw, but only a `ShequError` carrying issues, each with a known code, a
 *   path and a message in Chinese and English (and not the issue of a throwing getter when no argument has one).
 * - `trusted`: builds or reads the library's own typed values (issues, results, zod errors), not outside data; it
 *   may throw a TypeError on values of the wrong type, like any typed helper. Still fuzzed for prototype pollution.
 * - `factory`: returns a stateful object or a fast-check arbitrary; the call itself may throw only a `ShequError` (for
 *   options it cannot honour, such as an unknown profile), never another error;
 *   and the fuzz test drives the methods named in `methods` too (each `safe`).
 * - `node-file`: reads a file by path (Node only); may reject only with Node's own fs error (a missing file) or a
 *   `ShequError`, never a TypeError. Fuzzed with a missing path and anything as options.
 *
 * `cost` lowers the number of runs for functions that do real work per call (zip archives, JSON Schema, reports).
 * `valid` makes arguments the export takes: the fuzz also calls it with one part of them — an argument, or a value
 * anywhere inside one (a key of `changes`, an indicator of a profile) — replaced by a hostile value, so that hostile
 * values are met past the first checks too (test/fuzz/exports.test.ts).
 * `writes` names the arguments an export writes into by contract (an `out` array); the fuzz checks every other
 * argument is unchanged after every call (read without running the caller's getters: test/fuzz/snapshot.ts).
 */
import { INDICATOR_PROFILES, INDICATORS } from '../../src/indicators/index.js';
import { RULE_PROFILES, RULES } from '../../src/standards/index.js';

export type Behaviour = 'safe' | 'shequ-error' | 'trusted' | 'factory' | 'node-file';

export interface Classification {
  readonly behaviour: Behaviour;
  /** Share of the normal number of runs (1 = full). */
  readonly cost?: number;
  /** For factories: methods of the returned object fuzzed as safe. */
  readonly methods?: readonly string[];
  /** Arguments (by index) the export writes into by contract, such as an `out` array; every other must be unchanged. */
  readonly writes?: readonly number[];
  /** Arguments the export takes, made anew for each call (see `valid` above). */
  readonly valid?: () => readonly unknown[];
}

const safe: Classification = { behaviour: 'safe' };
const trusted: Classification = { behaviour: 'trusted' };

export const CLASSIFICATION: Readonly<Record<string, Classification>> = {
  // codes: validators and helpers of code strings, all documented as never throwing
  creditCodeCheckCharacter: safe,
  validateCreditCode: safe,
  divisionAncestors: safe,
  divisionAtLevel: safe,
  isWithinDivision: safe,
  parseDivisionCode: safe,
  townshipKindOf: trusted, // reads the segment of a code already parsed by parseDivisionCode
  villageKindOf: trusted, // idem
  // takes outside data (a list read from a file): a record that is not one is left out with an issue; records that
  // are not a list (or an iterator that throws) are a ShequError
  createDivisionDataset: { behaviour: 'shequ-error' },
  lookupDivision: safe,
  idNumberCheckCharacter: safe,
  maskIdNumber: safe,
  upgradeIdNumber: safe,
  validateIdNumber: safe,
  identifyCode: safe,
  classifyCode: safe,
  normalizeCodeText: safe,
  maskIdNumbersInText: safe,
  organizationCodeCheckCharacter: safe,
  isProvinceCode: safe,
  parseUrbanRuralCode: safe,
  // core
  resolveAsOf: safe,
  todayInChina: safe,
  isAtLeastSeverity: safe,
  createIssue: trusted, // builds the library's own issue from a code, a message and a location
  prefixIssuePath: trusted, // re-locates an issue the library made
  failure: trusted, // wraps issues
  success: trusted, // wraps a value and issues
  unwrap: trusted, // throws the failure's ShequError by design; takes the library's own results
  ShequError: trusted, // the error class itself, constructed from issues
  issuesFromZod: trusted, // translates a ZodError from the library's own schemas
  // indicators
  computeIndicators: { behaviour: 'shequ-error' },
  computeIndicatorTable: safe,
  computeIndicatorSeries: safe,
  parseCrosswalk: safe,
  divisionChanges: safe,
  indicatorSeriesFromRows: trusted, // groups the library's own indicator rows
  // documentation of profiles: anything that is no list of profiles it can show is a ShequError at its path
  describeIndicatorProfiles: {
    behaviour: 'shequ-error',
    cost: 0.05,
    valid: () => [[INDICATOR_PROFILES.beijing, INDICATOR_PROFILES.hebei]],
  },
  createIndicatorAccumulator: { behaviour: 'factory', methods: ['merge', 'parts'] },
  mergeIndicatorParts: safe,
  parseIndicatorParts: safe,
  // derives a profile from another and changes: a base that is no profile, or changes of the wrong shape, is a
  // ShequError at the path of the value
  deriveIndicatorProfile: {
    behaviour: 'shequ-error',
    cost: 0.3,
    valid: () => [INDICATOR_PROFILES.hebei, indicatorChanges()],
  },
  resolveIndicatorProfile: safe,
  planPeriodAt: safe,
  planPeriodEndedBy: safe,
  planPeriodById: safe,
  // shows a profile in one period: a value that is no profile object (a name) is a ShequError naming the valid ones
  indicatorProfileForPeriod: { behaviour: 'shequ-error' },
  assessProgress: safe,
  evaluatePlanPeriod: safe,
  progressAgainst: trusted, // the arithmetic under assessProgress, on typed targets and dates
  indicatorRowsFromParts: { behaviour: 'shequ-error' },
  // standards: profile files — any JSON text or value in, a result out
  loadProfile: { behaviour: 'safe', cost: 0.3, valid: () => [profileFile()] },
  // writes a built-in name or a profile as a profile file; an unknown one is a ShequError naming the valid ones
  profileToJson: { behaviour: 'shequ-error' },
  profileJsonSchema: { behaviour: 'safe', cost: 0.05 },
  // io: cells, headers, CSV, writers
  normalizeDigits: safe,
  parseBooleanCell: safe,
  parseCodeCell: safe,
  parseNumberCell: safe,
  parseUnitKindCell: safe,
  parseYearCell: safe,
  // a parser factory: bad options (or a push of something other than text) are a programming error, thrown as a
  // ShequError with the issues; the readers report the same options as issues in their results
  createCsvParser: { behaviour: 'shequ-error' },
  createTextDecoder: safe,
  decodeText: safe,
  detectEncoding: safe,
  fieldOfHeader: safe,
  normalizeHeader: safe,
  readUnitStatistics: { behaviour: 'safe', cost: 0.3 },
  streamUnitStatistics: { behaviour: 'safe', cost: 0.3 },
  streamUnitStatisticsBatches: { behaviour: 'safe', cost: 0.3 },
  csvLine: safe,
  encodeCsv: safe,
  // table and CSV builders serialise the caller's typed rows (results of the library); wrong types are programming
  // errors. The text they write is masked and neutralised (test/io/formula-and-mask.test.ts, test/dist/leaks.test.ts)
  findingsTable: trusted,
  findingsToCsv: trusted,
  indicatorRowsTable: trusted,
  indicatorRowsToCsv: trusted,
  neutralizeFormula: safe,
  xlsxCellText: safe,
  rejectedRowsToCsv: trusted,
  toCsv: trusted,
  unitStatisticsTable: trusted,
  unitStatisticsToCsv: trusted,
  // report (issue 16): column models and formats over the library's own typed results (rows, findings, models);
  // a wrong type is a programming error. What they write is masked and escaped (test/report, test/dist/leaks.test.ts)
  dataCells: trusted,
  dataHeader: trusted,
  peopleCells: trusted,
  viewColumns: trusted,
  defaultRenderContext: trusted,
  resolveRenderContext: trusted,
  createCsvCells: trusted,
  createFindingCsvLine: trusted,
  findingCsvSourceTail: trusted,
  findingsCsvHeader: trusted,
  writeFindingsCsv: trusted,
  writeIndicatorRowsCsv: trusted,
  findingTextFormat: trusted,
  writePieces: trusted,
  htmlTablePieces: trusted,
  markdownCell: trusted,
  escapeHtml: trusted,
  createFindingDigest: trusted,
  reportPage: { behaviour: 'trusted', cost: 0.1 },
  reportPagePieces: { behaviour: 'trusted', cost: 0.1 },
  writeReportPage: { behaviour: 'trusted', cost: 0.1 },
  summarizeIndicators: trusted,
  writeJsonArray: trusted,
  writeValidationJson: trusted,
  createJsonSerializer: trusted,
  createJsonByteWriter: trusted, // writes rows into the library's own ByteOutput
  ByteOutput: trusted, // the buffer class itself
  rejectedRowModel: trusted,
  evaluationModel: trusted,
  writeJsonLines: trusted,
  writeValidationNdjson: trusted,
  renderRows: trusted,
  writeRows: trusted,
  createByteSink: trusted,
  createChunkSink: trusted,
  writeBytesTo: trusted,
  findingCells: trusted,
  modelTable: trusted,
  isStreamFormat: safe,
  baselineText: trusted,
  targetText: trusted,
  // report/xlsx: workbooks of the library's own results (typed rows in, like the CSV writers of the same tables)
  indicatorRowsToXlsx: { behaviour: 'trusted', cost: 0.02 },
  // report: the indicator-row model with a year column or not (a typed options object in)
  indicatorRowModel: trusted,
  findingsToXlsx: { behaviour: 'trusted', cost: 0.02 },
  // io/xlsx
  streamUnitStatisticsXlsx: { behaviour: 'safe', cost: 0.05 },
  streamUnitStatisticsXlsxBatches: { behaviour: 'safe', cost: 0.05 },
  readUnitStatisticsXlsx: { behaviour: 'safe', cost: 0.05 },
  // writers serialise the caller's typed values (tables the table functions built): a wrong type is a programming
  // error, like any typed helper; what they write is neutralised and masked (test/dist/leaks.test.ts)
  tablesToXlsx: { behaviour: 'trusted', cost: 0.02 },
  unitStatisticsToXlsx: { behaviour: 'trusted', cost: 0.02 },
  // io/node
  readUnitStatisticsFile: { behaviour: 'node-file', cost: 0.05 },
  streamUnitStatisticsFile: { behaviour: 'node-file', cost: 0.05 },
  // pipeline: jobs from any source, options checked, never a throw (async: rejections count as throws)
  computeIndicatorsFromSource: { behaviour: 'safe', cost: 0.1 },
  validateSource: { behaviour: 'safe', cost: 0.1 },
  validateSourceStreaming: { behaviour: 'safe', cost: 0.1 },
  readSource: { behaviour: 'trusted', cost: 0.1 }, // the event loop under the jobs: takes the caller's own onRow
  // pipeline/node: a path and options; files under 256 KiB (all the fuzz makes) are read in this thread, so the built
  // workers are not needed here — test/dist/parallel.test.ts runs them
  computeIndicatorsFromFile: { behaviour: 'node-file', cost: 0.05 },
  // model
  statisticsField: safe,
  statisticsFieldsOfKind: safe,
  statisticsFieldAppliesTo: safe,
  isUnitKind: safe,
  unitKindOfTotal: safe,
  committeeSize: trusted, // reads a parsed TwoCommittees record
  secretaryIsDirector: trusted, // idem
  parseDataset: safe,
  datasetJsonSchema: { behaviour: 'safe', cost: 0.01 },
  unitStatisticsJsonSchema: { behaviour: 'safe', cost: 0.01 },
  isCommunityWorker: trusted, // reads a parsed Worker record
  maskPerson: trusted, // masks a parsed person record
  buildRegionTree: trusted, // links parsed regions and units (parseDataset is the safe entry)
  toUnitStatistics: trusted, // converts a parsed Unit (the safe path is isRichUnit + parse first)
  parseUnitStatistics: safe,
  // standards
  // documentation of rule profiles: anything that is no list of rule profiles it can show is a ShequError
  describeRules: { behaviour: 'shequ-error', cost: 0.05, valid: () => [[RULE_PROFILES.beijing]] },
  failed: trusted, // builds a rule outcome inside a rule's own check
  notChecked: trusted, // idem
  // derives a rule profile: a base that is no rule profile, changes of the wrong shape or a parameter its rule does
  // not take (type, values, range) is a ShequError at the path of the value
  deriveRuleProfile: {
    behaviour: 'shequ-error',
    cost: 0.3,
    valid: () => [RULE_PROFILES.hebei, ruleChanges()],
  },
  resolveRuleProfile: safe,
  groupFindingsByUnit: trusted, // groups the findings of a report
  safeValidate: safe,
  createValidator: { behaviour: 'factory', methods: ['add', 'end'] },
  validate: { behaviour: 'shequ-error' },
  // geo: conversions and distances are throwing variants on typed points (a bad point or mixed systems is a
  // ShequError: invalid_value / crs_mismatch); the computations return results; the helpers that read a result of
  // computeServiceCircles take the library's own typed value
  assertSameCrs: { behaviour: 'shequ-error' },
  convertCoordinates: { behaviour: 'trusted', writes: [4] }, // the bulk path on plain numbers: writes into `out`
  convertPoint: { behaviour: 'shequ-error' },
  isInsideChinaBox: safe,
  geodesicDistance: { behaviour: 'shequ-error' },
  haversineMetres: safe,
  buildSpatialIndex: { behaviour: 'shequ-error', cost: 0.3 },
  nearestPoint: trusted, // queries an index built by buildSpatialIndex
  pointsWithin: trusted, // idem
  computeServiceCircles: { behaviour: 'safe', cost: 0.3 },
  readResidentialPoints: { behaviour: 'safe', cost: 0.3 },
  readServicePoints: { behaviour: 'safe', cost: 0.3 },
  residentialCircle: trusted, // reads a ServiceCircles result
  unitCircleVerdicts: safe,
  circleStatisticsPatches: safe,
  circleFields: trusted, // reads a ServiceCircles result
  uncoveredResidential: trusted, // reads a ServiceCircles result
  uncoveredGeoJson: trusted, // idem
  checkColocation: { behaviour: 'safe', cost: 0.3 },
  // testing: fast-check arbitraries (test-time configuration, not outside data); the call must not throw
  creditCodeArbitrary: { behaviour: 'factory' },
  creditCodeCharacterArbitrary: { behaviour: 'factory' },
  divisionCodeArbitrary: { behaviour: 'factory' },
  idNumberArbitrary: { behaviour: 'factory' },
  villageCodeArbitrary: { behaviour: 'factory' },
  datasetArbitrary: trusted, // fast-check refuses a non-integer maxUnits itself (test configuration)
  facilityArbitrary: { behaviour: 'factory' },
  unitArbitrary: { behaviour: 'factory' },
  volunteerArbitrary: { behaviour: 'factory' },
  workerArbitrary: { behaviour: 'factory' },
  unitStatisticsArbitrary: { behaviour: 'factory' },
  statisticsRowArbitrary: { behaviour: 'factory' },
};

/** Changes to an indicator profile that use every key, so that the fuzz replaces each. */
function indicatorChanges() {
  const target = {
    comparator: '>=',
    value: 35,
    year: 2025,
    confidence: 'seed',
    source: '区规划',
    quote: '不低于35',
  };
  return {
    id: 'district',
    name: { zh: '某区', en: 'a district' },
    add: [{ indicator: INDICATORS.communityHomes, target: { ...target, value: 90 } }],
    remove: ['village5gCoverage'],
    override: { facilityAreaPer100Households: { target, baseline: null } },
    periods: {
      '15th': {
        baselines: { ruralFacilityCoverage: null },
        targets: { facilityAreaPer100Households: { ...target, year: 2030 } },
      },
    },
    facts: [
      {
        id: 'volunteers',
        name: { zh: '志愿者', en: 'volunteers' },
        value: 1000,
        unit: { zh: '人', en: 'persons' },
        year: 2020,
        confidence: 'seed',
        source: '区规划',
        quote: '志愿者1000人',
      },
    ],
  };
}

/** Changes to a rule profile that use every key, numeric and listed parameters among them. */
function ruleChanges() {
  return {
    id: 'district',
    name: { zh: '某区', en: 'a district' },
    disable: ['service.convenienceOutlets'],
    add: [{ ...RULES.satisfactionSurvey, id: 'district.survey' }],
    severity: { 'facility.activityAreaShare': 'error' },
    parameters: {
      'facility.areaPer100Households': { minimum: 35 },
      'law.termExpiry': { termYears: 5, termChange: '2018-12-29' },
      'workers.per10k': { minimum: 18, comparator: '>=', level: 'county' },
    },
  };
}

/** A profile file that uses every key, numeric rule parameters among them. */
function profileFile() {
  const target = { comparator: '>=', value: 35, confidence: 'seed', source: '区规划' };
  return {
    id: 'district',
    name: { zh: '某区', en: 'a district' },
    extends: 'hebei',
    addIndicators: ['communityHomes'],
    removeIndicators: ['village5gCoverage'],
    periods: {
      '15th': {
        baselines: { ruralFacilityCoverage: null },
        targets: { facilityAreaPer100Households: target },
      },
    },
    facts: [indicatorChanges().facts[0]],
    rules: {
      extends: 'hebei',
      disable: ['service.convenienceOutlets'],
      enable: ['facility.openingHours'],
      severity: { 'facility.activityAreaShare': 'error' },
      parameters: ruleChanges().parameters,
    },
  };
}
