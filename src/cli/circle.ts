import { readFile } from 'node:fs/promises';
import { type Issue, maskIdNumbersInText } from 'shequ';
import type {
  ComputeServiceCirclesOptions,
  Crs,
  PointReadResult,
  ResidentialPoint,
  ServiceCircles,
  ServicePoint,
} from 'shequ/geo';
import type { CircleFormat, CircleLevel, CircleResults } from './circle-output.js';
import { type CliStreams, echo, helpHint, oneOf, parse, UsageError } from './context.js';
import type { Lang } from './lang.js';
import { checkOutputPaths, checkStandardOutput, openOutput, RESULTS, writeWholeFile } from './output.js';

/** The parsed options of `shequ circle`. */
interface CircleSettings {
  readonly crs: Crs | undefined;
  readonly compute: ComputeServiceCirclesOptions;
  readonly level: CircleLevel;
  readonly format: CircleFormat;
  readonly lang: Lang;
}

/** A number option, or a usage error naming it. */
function numberOption(name: string, text: string | undefined, example: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(
      {
        zh: `shequ circle：--${name} 应为数字，而不是 '${echo(text)}'`,
        en: `shequ circle: --${name} takes a number, not '${echo(text)}'`,
      },
      { zh: `示例：--${name} ${example}`, en: `Example: --${name} ${example}` },
    );
  return value;
}

function settingsOf(values: Record<string, string | boolean | undefined>): CircleSettings {
  const crs = oneOf<Crs>(
    'circle',
    'crs',
    values.crs as string | undefined,
    ['gcj02', 'bd09', 'wgs84', 'cgcs2000'],
    'wgs84',
  );
  const minutes = Number(
    oneOf('circle', 'minutes', values.minutes as string | undefined, ['15', '10', '5'], '15'),
  ) as 5 | 10 | 15;
  const walkingMetres = numberOption('walk', values.walk as string | undefined, '800');
  const detourFactor = numberOption('detour', values.detour as string | undefined, '1.3');
  const kinds = (values.kinds as string | undefined)
    ?.split(/[,，、]/)
    .map((kind) => kind.trim())
    .filter((kind) => kind !== '');
  if (kinds !== undefined && kinds.length === 0)
    throw new UsageError(
      { zh: 'shequ circle：--kinds 没有给出任何类型', en: 'shequ circle: --kinds names no kind' },
      { zh: '示例：--kinds 早餐,家政', en: 'Example: --kinds 早餐,家政' },
    );
  return {
    crs: values.crs === undefined ? undefined : crs,
    compute: {
      minutes,
      ...(walkingMetres === undefined ? {} : { walkingMetres }),
      ...(detourFactor === undefined ? {} : { detourFactor }),
      ...(kinds === undefined ? {} : { requiredKinds: kinds }),
    },
    level: oneOf('circle', 'by', values.by as string | undefined, ['unit', 'estate'] as const, 'unit'),
    format: oneOf(
      'circle',
      'format',
      values.format as string | undefined,
      ['table', 'json', 'ndjson', 'csv', 'md', 'html'] as const,
      'table',
    ),
    lang: oneOf<Lang>('circle', 'lang', values.lang as string | undefined, ['zh', 'en'], 'zh'),
  };
}

/** A point file that cannot be read ends the command with exit 2: never an empty result passed for a read. */
function failIfUnreadable(file: string, result: PointReadResult<unknown>): void {
  const fatal = result.issues.find((issue) => issue.severity === 'error');
  if (fatal === undefined) return;
  const needsCrs = fatal.code === 'invalid_option' && fatal.path?.[0] === 'crs';
  throw new UsageError(
    {
      zh: `shequ circle：无法读取 ${echo(file)}：${fatal.message.zh}`,
      en: `shequ circle: cannot read ${echo(file)}: ${fatal.message.zh} / ${fatal.message.en}`,
    },
    needsCrs
      ? {
          zh: '请说明 CSV 中坐标的坐标系：--crs gcj02（高德、腾讯）、bd09（百度）或 wgs84（GPS）。',
          en: 'Say which coordinates the CSV holds: --crs gcj02 (Amap, Tencent), bd09 (Baidu) or wgs84 (GPS).',
        }
      : {
          zh: '未做任何计算。可读取含 经度、纬度 列的 CSV（UTF-8、UTF-16 或 GB18030）或由点组成的 GeoJSON；见 docs/geo.md。',
          en: 'Nothing was computed. CSV (UTF-8, UTF-16 or GB18030) with 经度 and 纬度 columns, or GeoJSON Points; see docs/geo.md.',
        },
  );
}

/** Reads one point file whole (bytes: the reader finds the encoding, or GeoJSON). */
async function readPointFile<Point>(
  file: string,
  crs: Crs | undefined,
  read: (input: Uint8Array, options: { crs?: Crs }) => PointReadResult<Point>,
): Promise<PointReadResult<Point>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(
      {
        zh: `shequ circle：无法读取 ${echo(file)}（${code}）`,
        en: `shequ circle: cannot read ${echo(file)} (${code})`,
      },
      { zh: '请检查路径。', en: 'Check the path.' },
    );
  }
  const result = read(bytes, crs === undefined ? {} : { crs });
  failIfUnreadable(file, result);
  return result;
}

const MAX_LISTED = 5;

/** One issue as a line of stderr: where (line or feature, column) and why, in both languages. */
function issueLine(file: string, issue: Issue, index?: number): string {
  const where = [
    issue.line === undefined
      ? index === undefined
        ? ''
        : `feature ${index}`
      : `第 ${issue.line} 行 line ${issue.line}`,
    issue.column ?? '',
  ]
    .filter((part) => part !== '')
    .join(', ');
  return `shequ circle: ${echo(file)}${where === '' ? '' : ` ${where}`}: ${issue.message.zh} / ${issue.message.en}\n`;
}

/** What was read of one file, on stderr: counts that add up, the first rejects, warnings grouped by code. */
function reportFile(
  label: string,
  file: string,
  result: PointReadResult<unknown>,
  streams: CliStreams,
): void {
  const { counts } = result;
  streams.stderr.write(
    `shequ circle: ${label} ${echo(file)}: 读取 ${counts.read} 行 read · 接受 ${counts.accepted} accepted · 拒收 ${counts.rejected} rejected\n`,
  );
  for (const rejected of result.rejected.slice(0, MAX_LISTED))
    for (const issue of rejected.issues) streams.stderr.write(issueLine(file, issue, rejected.index));
  if (result.rejected.length > MAX_LISTED)
    streams.stderr.write(
      `shequ circle: ${echo(file)}: 另有 ${result.rejected.length - MAX_LISTED} 条被拒收 / ${result.rejected.length - MAX_LISTED} more rejected (--rejects FILE 列出全部 lists them all)\n`,
    );
  const byCode = new Map<string, Issue[]>();
  for (const issue of result.issues) {
    if (issue.severity !== 'warning') continue;
    const same = byCode.get(issue.code);
    if (same === undefined) byCode.set(issue.code, [issue]);
    else same.push(issue); // one at a time: a file may hold a million points outside China
  }
  for (const [code, issues] of byCode) {
    const first = issues[0] as Issue;
    const more = issues.length > 1 ? ` (${issues.length} × ${code}; the first shown)` : '';
    streams.stderr.write(issueLine(file, first).replace(': ', `: 警告 warning${more}: `));
  }
}

/** The rejected records of both files as CSV: one line per reason. */
async function rejectsCsv(files: readonly [string, PointReadResult<unknown>][]): Promise<string> {
  const { createCsvCells } = await import('../report/csv.js');
  const cell = createCsvCells();
  const lines = ['\ufeff文件 file,行 line,要素 feature,列 column,值 value,原因 reason'];
  for (const [file, result] of files)
    for (const rejected of result.rejected)
      for (const issue of rejected.issues)
        lines.push(
          [
            file,
            rejected.line,
            rejected.index,
            issue.column,
            issue.value,
            `${issue.message.zh} / ${issue.message.en}`,
          ]
            .map((value) => cell(value as string | number | undefined))
            .join(','),
        );
  return `${lines.join('\r\n')}\r\n`;
}

/** Names of the units the shipped lists know, each list loaded only when a code of its province is there. */
async function unitNames(units: Iterable<string>): Promise<Map<string, string>> {
  const codes = [...units];
  const names = new Map<string, string>();
  const lists = [
    ['11', async () => (await import('shequ/divisions/beijing')).beijingDivisions],
    ['13', async () => (await import('shequ/divisions/hebei')).hebeiDivisions],
  ] as const;
  for (const [prefix, load] of lists) {
    if (!codes.some((code) => code.startsWith(prefix))) continue;
    const list = await load();
    for (const code of codes) {
      const name = list.divisions.get(code)?.name;
      if (name !== undefined) names.set(code, name);
    }
  }
  return names;
}

/** The verdicts, patches and names for the unit rows. */
async function resultsOf(
  circles: ServiceCircles,
  estates: readonly ResidentialPoint[],
  services: readonly ServicePoint[],
): Promise<CircleResults> {
  const { circleFields, circleStatisticsPatches, unitCircleVerdicts } = await import('shequ/geo');
  const verdicts = unitCircleVerdicts(circles, estates);
  // Refused only when a unit's households pass 2^53 − 1 (the reader has checked every count): never an empty list.
  if (!verdicts.success) throw computationError(verdicts.error.issues[0] as Issue);
  const list = verdicts.data;
  const fields = circleFields(circles);
  const patches = new Map(circleStatisticsPatches(list, { fields }).map((patch) => [patch.code, patch]));
  const unitNameMap = await unitNames(list.map((verdict) => verdict.unit));
  return { circles, estates, services, verdicts: list, patches, fields, unitNames: unitNameMap };
}

/** What the input makes impossible to compute (mixed systems, a unit's households past 2^53 − 1): exit 2. */
function computationError(issue: Issue): UsageError {
  return new UsageError(
    {
      zh: `shequ circle：${issue.message.zh}`,
      en: `shequ circle: ${issue.message.zh} / ${issue.message.en}`,
    },
    helpHint('circle'),
  );
}

/** The coverage in one line of stderr: estates and households covered (summed exactly), and the reach used. */
export function summaryLine(results: CircleResults, prefix = 'shequ circle: '): string {
  const { circles, estates } = results;
  let covered = 0;
  // BigInt: each count is a whole number up to 2^53 − 1 (the reader checks it), their total may pass it.
  let households = 0n;
  let coveredHouseholds = 0n;
  for (let i = 0; i < circles.count; i++) {
    const weight = BigInt(estates[i]?.households ?? 0);
    households += weight;
    if (circles.covered[i] === 1) {
      covered++;
      coveredHouseholds += weight;
    }
  }
  const share = circles.count === 0 ? 0 : (covered / circles.count) * 100;
  const withoutUnit = estates.filter((point) => point.unit === undefined).length;
  return (
    `${prefix}覆盖 covered ${covered} / ${circles.count} 居住点 residential points (${share.toFixed(1)} %) · ` +
    `${coveredHouseholds} / ${households} 户 households · ${results.verdicts.length} 单位 units; ` +
    `reach ${Math.round(circles.reachMetres)} m straight line (${circles.minutes} min, ${circles.walkingMetres} m walk ÷ ${circles.detourFactor})` +
    `${withoutUnit > 0 ? `; ${withoutUnit} without a unit code (in no unit verdict)` : ''}\n`
  );
}

/** Reads both files and computes the circles, the unit verdicts and their patches. */
export async function computeCircles(
  estatesFile: string,
  servicesFile: string,
  settings: Pick<CircleSettings, 'crs' | 'compute'>,
): Promise<{
  estates: PointReadResult<ResidentialPoint>;
  services: PointReadResult<ServicePoint>;
  results: CircleResults;
}> {
  const geo = await import('shequ/geo');
  const estates = await readPointFile(estatesFile, settings.crs, geo.readResidentialPoints);
  const services = await readPointFile(servicesFile, settings.crs, geo.readServicePoints);
  const circles = geo.computeServiceCircles(estates.points, services.points, settings.compute);
  if (!circles.success) throw computationError(circles.error.issues[0] as Issue);
  return { estates, services, results: await resultsOf(circles.data, estates.points, services.points) };
}

/** `shequ circle ESTATES SERVICES`. */
export async function runCircle(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values, positionals } = parse(
    'circle',
    args,
    {
      crs: { type: 'string' },
      minutes: { type: 'string' },
      walk: { type: 'string' },
      detour: { type: 'string' },
      kinds: { type: 'string' },
      by: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      rejects: { type: 'string' },
      uncovered: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    2,
    {
      zh: '只取两个文件：居住点与服务点',
      en: 'two files only, the residential points and the service points',
      example: '小区.csv 网点.csv --crs gcj02',
    },
  );
  const [estatesFile, servicesFile] = positionals;
  if (estatesFile === undefined || servicesFile === undefined)
    throw new UsageError(
      {
        zh: 'shequ circle：请给出两个文件：居住点与服务点',
        en: 'shequ circle: give two files, the residential points and the service points',
      },
      {
        zh: '示例：shequ circle 小区.csv 网点.csv --crs gcj02',
        en: 'Example: shequ circle 小区.csv 网点.csv --crs gcj02',
      },
    );
  const settings = settingsOf(values);
  const outputs = {
    '--out': values.out as string | undefined,
    '--rejects': values.rejects as string | undefined,
    '--uncovered': values.uncovered as string | undefined,
  };
  checkStandardOutput(
    'circle',
    { '--rejects': outputs['--rejects'], '--uncovered': outputs['--uncovered'] },
    outputs['--out'] === undefined ? RESULTS : undefined,
  );
  await checkOutputPaths('circle', [estatesFile, servicesFile], outputs);
  const { estates, services, results } = await computeCircles(estatesFile, servicesFile, settings);
  const output = openOutput(outputs['--out'], streams);
  const { writeCircleResults } = await import('./circle-output.js');
  await writeCircleResults(results, settings.level, settings.format, settings.lang, output);
  await output.close();
  reportFile('居住点 residential', estatesFile, estates, streams);
  reportFile('服务点 services', servicesFile, services, streams);
  streams.stderr.write(summaryLine(results));
  if (outputs['--rejects'] !== undefined)
    await writeWholeFile(
      outputs['--rejects'],
      await rejectsCsv([
        [estatesFile, estates],
        [servicesFile, services],
      ]),
      streams,
    );
  if (outputs['--uncovered'] !== undefined) {
    const { uncoveredGeoJson } = await import('shequ/geo');
    const geojson = uncoveredGeoJson(results.circles, estates.points, { crs: settings.crs ?? 'wgs84' });
    // Strings masked before escaping (an ID number with a tab is `\t` once in JSON, out of the text filter's sight).
    const text = JSON.stringify(geojson, (_key, value: unknown) =>
      typeof value === 'string' ? maskIdNumbersInText(value) : value,
    );
    await writeWholeFile(outputs['--uncovered'], maskIdNumbersInText(`${text}\n`), streams);
  }
  return estates.counts.rejected + services.counts.rejected > 0 ? 1 : 0;
}
