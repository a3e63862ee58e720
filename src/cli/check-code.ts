import { identifyCode, maskIdNumber } from 'shequ';
import { type CliStreams, oneOf, parse } from './context.js';

export const CHECK_CODE_HELP = `Usage: shequ check-code CODE… (or codes on standard input, one per line)

Says which code system each code belongs to — 统计用区划代码, 城乡分类代码, 公民身份号码, 统一社会信用代码 — whether it is
valid, and why not. Anything shaped like an ID number is masked in the output.

Options:
  --format FORMAT      table (default) or json
  -h, --help           show this help

Exit codes: 0 all valid; 1 some code is invalid; 2 usage error.

Examples:
  shequ check-code 110105001001 914403001922038216 11010519491231002X
  cat codes.txt | shequ check-code --format json
`;

const SYSTEM_LABEL = {
  divisionCode: '统计用区划代码 division code',
  urbanRuralCode: '城乡分类代码 urban-rural code',
  idNumber: '公民身份号码 ID number',
  creditCode: '统一社会信用代码 credit code',
} as const;

async function readStdin(streams: CliStreams): Promise<string[]> {
  if (streams.stdin === undefined || streams.stdin.isTTY === true) return [];
  let text = '';
  for await (const chunk of streams.stdin)
    text += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk, { stream: true });
  return text.split(/\s+/).filter((code) => code !== '');
}

/** `shequ check-code CODE…`: each code's reading; exit 1 when any code is invalid. */
export async function runCheckCode(args: readonly string[], streams: CliStreams): Promise<number> {
  const { values, positionals } = parse('check-code', args, {
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    streams.stdout.write(CHECK_CODE_HELP);
    return 0;
  }
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
      "shequ check-code: give one or more codes. Example: 'shequ check-code 110105001001'\n",
    );
    return 2;
  }
  let invalid = 0;
  const results = codes.map((code) => {
    const readings = identifyCode(code);
    const best = readings[0];
    // Whatever has the shape of an ID number is masked, valid or not: never print a full ID number.
    const shown = /^(?:\d{17}[\dXx]|\d{15})$/.test(code) ? maskIdNumber(code) : code;
    const valid = best?.result.success === true;
    if (!valid) invalid++;
    const reasons =
      valid && best?.result.success === true
        ? (best.result.warnings ?? [])
        : readings.flatMap((reading) => (reading.result.success ? [] : reading.result.error.issues));
    return { code: shown, system: best?.system ?? null, valid, reasons };
  });
  if (format === 'json') {
    streams.stdout.write(
      `${JSON.stringify(
        results.map((r) => ({
          ...r,
          reasons: r.reasons.map((i) => ({
            code: i.code,
            severity: i.severity,
            message: i.message,
            position: i.position,
          })),
        })),
        null,
        2,
      )}\n`,
    );
  } else {
    for (const r of results) {
      const label = r.system === null ? 'unknown' : SYSTEM_LABEL[r.system];
      const why =
        r.system === null
          ? '不是已知代码的长度 / not the length of a known code'
          : r.reasons.map((i) => `${i.code}: ${i.message.zh} / ${i.message.en}`).join('; ');
      streams.stdout.write(
        `${r.code}\t${label}\t${r.valid ? 'valid' : 'invalid'}${why === '' ? '' : `\t${why}`}\n`,
      );
    }
  }
  return invalid > 0 ? 1 : 0;
}
