import { type CodeClassification, classifyCode, type Issue, maskIdNumbersInText } from 'shequ';
import { type CliStreams, messageLang, oneOf, parse } from './context.js';
import type { Bilingual } from './lang.js';
import { maskStrings } from './render.js';

/** `shequ check-code --help` in both languages. */
export const CHECK_CODE_HELP: Bilingual = {
  zh: `用法：shequ check-code CODE…（或从标准输入读取代码，每行一个）

判断每个代码最可能属于哪种代码体系 —— 统计用区划代码、城乡分类代码、公民身份号码、统一社会信用代码 ——
是否有效，无效时说明原因（只说该体系的原因）。每个代码先做规范化：去掉空白、全角字符、分隔符（- . _ / 和
空格）以及首尾的标点；输出会注明是否做过规范化。输出中的公民身份号码会被遮蔽（任何代码中形似身份号码的
部分也会被遮蔽）；统一社会信用代码完整显示。

选项：
  --format FORMAT      table（默认）或 json
  --lang LANG          zh 或 en：帮助与错误提示的语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG：以 zh 开头为
                       中文，否则为英文）
  -h, --help           显示本帮助

退出码：0 全部有效；1 有无效代码；2 用法错误。

示例：
  shequ check-code 110105001001 914403001922038216 11010519491231002X
  cat codes.txt | shequ check-code --format json
`,
  en: `Usage: shequ check-code CODE… (or codes on standard input, one code per line)

Says which code system each code most likely belongs to — 统计用区划代码, 城乡分类代码, 公民身份号码, 统一社会信用代码 —
whether it is valid, and why not (the reasons of that system alone). Each code is normalised first: white space,
full-width characters, separators (- . _ / and spaces) and punctuation at either end; the output says when it was.
ID numbers are masked in the output (and so is anything ID-shaped inside any code); credit codes are shown in full.

Options:
  --format FORMAT      table (default) or json
  --lang LANG          zh or en: the language of help and errors (default: from LC_ALL, LC_MESSAGES or LANG:
                       zh… is Chinese, else English)
  -h, --help           show this help

Exit codes: 0 all valid; 1 some code is invalid; 2 usage error.

Examples:
  shequ check-code 110105001001 914403001922038216 11010519491231002X
  cat codes.txt | shequ check-code --format json
`,
};

const SYSTEM_LABEL = {
  divisionCode: '统计用区划代码 division code',
  urbanRuralCode: '城乡分类代码 urban-rural code',
  idNumber: '公民身份号码 ID number',
  creditCode: '统一社会信用代码 credit code',
} as const;

/** Standard input, one code per line (a line may hold spaces: `110105 19491231 002X` is one code). */
async function readStdin(streams: CliStreams): Promise<string[]> {
  if (streams.stdin === undefined || streams.stdin.isTTY === true) return [];
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of streams.stdin)
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  text += decoder.decode();
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}

interface CheckedCode {
  readonly code: string;
  readonly normalized: boolean;
  readonly system: CodeClassification['system'];
  readonly alternatives: readonly string[];
  readonly valid: boolean;
  readonly reasons: readonly Issue[];
}

/** One code checked: the likeliest system and its reasons alone; an ID number is masked, nothing else is. */
function checkOne(input: string): CheckedCode {
  const classification = classifyCode(input);
  const result = classification.result;
  const valid = result?.success === true;
  const reasons = result === null ? [] : result.success ? (result.warnings ?? []) : result.error.issues;
  return {
    code: classification.display,
    normalized: classification.normalized,
    system: classification.system,
    alternatives: classification.alternatives,
    valid,
    reasons,
  };
}

function tableLine(r: CheckedCode): string {
  const label = r.system === null ? 'unknown' : SYSTEM_LABEL[r.system];
  const why =
    r.system === null
      ? '不是已知代码的形式 / not the form of a known code'
      : r.reasons.map((i) => `${i.code}: ${i.message.zh} / ${i.message.en}`).join('; ');
  const note = r.normalized ? '\t(输入已规范化 input normalised)' : '';
  return `${r.code}\t${label}\t${r.valid ? 'valid' : 'invalid'}${why === '' ? '' : `\t${why}`}${note}\n`;
}

/** `shequ check-code CODE…`: each code's reading; exit 1 when any code is invalid. */
export async function runCheckCode(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values, positionals } = parse('check-code', args, {
    format: { type: 'string' },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  oneOf('check-code', 'lang', values.lang as string | undefined, ['zh', 'en'], 'zh');
  const format = oneOf(
    'check-code',
    'format',
    values.format as string | undefined,
    ['table', 'json'] as const,
    'table',
  );
  const codes = positionals.length > 0 ? positionals : await readStdin(streams);
  if (codes.length === 0) {
    streams.stderr.write(
      messageLang(streams) === 'zh'
        ? "shequ check-code：请给出一个或多个代码。示例：'shequ check-code 110105001001'\n"
        : "shequ check-code: give one or more codes. Example: 'shequ check-code 110105001001'\n",
    );
    return 2;
  }
  const results = codes.map(checkOne);
  const invalid = results.filter((r) => !r.valid).length;
  if (format === 'json') {
    const shown = results.map((r) => ({
      ...r,
      reasons: r.reasons.map((i) => ({
        code: i.code,
        severity: i.severity,
        message: i.message,
        position: i.position,
      })),
    }));
    streams.stdout.write(`${JSON.stringify(shown, maskStrings, 2)}\n`);
  } else for (const r of results) streams.stdout.write(maskIdNumbersInText(tableLine(r)));
  return invalid > 0 ? 1 : 0;
}
