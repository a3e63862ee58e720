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
import {
  type CliStreams,
  checkDistinctPaths,
  checkWritable,
  echo,
  helpHint,
  oneOf,
  openOutput,
  parse,
  UsageError,
  writeWholeFile,
} from './context.js';
import type { Bilingual, Lang } from './lang.js';

/** `shequ circle --help` in both languages. */
export const CIRCLE_HELP: Bilingual = {
  zh: `用法：shequ circle ESTATES SERVICES --crs CRS [选项]

由坐标计算一刻钟社区服务圈：对每个居住点（小区、社区办公点）求出每种必需服务中最近的一处及其距离，
并按单位（社区或村）给出按户数加权的“覆盖 / 部分覆盖 / 未覆盖”结论。可达范围为 GB 50180-2018
生活圈的步行距离（15 分钟：1 000 米；10 分钟：500 米；5 分钟：300 米）除以绕行系数，按直线距离计算。

ESTATES   CSV（UTF-8、UTF-16 或 GB18030），含 经度/lng、纬度/lat 列，可选 名称、代码（所属单位的 12 位代码）、
          户数、人口 —— 或由点（Point）组成、带这些属性的 GeoJSON FeatureCollection
SERVICES  CSV 或 GeoJSON，含 经度/lng、纬度/lat、类型/kind，可选 名称、容量

选项：
  --crs CRS            两个文件的坐标系：gcj02（高德、腾讯）、bd09（百度）、wgs84（GPS）或 cgcs2000；
                       CSV 必须给出（GeoJSON 不给时按 RFC 7946 视为 wgs84）
  --minutes N          生活圈：15（默认）、10 或 5
  --walk METRES        指定步行距离，代替生活圈的默认值
  --detour FACTOR      步行距离 ÷ 直线距离，1 到 10（默认 1.25）
  --kinds LIST         逗号分隔，每个居住点都应能到达的服务类型（默认：北京的六类基本便民商业网点
                       蔬菜零售、便利店（社区超市）、早餐、美容美发、便民维修、家政）
  --by LEVEL           unit（默认）：每个社区或村一条结论；estate：每个居住点一行
  --format FORMAT      table（默认）、json、ndjson、csv、md 或 html：一个页面，表格上方是已覆盖与未覆盖
                       居住点的点图（内嵌 SVG，经投影，无底图瓦片，不联网）
  --out FILE           写入该文件，而不是标准输出
  --rejects FILE       把两个文件中被拒收的记录写入该文件（CSV：文件、行、列、值、原因）
  --uncovered FILE     把未覆盖的居住点写入该文件，格式为 GeoJSON（坐标系同 --crs）
  --lang LANG          zh 或 en：table、md 与 csv 的表头及 table、md 中文字的语言（默认 zh），以及帮助、错误
                       提示与进度信息的语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG：以 zh 开头为中文，否则为英文）
  -h, --help           显示本帮助

单位行说明结论填入了哪些统计字段：inQuarterHourCircle（一刻钟社区服务圈，仅 15 分钟生活圈）和
basicCommerce（基本便民商业网点全覆盖，要求六类网点时）—— 即指标 quarterHourCircleCoverage 与
basicCommerceCoverage 所用的字段。

退出码：0 成功；1 有被拒收的记录；2 用法错误、文件无法读取或输出无法写入。

示例：
  shequ circle 小区.csv 网点.csv --crs gcj02 --minutes 15
  shequ circle 小区.csv 网点.csv --crs bd09 --by estate --format csv --out 服务圈.csv --uncovered 未覆盖.geojson
  shequ circle 小区.csv 网点.csv --crs gcj02 --format html --out 服务圈.html
`,
  en: `Usage: shequ circle ESTATES SERVICES --crs CRS [options]

Computes the 一刻钟社区服务圈 (15-minute community service circles) from coordinates: for each residential point (小区,
community office) the nearest service of each required kind and its distance, and per unit (community or village) a
covered / partly / not verdict weighted by households. Reach is the walking distance of the life circle of
GB 50180-2018 (15 minutes: 1 000 m; 10: 500 m; 5: 300 m) divided by a detour factor, as a straight line.

ESTATES   CSV (UTF-8, UTF-16 or GB18030) with columns 经度/lng, 纬度/lat and optionally 名称, 代码 (the unit's
          12-digit code), 户数, 人口 — or a GeoJSON FeatureCollection of Points with those properties
SERVICES  CSV or GeoJSON with 经度/lng, 纬度/lat, 类型/kind and optionally 名称, 容量

Options:
  --crs CRS            coordinate system of both files: gcj02 (Amap, Tencent), bd09 (Baidu), wgs84 (GPS) or
                       cgcs2000; required for CSV (GeoJSON without it: wgs84, as RFC 7946 says)
  --minutes N          life circle: 15 (default), 10 or 5
  --walk METRES        walking distance instead of the circle's
  --detour FACTOR      walking ÷ straight-line distance, 1 to 10 (default 1.25)
  --kinds LIST         comma-separated kinds every residential point must reach (default: Beijing's six basic
                       convenience outlets 蔬菜零售, 便利店（社区超市）, 早餐, 美容美发, 便民维修, 家政)
  --by LEVEL           unit (default): a verdict per community or village; estate: a row per residential point
  --format FORMAT      table (default), json, ndjson, csv, md, or html: one page with a dot map of the covered and
                       uncovered residential points (inline SVG, projected, no tiles, no network) above the table
  --out FILE           write there instead of to standard output
  --rejects FILE       write the rejected records of both files there (CSV: file, line, column, value, reason)
  --uncovered FILE     write the residential points not covered there, as GeoJSON (in --crs)
  --lang LANG          zh or en: the headers of table, md and csv, the words of table and md (default zh), and
                       the language of help, errors and progress (default: from LC_ALL, LC_MESSAGES or LANG: zh… is
                       Chinese, else English)
  -h, --help           show this help

The unit rows say which statistics fields the verdict fills: inQuarterHourCircle (一刻钟社区服务圈, 15-minute circle
only) and basicCommerce (基本便民商业网点全覆盖, when the six outlets are required) — the fields of the indicators
quarterHourCircleCoverage and basicCommerceCoverage.

Exit codes: 0 success; 1 some records were rejected; 2 usage error, unreadable file or output that cannot be written.

Examples:
  shequ circle 小区.csv 网点.csv --crs gcj02 --minutes 15
  shequ circle 小区.csv 网点.csv --crs bd09 --by estate --format csv --out 服务圈.csv --uncovered 未覆盖.geojson
  shequ circle 小区.csv 网点.csv --crs gcj02 --format html --out 服务圈.html
`,
};

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
  const list = verdicts.success ? verdicts.data : [];
  const fields = circleFields(circles);
  const patches = new Map(circleStatisticsPatches(list, { fields }).map((patch) => [patch.code, patch]));
  const unitNameMap = await unitNames(list.map((verdict) => verdict.unit));
  return { circles, estates, services, verdicts: list, patches, fields, unitNames: unitNameMap };
}

/** The coverage in one line of stderr: estates and households covered, and the reach used. */
export function summaryLine(results: CircleResults, prefix = 'shequ circle: '): string {
  const { circles, estates } = results;
  let covered = 0;
  let households = 0;
  let coveredHouseholds = 0;
  for (let i = 0; i < circles.count; i++) {
    const weight = estates[i]?.households ?? 0;
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
  if (!circles.success) {
    const issue = circles.error.issues[0] as Issue;
    throw new UsageError(
      {
        zh: `shequ circle：${issue.message.zh}`,
        en: `shequ circle: ${issue.message.zh} / ${issue.message.en}`,
      },
      helpHint('circle'),
    );
  }
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
  checkDistinctPaths('circle', estatesFile, outputs);
  checkDistinctPaths('circle', servicesFile, outputs);
  for (const path of Object.values(outputs)) await checkWritable(path);
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
    );
  if (outputs['--uncovered'] !== undefined) {
    const { uncoveredGeoJson } = await import('shequ/geo');
    const geojson = uncoveredGeoJson(results.circles, estates.points, { crs: settings.crs ?? 'wgs84' });
    // Strings masked before escaping (an ID number with a tab is `\t` once in JSON, out of the text filter's sight).
    const text = JSON.stringify(geojson, (_key, value: unknown) =>
      typeof value === 'string' ? maskIdNumbersInText(value) : value,
    );
    await writeWholeFile(outputs['--uncovered'], maskIdNumbersInText(`${text}\n`));
  }
  return estates.counts.rejected + services.counts.rejected > 0 ? 1 : 0;
}
