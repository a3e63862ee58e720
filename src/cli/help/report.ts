import type { Bilingual } from '../lang.js';

/**
 * `shequ report --help` in both languages: a module of its own, so that asking for help does not load the command
 * (nor the library it runs on).
 */
export const HELP: Bilingual = {
  zh: `用法：shequ report FILE… --out report.html [选项]

为阅读者生成一个自包含的 HTML 页面：先是摘要（每个指标：排名第一的地区与目标对照，以及达标、进度正常、
落后、未达标、无目标或无数据的地区数，附颜色图例），再是每个指标一张柱状图（内嵌 SVG，不从网络获取任何
内容）、按地区的指标表，以及按规则汇总的校验发现。全部校验发现另写入页面旁的 CSV：--out report.html
生成 report.findings.csv。
可给出多个文件（每年一个，如 2023.csv 2024.csv 2025.csv；年度取自 年度 列，否则取自文件名中的年份），或一个带
年度 列的文件：数据跨越多个年度时，摘要和柱状图显示最近一年，并为每个指标增加一张折线图（横轴为年份，每个地区
一条线，最多 8 条；目标为虚线，基线为基线年的标记；附数值表）。若某规划期在 --as-of 之前已经结束（如 2026 年起
的十四五），页面顶部先给出该规划期的终期评估表（省和各市，按规划“主要指标”表的格式）。
中文需要 CJK 字体（Debian/Ubuntu：apt install fonts-noto-cjk），见 docs/report.md。

选项：
  --out FILE           要写入的 HTML 文件（必填；不能是 -：页面旁另写 CSV）
  --profile NAME       national（默认）、hebei 或 beijing
  --profile-file FILE  配置文件（JSON，见 'shequ schema profile'）
  --period ID          采用哪个规划期的目标：14th 或 15th（默认：--as-of 所在的规划期）
  --group-by LEVELS    显示的地区层级（默认 county）
  --as-of DATE         YYYY-MM-DD（默认：中国的今天）
  --rejects FILE       把被拒收的行写入该文件（仅限一个 FILE）；- 即标准输出
  --divisions FILE     code,name 格式的 CSV，用于给地区命名
                       UTF-8 编码；未采用的行在标准错误上列出行号与原因
  --lang LANG          zh 或 en：页面的语言（默认 zh），以及帮助、错误提示与进度信息的语言
                       （默认取自 LC_ALL、LC_MESSAGES 或 LANG：以 zh 开头为中文，否则为英文）
  -h, --help           显示本帮助

退出码：0 成功；1 有被拒收的行；2 用法错误或文件无法读取。

示例：
  shequ report 正定县.csv --profile hebei --out 正定县.html
  shequ report 正定县2023.csv 正定县2024.csv 正定县2025.csv --profile hebei --as-of 2026-06-30 --out 趋势.html
`,
  en: `Usage: shequ report FILE… --out report.html [options]

Writes one self-contained HTML page for people: a summary (per indicator the top region against its target and how
many regions are met, on track, behind, not met, without target or data, under a colour legend), a bar chart per
indicator (inline SVG, nothing fetched from the network), the indicator table by region, and the findings summarised
by rule. Every finding is also written beside the page as CSV: --out report.html gives report.findings.csv.
Several files may be given (one per year, e.g. 2023.csv 2024.csv 2025.csv; each row's year from its 年度 column, else
the year in the file's name), or one file with a 年度 column: when the rows span years, the summary and bars show the
latest year, and each indicator gets a line chart (years across, one line per region, at most 8; the target dashed,
the baseline marked at its year; a table of the values). When a plan period has ended by --as-of (the 14th from
2026), its final evaluation table (province and cities, laid out as the plan's main indicators) comes on top.
Chinese text needs a CJK font (Debian/Ubuntu: apt install fonts-noto-cjk); see docs/report.md.

Options:
  --out FILE           the HTML file to write (required; not -: CSVs are written beside it)
  --profile NAME       national (default), hebei or beijing
  --profile-file FILE  a profile file (JSON, see 'shequ schema profile')
  --period ID          the plan period whose targets apply, 14th or 15th (default: the period of --as-of)
  --group-by LEVELS    region levels shown (default county)
  --as-of DATE         YYYY-MM-DD (default: today in China)
  --rejects FILE       write the rejected rows there (one FILE only); - is standard output
  --divisions FILE     a CSV of code,name to name regions
                       UTF-8; lines left out are listed on stderr with their line and reason
  --lang LANG          zh or en: the language of the page (default zh) and of help, errors and progress
                       (default: from LC_ALL, LC_MESSAGES or LANG: zh… is Chinese, else English)
  -h, --help           show this help

Exit codes: 0 success; 1 some rows were rejected; 2 usage error or unreadable file.

Examples:
  shequ report 正定县.csv --profile hebei --out 正定县.html
  shequ report 正定县2023.csv 正定县2024.csv 正定县2025.csv --profile hebei --as-of 2026-06-30 --out trend.html
`,
};
