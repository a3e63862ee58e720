import { identifyCode, maskIdNumber } from 'shequ';
import type { CliStreams } from './main.js';

const SYSTEM_LABEL = {
  divisionCode: '统计用区划代码 division code',
  urbanRuralCode: '城乡分类代码 urban-rural code',
  idNumber: '公民身份号码 ID number',
  creditCode: '统一社会信用代码 credit code',
} as const;

/** `shequ check-code CODE…`: prints each code's reading; exit 1 when any code is invalid. */
export async function runCheckCode(args: readonly string[], streams: CliStreams): Promise<number> {
  if (args.length === 0) {
    streams.stderr.write(
      "shequ check-code: give one or more codes. Example: 'shequ check-code 110105001001'\n",
    );
    return 2;
  }
  let invalid = 0;
  for (const code of args) {
    const readings = identifyCode(code);
    const best = readings[0];
    // Whatever has the shape of an ID number is masked, valid or not: never print a full ID number.
    const shown = /^(?:\d{17}[\dXx]|\d{15})$/.test(code) ? maskIdNumber(code) : code;
    if (best === undefined) {
      invalid++;
      streams.stdout.write(
        `${shown}\tunknown\tinvalid\t不是已知代码的长度 / not the length of a known code\n`,
      );
      continue;
    }
    if (best.result.success) {
      const warnings = (best.result.warnings ?? []).map(
        (w) => `${w.code}: ${w.message.zh} / ${w.message.en}`,
      );
      streams.stdout.write(
        `${shown}\t${SYSTEM_LABEL[best.system]}\tvalid${warnings.length ? `\t${warnings.join('; ')}` : ''}\n`,
      );
    } else {
      invalid++;
      const reasons = readings.flatMap((reading) =>
        reading.result.success
          ? []
          : reading.result.error.issues.map(
              (i) => `${reading.system} ${i.code}: ${i.message.zh} / ${i.message.en}`,
            ),
      );
      streams.stdout.write(`${shown}\t${SYSTEM_LABEL[best.system]}\tinvalid\t${reasons.join('; ')}\n`);
    }
  }
  return invalid > 0 ? 1 : 0;
}
