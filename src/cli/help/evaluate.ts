import type { Bilingual } from '../lang.js';

/**
 * `shequ evaluate --help` in both languages: a module of its own, so that asking for help does not load the command
 * (nor the library it runs on).
 */
export const HELP: Bilingual = {
  zh: `用法：shequ evaluate FILE… [选项]

生成一个规划期的评估表（终期评估），版式同规划的主要指标表：省及其地市，每个指标的基期值（十四五为 2020 年，
带比较符）、目标值（2025 年）、属性、由统计行算出的目标年度实际值，以及完成情况（达标 / 未达标 / 无数据 /
无目标），并附计算过程与数据出处。

FILE…  一个或多个统计表（UTF-8 或 GB18030 的 CSV，或 .xlsx），读取全部文件的行。行的年度取自其 年度（统计年度）
       列；没有该列的文件，年度取 --year，否则取文件名中的四位年份（正定县2025.csv），否则命令停止并说明原因。
       只计入目标年度的行。

选项：
  --period ID          规划期：14th 或 15th（默认：--as-of 之前已结束的最近一个规划期）
  --profile NAME       national（默认）、hebei 或 beijing
  --profile-file FILE  配置文件（JSON，见 'shequ schema profile'）：按规划期的目标，可扩展内置配置
  --as-of DATE         评估日期，YYYY-MM-DD（默认：中国的今天）；早于规划期结束时评估为临时性的（会有警告）
  --year YEAR          没有 年度 列的文件所描述的年度
  --group-by LEVELS    逗号分隔：province、prefecture（默认这两级）、county、township、unit
  --regions CODES      逗号分隔的区划代码（13、1301、130123）：只列这些地区及其下辖地区
  --format FORMAT      table（默认）、json、csv、md、html（一个自包含页面）或 xlsx（工作簿：主要指标表，
                       然后是计算过程与出处；须用 --out）
  --out FILE           写入该文件，而不是标准输出（--out - 即标准输出）
  --divisions FILE     code,name 格式的 CSV，用于给地区命名（已内置北京与河北的区划）
                       UTF-8 编码；未采用的行在标准错误上列出行号与原因
  --lang LANG          zh 或 en：表格的语言（默认 zh），以及帮助、错误提示与进度信息的语言
                       （默认取自 LC_ALL、LC_MESSAGES 或 LANG：以 zh 开头为中文，否则为英文）
  -h, --help           显示本帮助

退出码：0 成功；1 有被拒收的行；2 用法错误或文件无法读取。

示例：
  shequ evaluate 2023.csv 2024.csv 2025.csv --profile hebei --period 14th
  shequ evaluate 正定县.csv --year 2025 --profile hebei --format xlsx --out 终期评估.xlsx
`,
  en: `Usage: shequ evaluate FILE… [options]

Writes the evaluation table of a plan period (终期评估), laid out like a plan's 主要指标 table: for the province and
its cities, each indicator's baseline (2020 for the 十四五, with its comparator), target (2025), 属性, the actual value
of the target year computed from the rows, and 完成情况 (met / not met / no data / no target), with the arithmetic
and the sources of the figures.

FILE…  one or more statistics sheets (CSV in UTF-8 or GB18030, or .xlsx); the rows of all of them are read. A row's
       year is its 年度 (统计年度) column; a file without one describes the year of --year, else the four-digit year
       in its name (正定县2025.csv), else the command stops and says so. Only the rows of the target year are counted.

Options:
  --period ID          the plan period, 14th or 15th (default: the latest period ended by --as-of)
  --profile NAME       national (default), hebei or beijing
  --profile-file FILE  a profile file (JSON, see 'shequ schema profile'): targets by plan period, extends a built-in
  --as-of DATE         the date of the evaluation, YYYY-MM-DD (default: today in China); before the period's end
                       the evaluation is provisional (a warning says so)
  --year YEAR          the year described by files without a 年度 column
  --group-by LEVELS    comma-separated: province, prefecture (default both), county, township, unit
  --regions CODES      comma-separated division codes (13, 1301, 130123): only these regions and those within
  --format FORMAT      table (default), json, csv, md, html (one self-contained page) or xlsx (a workbook: the
                       主要指标 table, then the arithmetic and sources; needs --out)
  --out FILE           write there instead of to standard output (--out - is standard output)
  --divisions FILE     a CSV of code,name to name regions (the Beijing and Hebei lists are built in)
                       UTF-8; lines left out are listed on stderr with their line and reason
  --lang LANG          zh or en: the language of the table (default zh) and of help, errors and progress
                       (default: from LC_ALL, LC_MESSAGES or LANG: zh… is Chinese, else English)
  -h, --help           show this help

Exit codes: 0 success; 1 some rows were rejected; 2 usage error or unreadable file.

Examples:
  shequ evaluate 2023.csv 2024.csv 2025.csv --profile hebei --period 14th
  shequ evaluate 正定县.csv --year 2025 --profile hebei --format xlsx --out 终期评估.xlsx
`,
};
