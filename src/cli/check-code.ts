import { type CodeClassification, classifyCode, createIssue, type Issue, maskIdNumbersInText } from 'shequ';
import { strictUtf8Text } from './caller-file.js';
import { type CliStreams, oneOf, parse, UsageError } from './context.js';
import { maskStrings } from './render.js';

const SYSTEM_LABEL = {
  divisionCode: '统计用区划代码 division code',
  urbanRuralCode: '城乡分类代码 urban-rural code',
  idNumber: '公民身份号码 ID number',
  creditCode: '统一社会信用代码 credit code',
} as const;

/** Standard input as messages name it, and how to make it UTF-8. */
const STANDARD_INPUT = { zh: '标准输入', en: 'standard input' };
const CONVERT_TO_UTF8 = {
  zh: '只读取 UTF-8 编码的输入，不读取 GBK。请先转换：iconv -f GB18030 -t UTF-8 codes.txt | shequ check-code',
  en: 'Only UTF-8 is read, not GBK. Convert it first: iconv -f GB18030 -t UTF-8 codes.txt | shequ check-code',
};

/**
 * Standard input, one code per line (a line may hold spaces: `110105 19491231 002X` is one code). UTF-8 only, as a
 * caller's file is read: bytes that are not (GBK, GB18030, UTF-16) are a usage error naming their line, never codes
 * read with U+FFFD in them.
 */
async function readStdin(streams: CliStreams): Promise<string[]> {
  if (streams.stdin === undefined || streams.stdin.isTTY === true) return [];
  const chunks: Uint8Array[] = [];
  for await (const chunk of streams.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const text = strictUtf8Text('check-code', STANDARD_INPUT, CONVERT_TO_UTF8, Buffer.concat(chunks));
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

/** Why a code of no known system is invalid: the words of the table, as an issue for the JSON. */
const UNKNOWN_FORM = { zh: '不是已知代码的形式', en: 'not the form of a known code' } as const;

/** One code checked: the likeliest system and its reasons alone; an ID number is masked, nothing else is. */
function checkOne(input: string): CheckedCode {
  const classification = classifyCode(input);
  const result = classification.result;
  const valid = result?.success === true;
  const reasons =
    result === null
      ? [createIssue('invalid_format', UNKNOWN_FORM)]
      : result.success
        ? (result.warnings ?? [])
        : result.error.issues;
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
      ? `${UNKNOWN_FORM.zh} / ${UNKNOWN_FORM.en}`
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
  if (codes.length === 0)
    throw new UsageError(
      { zh: 'shequ check-code：请给出一个或多个代码', en: 'shequ check-code: give one or more codes' },
      {
        zh: "示例：'shequ check-code 110105001001'，或 'cat codes.txt | shequ check-code'",
        en: "Example: 'shequ check-code 110105001001', or 'cat codes.txt | shequ check-code'",
      },
    );
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
