import type { Bilingual } from '../lang.js';

/**
 * `shequ indicators --help` in both languages: a module of its own, so that asking for help does not load the command
 * (nor the library it runs on).
 */
export const HELP: Bilingual = {
  zh: `用法：shequ indicators FILE… [选项]

计算统计表（UTF-8 或 GB18030 编码的 CSV，或 .xlsx）的十四五指标，按地区汇总。带年度（年度 列）的行按地区和
年度给出结果，按该年年末评判；多个文件合成一个时间序列：没有 年度 列的文件取 --year，否则取文件名中的
四位年份（正定县2023.csv）。

选项：
  --profile NAME       national（默认）、hebei 或 beijing
  --profile-file FILE  配置文件（JSON，见 'shequ schema profile'）：按规划期给出目标，可扩展内置配置
  --period ID          采用哪个规划期的目标：14th 或 15th，不论日期（默认：--as-of 所在的规划期）；
                       只给 --period 14th 即十四五终期评估，截至 2025-12-31
  --group-by LEVELS    逗号分隔：province、prefecture、county、township、unit（默认：四级地区）
  --as-of DATE         判断目标进度的日期，YYYY-MM-DD（默认：中国的今天）；它决定规划期（十四五
                       2021–2025；十五五 2026–2030：暂无内置目标，状态为 no-target）
  --format FORMAT      table（默认）、json、ndjson、csv、md 或 xlsx；json 为一个数组（每行一条），ndjson 为每行
                       一个对象、前后无其他内容（JSON Lines，便于脚本流式读取）；xlsx 为工作簿（数字为数值、
                       表头冻结），须用 --out FILE.xlsx
  --out FILE           写入该文件，而不是标准输出（--out - 即标准输出）
  --rejects FILE       把被拒收的行写入该文件（CSV：行号、原始单元格、原因）；- 即标准输出
                       （此时结果须用 --out FILE 写入文件）
  --divisions FILE     code,name 格式的 CSV，用于给地区命名（已内置北京与河北的区划）
                       UTF-8 编码；未采用的行在标准错误上列出行号与原因
  --workers N          读取 CSV 文件的线程数（默认：文件达到 32 MiB 时为本机核数，否则为 1）；
                       结果与 N 无关
  --year YEAR          没有年度的行所属的年度（没有 年度 列的文件）
  --crosswalk FILE     区划代码变更（CSV：原代码,新代码,起始年度）：变更之前各年的行计入新代码，
                       使各年都按最新区划比较
  --series             改为输出时间序列：每个地区和指标各年的值、相对基期的变化、从基期到目标的
                       进度线及所处位置、变化量与年均变化
  --lang LANG          zh 或 en：table 与 md 输出的语言（默认 zh），以及帮助、错误提示与进度信息的语言
                       （默认取自 LC_ALL、LC_MESSAGES 或 LANG：以 zh 开头为中文，否则为英文）
  -h, --help           显示本帮助

退出码：0 成功；1 有被拒收的行；2 用法错误或文件无法读取。

示例：
  shequ indicators 正定县.csv --profile hebei --group-by county,township
  shequ indicators national.csv --format json --out indicators.json --rejects rejected.csv
  shequ indicators 正定县2021.csv 正定县2022.csv 正定县2023.csv --profile hebei --group-by county --series
`,
  en: `Usage: shequ indicators FILE… [options]

Computes the 十四五 indicators of a statistics sheet (CSV in UTF-8 or GB18030, or .xlsx), rolled up by region.
Rows with a year (a 年度 column) give rows per region and year, judged at that year's end; several files make one
series: a file without a 年度 column takes --year, else the four-digit year in its name (正定县2023.csv).

Options:
  --profile NAME       national (default), hebei or beijing
  --profile-file FILE  a profile file (JSON, see 'shequ schema profile'): targets by plan period, extends a built-in
  --period ID          the plan period whose targets apply, 14th or 15th, whatever the date (default: the period
                       of --as-of); --period 14th alone is the 十四五 final evaluation, as of 2025-12-31
  --group-by LEVELS    comma-separated: province, prefecture, county, township, unit (default: the four regions)
  --as-of DATE         date for the progress against targets, YYYY-MM-DD (default: today in China); it chooses
                       the plan period (十四五 2021–2025, 十五五 2026–2030: no built-in targets, status no-target)
  --format FORMAT      table (default), json, ndjson, csv, md or xlsx; json is one array (a row per line), ndjson
                       one row object per line with nothing around them (JSON Lines, for scripts that stream);
                       xlsx a workbook (numbers as numbers, frozen header), written to --out FILE.xlsx
  --out FILE           write there instead of to standard output (--out - is standard output)
  --rejects FILE       write the rejected rows there (CSV: line, original cells, reason); - is standard output
                       (the results then go to --out FILE)
  --divisions FILE     a CSV of code,name to name regions (the Beijing and Hebei lists are built in)
                       UTF-8; lines left out are listed on stderr with their line and reason
  --workers N          threads reading a CSV file (default: the machine's cores for a file of 32 MiB or more,
                       else 1); the figures are the same for every N
  --year YEAR          the year of rows without one (a file without a 年度 column)
  --crosswalk FILE     division code changes (CSV: 原代码,新代码,起始年度 / old code,new code,from year): rows of
                       the years before a change count under the new code, so every year is in the latest divisions
  --series             print the series over years instead: per region and indicator each year's value, its
                       change against the baseline, the line from baseline to target and where the value stands
                       on it, the change and the average annual change
  --lang LANG          zh or en: the language of table and md (default zh) and of help, errors and progress
                       (default: from LC_ALL, LC_MESSAGES or LANG: zh… is Chinese, else English)
  -h, --help           show this help

Exit codes: 0 success; 1 some rows were rejected; 2 usage error or unreadable file.

Examples:
  shequ indicators 正定县.csv --profile hebei --group-by county,township
  shequ indicators national.csv --format json --out indicators.json --rejects rejected.csv
  shequ indicators 正定县2021.csv 正定县2022.csv 正定县2023.csv --profile hebei --group-by county --series
`,
};
