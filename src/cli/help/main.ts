import { VERSION } from '../../core/version.js';
import type { Bilingual } from '../lang.js';

/** `shequ --help` in both languages: loaded only when asked for (start-up time of the commands). */
export const HELP: Bilingual = {
  zh: `shequ ${VERSION} — 城乡社区服务体系工具：指标、校验与报告

用法：shequ <命令> [选项]

命令：
  indicators FILE      计算统计表的十四五指标，按地区汇总
  validate FILE        按规划、法律和代码标准检查统计表
  report FILE          生成 HTML 报告（表格、图表、校验发现）
  evaluate FILE…       规划期评估表（终期评估：基期值、目标值、实际值、完成情况）
  circle ESTATES SERVICES  由小区与服务网点的坐标计算一刻钟社区服务圈
  check-code CODE…     识别并校验代码（区划代码、城乡分类代码、公民身份号码、统一社会信用代码）
  schema [NAME]        输出统计行或数据集的 JSON Schema
  demo                 用随包附带的示例数据运行
  help [COMMAND]       显示帮助（也可用：shequ <命令> --help）

选项：
  -h, --help           显示帮助（也可用：shequ <命令> --help 或 shequ help <命令>）
  -v, --version        显示版本
  --lang LANG          zh 或 en：帮助、错误提示、警告和进度信息的语言；默认取自环境变量 LC_ALL、LC_MESSAGES、
                       LANG 中第一个非空者：以 zh 开头（如 zh_CN.UTF-8）为中文，其他为英文。表格与 Markdown
                       输出的语言也由 --lang 决定，未给出时为中文（脚本的输出不随机器的语言环境改变）

退出码：0 成功；1 有被拒收的行、有达到 --fail-on 级别的发现或代码无效；2 用法错误、无法读取的输入（不存在、
无表头、无法解码、超出限制）或无法写入的输出；141 标准输出（或标准错误）未写完即被关闭（如 | head），静默结束。

示例：
  shequ indicators 正定县.csv --profile hebei --group-by county,township
  shequ validate 正定县.csv --profile hebei --as-of 2026-01-01 --fail-on warning
  shequ report 正定县.csv --profile hebei --out 正定县.html
  shequ evaluate 2023.csv 2024.csv 2025.csv --profile hebei --period 14th
  shequ circle 小区.csv 网点.csv --crs gcj02 --minutes 15
  shequ check-code 110105001001 914403001922038216
  shequ demo
`,
  en: `shequ ${VERSION} — 城乡社区服务体系 toolkit: indicators, validation and reports

Usage: shequ <command> [options]

Commands:
  indicators FILE      Compute the 十四五 indicators of a sheet, rolled up by region
  validate FILE        Check a sheet against the plans, the laws and the code standards
  report FILE          Write an HTML report (table, charts, findings)
  evaluate FILE…       The evaluation table of a plan period (终期评估: baseline, target, actual, status)
  circle ESTATES SERVICES  Compute the 一刻钟社区服务圈 from the coordinates of estates and services
  check-code CODE…     Identify and validate codes (division, urban-rural, ID number, credit code)
  schema [NAME]        Print the JSON Schema of a statistics row or a dataset
  demo                 Run on the bundled sample data
  help [COMMAND]       Show help (also: shequ <command> --help)

Options:
  -h, --help           Show help (also: shequ <command> --help or shequ help <command>)
  -v, --version        Show the version
  --lang LANG          zh or en: the language of help, errors, warnings and progress; by default the first of the
                       environment variables LC_ALL, LC_MESSAGES, LANG that is set: zh… (zh_CN.UTF-8) is Chinese,
                       anything else English. Tables and Markdown follow --lang too; without it they are in Chinese
                       (a script's output does not change with the machine's locale)

Exit codes: 0 success; 1 rejected rows, findings at the --fail-on level or an invalid code; 2 usage error, input
that cannot be read (missing, no header, undecodable, over a limit) or output that cannot be written; 141 standard
output (or error) closed before it was all written (| head): the run stops quietly.

Examples:
  shequ indicators 正定县.csv --profile hebei --group-by county,township
  shequ validate 正定县.csv --profile hebei --as-of 2026-01-01 --fail-on warning
  shequ report 正定县.csv --profile hebei --out 正定县.html
  shequ evaluate 2023.csv 2024.csv 2025.csv --profile hebei --period 14th
  shequ circle 小区.csv 网点.csv --crs gcj02 --minutes 15
  shequ check-code 110105001001 914403001922038216
  shequ demo
`,
};
