import type { Bilingual } from '../lang.js';

/**
 * `shequ check-code --help` in both languages: a module of its own, so that asking for help does not load the command
 * (nor the library it runs on).
 */
export const HELP: Bilingual = {
  zh: `用法：shequ check-code CODE…（或从标准输入读取代码，每行一个，UTF-8 编码）

判断每个代码最可能属于哪种代码体系 —— 统计用区划代码、城乡分类代码、公民身份号码、统一社会信用代码 ——
是否有效，无效时说明原因（只说该体系的原因）。每个代码先做规范化：去掉空白、全角字符、分隔符（- . _ / 和
空格）以及首尾的标点；输出会注明是否做过规范化。输出中的公民身份号码会被遮蔽（任何代码中形似身份号码的
部分也会被遮蔽）；统一社会信用代码完整显示。

选项：
  --format FORMAT      table（默认）或 json
  --lang LANG          zh 或 en：帮助与错误提示的语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG：以 zh 开头为
                       中文，否则为英文）
  -h, --help           显示本帮助

退出码：0 全部有效；1 有无效代码；2 用法错误或标准输入不是 UTF-8。

示例：
  shequ check-code 110105001001 914403001922038216 11010519491231002X
  cat codes.txt | shequ check-code --format json
`,
  en: `Usage: shequ check-code CODE… (or codes on standard input, one code per line, in UTF-8)

Says which code system each code most likely belongs to — 统计用区划代码, 城乡分类代码, 公民身份号码, 统一社会信用代码 —
whether it is valid, and why not (the reasons of that system alone). Each code is normalised first: white space,
full-width characters, separators (- . _ / and spaces) and punctuation at either end; the output says when it was.
ID numbers are masked in the output (and so is anything ID-shaped inside any code); credit codes are shown in full.

Options:
  --format FORMAT      table (default) or json
  --lang LANG          zh or en: the language of help and errors (default: from LC_ALL, LC_MESSAGES or LANG:
                       zh… is Chinese, else English)
  -h, --help           show this help

Exit codes: 0 all valid; 1 some code is invalid; 2 usage error or standard input not UTF-8.

Examples:
  shequ check-code 110105001001 914403001922038216 11010519491231002X
  cat codes.txt | shequ check-code --format json
`,
};
