import type { Bilingual } from '../lang.js';

/**
 * `shequ validate --help` in both languages: a module of its own, so that asking for help does not load the command
 * (nor the library it runs on).
 */
export const HELP: Bilingual = {
  zh: `用法：shequ validate FILE [选项]

按规划的规则、居委会与村委会组织法和代码标准检查统计表；每条发现都注明出处。缺少数据的规则计为未检查。

选项：
  --profile NAME       national（默认）、hebei 或 beijing
  --profile-file FILE  配置文件（JSON，见 'shequ schema profile'）：开启或关闭规则、调整级别
  --as-of DATE         规则适用的日期，YYYY-MM-DD（默认：中国的今天）
  --format FORMAT      table（默认）、json、ndjson、csv、md 或 xlsx；ndjson：每行一条发现，最后一行为
                       {"asOf","profile","summary"}（不含发现的报告）；xlsx：工作簿（汇总表加每条规则一张表），
                       须用 --out FILE.xlsx，汇总打印到标准输出
  --out FILE           写入该文件，而不是标准输出（--out - 即标准输出）
  --fail-on LEVEL      error（默认）、warning、info 或 never：有至少这一级别的发现（或有被拒收的行，
                       never 除外）时退出码为 1
  --rejects FILE       把被拒收的行写入该文件（CSV：行号、原始单元格、原因）；- 即标准输出
                       （此时结果须用 --out FILE 写入文件，且不能是工作簿：其汇总打印到标准输出）
  --divisions FILE     code,name 格式的 CSV：不在其中的代码会被报告（code.divisionKnown）
                       UTF-8 编码；未采用的行在标准错误上列出行号与原因
  --workers N          检查 CSV 文件的线程数，用于 json、ndjson 与 csv 输出（默认：64 MiB 以内的文件用本机
                       全部核心，更大的文件用 1 个线程，以限制内存）；输出与 N 无关，逐字节相同
  --lang LANG          zh 或 en：table、md 及发现文字的语言（默认 zh），以及帮助、错误提示与进度信息的
                       语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG：以 zh 开头为中文，否则为英文）
  -h, --help           显示本帮助

退出码：0 没有达到 --fail-on 级别的发现；1 有达到该级别的发现或有被拒收的行；2 用法错误、文件无法读取
或输出无法写入。

示例：
  shequ validate 正定县.csv --profile hebei --as-of 2026-01-01
  shequ validate 东城区.xlsx --profile beijing --format json --fail-on warning
`,
  en: `Usage: shequ validate FILE [options]

Checks a statistics sheet against the rules of the plans, the committee laws and the code standards; every finding
cites its source. Rules whose data are missing are counted as not checked.

Options:
  --profile NAME       national (default), hebei or beijing
  --profile-file FILE  a profile file (JSON, see 'shequ schema profile'): rules switched on or off, severities
  --as-of DATE         date the rules apply at, YYYY-MM-DD (default: today in China)
  --format FORMAT      table (default), json, ndjson, csv, md or xlsx; ndjson: one finding object per line, then a
                       last line {"asOf","profile","summary"} (the report without its findings); xlsx: a workbook
                       (a summary sheet, one sheet per rule) written to --out FILE.xlsx, the summary on stdout
  --out FILE           write there instead of to standard output (--out - is standard output)
  --fail-on LEVEL      error (default), warning, info or never: exit 1 when a finding is at least this serious
                       (or a row was rejected, unless never)
  --rejects FILE       write the rejected rows there (CSV: line, original cells, reason); - is standard output
                       (the results then go to --out FILE, not a workbook: its summary is printed there)
  --divisions FILE     a CSV of code,name: codes absent from it are reported (code.divisionKnown)
                       UTF-8; lines left out are listed on stderr with their line and reason
  --workers N          threads checking a CSV file, for json, ndjson and csv output (default: the machine's cores
                       for a file up to 64 MiB, 1 thread above, to bound memory); the output is byte for byte the
                       same for every N
  --lang LANG          zh or en: the language of table, md and the findings' texts (default zh) and of help,
                       errors and progress (default: from LC_ALL, LC_MESSAGES or LANG: zh… is Chinese, else English)
  -h, --help           show this help

Exit codes: 0 no finding at the --fail-on level; 1 findings at that level or rejected rows; 2 usage error,
unreadable file or an output that cannot be written.

Examples:
  shequ validate 正定县.csv --profile hebei --as-of 2026-01-01
  shequ validate 东城区.xlsx --profile beijing --format json --fail-on warning
`,
};
