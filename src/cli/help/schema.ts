import type { Bilingual } from '../lang.js';

/**
 * `shequ schema --help` in both languages: a module of its own, so that asking for help does not load the command
 * (nor the library it runs on).
 */
export const HELP: Bilingual = {
  zh: `用法：shequ schema [statistics|dataset|profile]

输出统计行（默认）、数据集或配置文件（--profile-file）的 JSON Schema，供不运行 TypeScript 的系统和编辑器使用。

选项：
  --lang LANG          zh 或 en：帮助与错误提示的语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG：以 zh 开头为
                       中文，否则为英文）
  -h, --help           显示本帮助

示例：
  shequ schema > unit-statistics.schema.json
  shequ schema dataset
  shequ schema profile > profile.schema.json
`,
  en: `Usage: shequ schema [statistics|dataset|profile]

Prints the JSON Schema of a statistics row (default), of a dataset, or of a profile file (--profile-file), for
systems and editors that do not run TypeScript.

Options:
  --lang LANG          zh or en: the language of help and errors (default: from LC_ALL, LC_MESSAGES or LANG:
                       zh… is Chinese, else English)
  -h, --help           show this help

Examples:
  shequ schema > unit-statistics.schema.json
  shequ schema dataset
  shequ schema profile > profile.schema.json
`,
};
