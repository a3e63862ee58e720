import type { Bilingual } from '../lang.js';

/**
 * `shequ demo --help` in both languages: a module of its own, so that asking for help does not load the command
 * (nor the library it runs on).
 */
export const HELP: Bilingual = {
  zh: `用法：shequ demo

用随包附带的示例数据运行 shequ（正定县与东城区真实的区划代码和名称，统计数值为合成数据）：按县计算指标
并对照河北与北京的目标，按规则列出校验发现；然后像 \`shequ circle\` 一样，由坐标计算东城区东四街道六个社区的
一刻钟社区服务圈（真实的社区代码，合成的 GCJ-02 小区与网点坐标：examples/data/dongsi-*.csv）。

选项：
  --lang LANG          zh 或 en：帮助与错误提示的语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG：以 zh 开头为
                       中文，否则为英文）
  -h, --help           显示本帮助

示例：
  shequ demo
`,
  en: `Usage: shequ demo

Runs shequ on the bundled sample (real division codes and names of 正定县 and 东城区, SYNTHETIC measures): the
indicators by county against the Hebei and Beijing targets, and the findings of the rules by rule; then the
一刻钟社区服务圈 of the six communities of 东城区东四街道 computed from coordinates (real community codes, SYNTHETIC
estates and outlets in GCJ-02: examples/data/dongsi-*.csv), as \`shequ circle\` computes them.

Options:
  --lang LANG          zh or en: the language of help and errors (default: from LC_ALL, LC_MESSAGES or LANG:
                       zh… is Chinese, else English)
  -h, --help           show this help

Example:
  shequ demo
`,
};
