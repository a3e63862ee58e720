import { UsageError } from './context.js';

/**
 * The file that `--format xlsx` writes: a workbook is bytes that a terminal cannot show, so `--out FILE.xlsx` is
 * required (checked before the input is read, so that a long run does not end in a usage error).
 */
export function xlsxOutFile(command: string, out: unknown): string {
  if (typeof out === 'string' && /\.xlsx$/i.test(out)) return out;
  throw new UsageError(
    {
      zh: `shequ ${command}：--format xlsx 须配合 --out FILE.xlsx（工作簿不写到终端）`,
      en: `shequ ${command}: --format xlsx needs --out FILE.xlsx (a workbook is not written to the terminal)`,
    },
    {
      zh: `示例：shequ ${command} 正定县.csv --format xlsx --out ${command}.xlsx`,
      en: `Example: shequ ${command} 正定县.csv --format xlsx --out ${command}.xlsx`,
    },
  );
}
