import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/context.js';
import { divisionLists } from '../../src/cli/division-list.js';
import type { Lang } from '../../src/cli/lang.js';
import { parseDivisionCode } from '../../src/index.js';
import { findIdNumbers, ID_VARIANTS } from '../helpers/id-leaks.js';
import { useTempDir } from '../helpers/temp-dir.js';

// `--divisions FILE`: every line of the caller's list is used or reported (line number and reason on stderr, five at
// most, then a count, and one line of counts), never a full ID number; a file that is not UTF-8 is a usage error.

const dir = useTempDir('divlist');
let files = 0;

function listFile(text: string | Uint8Array): string {
  const file = join(dir, `list-${++files}.csv`);
  writeFileSync(file, text);
  return file;
}

function run(file: string, lang: Lang) {
  let err = '';
  const streams = { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) }, lang };
  return divisionLists('validate', file, streams).then((lists) => ({ lists, err }));
}

const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const REGIONS = ['110105', '110105001', '130123100201', '13', '130629400'];
const full = (code: string) => (parseDivisionCode(code) as { data: { code: string } }).data.code;

/** One line of a list and what becomes of it: used (the region's key) or left out. */
interface Line {
  readonly text: string;
  readonly code?: string;
  readonly name?: string;
}
const line: fc.Arbitrary<Line> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom(...REGIONS), fc.boolean(), fc.constantFrom('朝阳区', '西上泽, 村', '名"称', ''))
      .map(([code, short, name]) => ({
        text: `${short ? code : full(code)},${cell(name)}`,
        code: full(code),
        name,
      })),
  },
  { weight: 2, arbitrary: fc.constantFrom(...ID_VARIANTS).map((id) => ({ text: `${cell(id)},某人` })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('oops,名称', ',名称', '110105', '1101x5,名称,附注').map((text) => ({ text })),
  },
);
const list = fc.array(line, { maxLength: 14 });

/** The lines left out (1-based file lines, the header being line 1), worked out the plain way. */
function leftOutLines(lines: readonly Line[]): number[] {
  const names = new Map<string, string>();
  const out: number[] = [];
  lines.forEach(({ code, name }, i) => {
    if (code === undefined || name === undefined) out.push(i + 2);
    else if (!names.has(code)) names.set(code, name);
    else if (names.get(code) !== name) out.push(i + 2);
  });
  return out;
}

describe('--divisions FILE: every line is used or reported', () => {
  test.prop([list, fc.constantFrom<Lang>('zh', 'en')], { numRuns: 60 })(
    'counts add up, each line left out is listed with its line (five at most), no full ID number',
    async (lines, lang) => {
      const file = listFile(`code,name\r\n${lines.map((l) => l.text).join('\r\n')}\r\n`);
      const { lists, err } = await run(file, lang);
      const out = leftOutLines(lines);
      const used = lines.length - out.length;
      expect(findIdNumbers(err)).toEqual([]);
      expect(lists[0]?.divisions.size).toBe(new Set(lines.flatMap((l) => l.code ?? [])).size);
      if (out.length === 0) {
        expect(err).toBe('');
        return;
      }
      const listed = err
        .split('\n')
        .flatMap((text) => /(?:第 (\d+) 行|line (\d+):)/.exec(text)?.slice(1).filter(Boolean) ?? [])
        .map(Number);
      expect(listed).toEqual(out.slice(0, 5));
      if (lang === 'en') {
        expect(err).toContain(`${lines.length} lines read, ${used} used, ${out.length} left out`);
        if (out.length > 5) expect(err).toContain(`${out.length - 5} more lines left out`);
      } else {
        expect(err).toContain(`读取 ${lines.length} 行，采用 ${used} 行，未采用 ${out.length} 行`);
        if (out.length > 5) expect(err).toContain(`另有 ${out.length - 5} 行未采用`);
      }
    },
  );

  it('an ID number in the code column: reported masked, with its line and reason', async () => {
    const file = listFile('code,name\n110105,朝阳区\n11010519491231002X,某人\n110105000000,朝阳\n');
    const { lists, err } = await run(file, 'en');
    expect([...(lists[0]?.divisions.values() ?? [])]).toEqual([{ code: '110105000000', name: '朝阳区' }]);
    expect(err).toContain('line 3: Invalid division code');
    expect(err).toContain('line 4: Division 110105000000 is listed already');
    expect(err).toContain('3 lines read, 1 used, 2 left out');
    expect(err).not.toContain('11010519491231002X');
  });

  it('blank lines are not lines of the list; a broken quote is reported on its line', async () => {
    const file = listFile('code,name\n\n110105,朝阳区\n,\n130000000000,"河北省\n');
    const { lists, err } = await run(file, 'en');
    expect([...(lists[0]?.divisions.keys() ?? [])]).toEqual(['110105000000']);
    expect(err).toContain('line 5: ');
    expect(err).toContain('2 lines read, 1 used, 1 left out');
  });

  it('a list without a header: its first line is a region, not a header to skip', async () => {
    const { lists, err } = await run(listFile('110105,朝阳区\n110106,丰台区\n'), 'en');
    expect([...(lists[0]?.divisions.keys() ?? [])]).toEqual(['110105000000', '110106000000']);
    expect(err).toBe('');
  });

  it('a valid list says nothing and gives what it always gave', async () => {
    const file = listFile(
      '\ufeffcode,name\r\n130123000000,"正定县（自定义）"\r\n130123100201,西上泽村委会\r\n',
    );
    const { lists, err } = await run(file, 'zh');
    expect(err).toBe('');
    expect([...(lists[0]?.divisions.values() ?? [])]).toEqual([
      { code: '130123000000', name: '正定县（自定义）' },
      { code: '130123100201', name: '西上泽村委会' },
    ]);
  });

  it('a file that is not UTF-8 (GBK) is a usage error with a hint, in both languages', async () => {
    // code,name / 110105,朝阳区 with 朝阳区 in GBK (B3 AF D1 F4 C7 F8)
    const gbk = listFile(
      Buffer.concat([
        Buffer.from('code,name\n110105,'),
        Buffer.from([0xb3, 0xaf, 0xd1, 0xf4, 0xc7, 0xf8, 0x0a]),
      ]),
    );
    const error = await run(gbk, 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).lines('en')).toMatch(/is not UTF-8[\s\S]*UTF-8/);
    expect((error as UsageError).lines('zh')).toContain('不是 UTF-8 编码');
  });
});
