import type { Bilingual } from '../lang.js';

/**
 * `shequ circle --help` in both languages: a module of its own, so that asking for help does not load the command
 * (nor the library it runs on).
 */
export const HELP: Bilingual = {
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
  --out FILE           写入该文件，而不是标准输出（--out - 即标准输出）
  --rejects FILE       把两个文件中被拒收的记录写入该文件（CSV：文件、行、列、值、原因）
  --uncovered FILE     把未覆盖的居住点写入该文件，格式为 GeoJSON（坐标系同 --crs）
                       --rejects 与 --uncovered 可用 - 即标准输出：仅限一个，且结果须用 --out 写入文件
  --lang LANG          zh 或 en：table、md 与 csv 的表头及 table、md 中文字的语言（默认 zh），以及帮助、错误
                       提示与进度信息的语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG：以 zh 开头为中文，否则为英文）
  -h, --help           显示本帮助

单位行说明结论填入了哪些统计字段：inQuarterHourCircle（一刻钟社区服务圈，仅 15 分钟生活圈）和
basicCommerce（基本便民商业网点全覆盖，要求六类网点时）—— 即指标 quarterHourCircleCoverage 与
basicCommerceCoverage 所用的字段。

退出码：0 成功；1 有被拒收的记录；2 用法错误、文件无法读取、某单位户数合计超过 2^53 − 1 或输出无法写入。

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
  --out FILE           write there instead of to standard output (--out - is standard output)
  --rejects FILE       write the rejected records of both files there (CSV: file, line, column, value, reason)
  --uncovered FILE     write the residential points not covered there, as GeoJSON (in --crs)
                       - for --rejects or --uncovered is standard output: one of them, with the results in --out FILE
  --lang LANG          zh or en: the headers of table, md and csv, the words of table and md (default zh), and
                       the language of help, errors and progress (default: from LC_ALL, LC_MESSAGES or LANG: zh… is
                       Chinese, else English)
  -h, --help           show this help

The unit rows say which statistics fields the verdict fills: inQuarterHourCircle (一刻钟社区服务圈, 15-minute circle
only) and basicCommerce (基本便民商业网点全覆盖, when the six outlets are required) — the fields of the indicators
quarterHourCircleCoverage and basicCommerceCoverage.

Exit codes: 0 success; 1 some records were rejected; 2 usage error, unreadable file, a unit whose households add up
past 2^53 − 1, or output that cannot be written.

Examples:
  shequ circle 小区.csv 网点.csv --crs gcj02 --minutes 15
  shequ circle 小区.csv 网点.csv --crs bd09 --by estate --format csv --out 服务圈.csv --uncovered 未覆盖.geojson
  shequ circle 小区.csv 网点.csv --crs gcj02 --format html --out 服务圈.html
`,
};
