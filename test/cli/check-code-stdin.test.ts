import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import { layOut, layoutArbitrary, NOT_UTF8, withBytesAt } from '../helpers/caller-file-corpus.js';
import { findIdNumbers, ID_VARIANTS } from '../helpers/id-leaks.js';
import { runMain } from '../helpers/run-main.js';

// `cat codes.txt | shequ check-code` reads standard input as UTF-8 only, as the files a caller hands the CLI are read
// (cli/caller-file.ts): GBK or GB18030 bytes (Excel's 'Unicode' or 'CSV' on a Chinese Windows) were decoded to U+FFFD
// and the codes around them dropped or misreported. Bytes that are not UTF-8, on any line of any layout, in chunks cut
// anywhere, are a usage error (exit 2, nothing on stdout) naming the line of the first bad bytes in both languages,
// never a full ID number; UTF-8 in any chunks is read as the same codes given as arguments.

/** Runs check-code with `chunks` as standard input. */
async function withStdin(chunks: readonly Uint8Array[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const stdin = (async function* () {
    yield* chunks;
  })();
  const code = await main(
    ['check-code'],
    {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      stdin,
    },
    env,
  );
  return { code, stdout, stderr };
}

/** Bytes cut into chunks at the given places (anywhere: inside a character too). */
function cut(bytes: Uint8Array, places: readonly number[]): Uint8Array[] {
  const at = [...new Set(places.map((place) => place % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const end of [...at, bytes.length]) {
    chunks.push(bytes.subarray(start, end));
    start = end;
  }
  return chunks;
}

/** Lines of codes: valid and invalid ones, ID numbers in every written form, Chinese text. */
const codeLines = fc.array(
  fc.oneof(
    fc.constantFrom(
      '110105001001',
      '130123100201',
      '91440300192203821X',
      '111',
      '区划 110105',
      '１１０１０５',
    ),
    fc.constantFrom(...ID_VARIANTS),
  ),
  { minLength: 1, maxLength: 12 },
);

describe('check-code reading standard input', () => {
  test.prop(
    [
      codeLines,
      layoutArbitrary,
      fc.nat(),
      fc.constantFrom(...NOT_UTF8),
      fc.array(fc.nat(), { maxLength: 4 }),
      fc.constantFrom('en', 'zh'),
    ],
    { numRuns: 120 },
  )(
    'bytes that are not UTF-8 are a usage error naming their line',
    async (lines, layout, which, bad, places, lang) => {
      const laid = layOut(lines, layout);
      const i = which % lines.length;
      const bytes = withBytesAt(laid.text, laid.starts[i] as number, bad);
      const run = await withStdin(cut(bytes, places), { LANG: lang === 'zh' ? 'zh_CN.UTF-8' : 'C.UTF-8' });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(findIdNumbers(run.stderr)).toEqual([]);
      const line = laid.lineOf[i] as number;
      expect(run.stderr).toContain(
        lang === 'zh'
          ? `shequ check-code：标准输入不是 UTF-8 编码（可能是 GBK 或 GB18030；第 ${line} 行起）\n`
          : `shequ check-code: standard input is not UTF-8 (GBK or GB18030, perhaps: from line ${line})\n`,
      );
      expect(run.stderr).toContain(lang === 'zh' ? 'iconv -f GB18030 -t UTF-8' : 'iconv -f GB18030 -t UTF-8');
    },
  );

  test.prop([codeLines, layoutArbitrary, fc.array(fc.nat(), { maxLength: 6 })], { numRuns: 60 })(
    'UTF-8 in chunks cut anywhere: the codes as given as arguments',
    async (lines, layout, places) => {
      const laid = layOut(lines, layout);
      const run = await withStdin(cut(Buffer.from(laid.text), places), { LANG: 'C.UTF-8' });
      const given = await runMain(['check-code', '--', ...lines.filter((line) => line.trim() !== '')], {
        LANG: 'C.UTF-8',
      });
      expect(run).toEqual(given);
    },
  );

  test.prop([codeLines, fc.constantFrom('\ufeff', '\ufffe')], { numRuns: 10 })(
    'UTF-16 is said to be UTF-16',
    async (lines, bom) => {
      const utf16 = Buffer.from(`${bom}${lines.join('\r\n')}`, 'utf16le');
      const run = await withStdin([utf16], { LANG: 'C.UTF-8' });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('standard input is not UTF-8 (it is UTF-16)');
    },
  );
});
