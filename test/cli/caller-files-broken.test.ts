import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/context.js';
import { readCrosswalkFile } from '../../src/cli/crosswalk-file.js';
import { divisionLists } from '../../src/cli/division-list.js';
import { commandProfiles } from '../../src/cli/profile-file.js';
import {
  corpusFiles,
  GBK_BYTES,
  layOut,
  layoutArbitrary,
  linesNamed,
  NOT_UTF8,
  withBytesAt,
} from '../helpers/caller-file-corpus.js';
import { findIdNumbers, SAMPLE_ID } from '../helpers/id-leaks.js';
import { runMain } from '../helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';

// The three text files a caller hands the CLI, broken the ways files are: bytes that are not UTF-8 (GBK text, a lone
// invalid byte) on any line of any layout, UTF-16, a folder, a path that is not there. Each is a usage error (exit 2,
// nothing on stdout) in both languages, never a crash and never a file read with U+FFFD in it; a file that is not
// UTF-8 is refused naming the line of its first bad bytes, by the file's own numbering, with a hint on GBK.

const root = join(import.meta.dirname, '..', '..');
const sample = join(root, 'examples', 'data', 'sample-units.csv');
const dir = useTempDir('corpus-broken');
const example = readFileSync(join(root, 'examples', 'profiles', 'hebei-15th.json'), 'utf8');

/** Each option: sound lines of its file, how a test reads a file with it, and a command line that takes it. */
const OPTIONS = {
  '--profile-file': {
    lines: JSON.stringify(JSON.parse(example), null, 1).split('\n'),
    read: (file: string) => commandProfiles('indicators', { 'profile-file': file }, 'national'),
    digest: async (file: string) => {
      const { id, indicators } = await commandProfiles('indicators', { 'profile-file': file }, 'national');
      return [id, JSON.stringify(indicators)];
    },
    args: (file: string) => ['indicators', sample, '--format', 'json', '--profile-file', file],
    files: corpusFiles(dir, 'json'),
  },
  '--divisions': {
    lines: [
      'code,name',
      '130123000000,正定县（自定义）',
      '130123100201,西上泽村委会',
      `130123100202,"${SAMPLE_ID}"`,
    ],
    read: (file: string) => divisionLists('validate', file),
    digest: async (file: string) => [...((await divisionLists('validate', file))[0]?.divisions ?? [])],
    args: (file: string) => [
      'validate',
      sample,
      '--format',
      'json',
      '--fail-on',
      'never',
      '--divisions',
      file,
    ],
    files: corpusFiles(join(dir, 'divisions'), 'csv'),
  },
  '--crosswalk': {
    lines: ['原代码,新代码,起始年度', '130123100201,130123105201,2024', '130123100202,130123105202,2024年'],
    read: (file: string) => readCrosswalkFile('indicators', file),
    digest: (file: string) => readCrosswalkFile('indicators', file),
    args: (file: string) => ['indicators', sample, '--format', 'json', '--crosswalk', file],
    files: corpusFiles(join(dir, 'crosswalk'), 'csv'),
  },
} as const;
type Option = keyof typeof OPTIONS;
const OPTION_NAMES = Object.keys(OPTIONS) as Option[];

/** The usage error a read ends with (fails the test when it ends any other way). */
async function refusal(option: Option, file: string): Promise<UsageError> {
  const error = await OPTIONS[option].read(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe('a file that is not UTF-8 is refused, naming the line of its first bad bytes', () => {
  test.prop(
    [
      fc.constantFrom(...OPTION_NAMES),
      layoutArbitrary,
      fc.nat(),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(...NOT_UTF8),
    ],
    { numRuns: 200 },
  )('any option, any layout, any line, any bad bytes', async (option, layout, pick, where, bad) => {
    const { lines, files } = OPTIONS[option];
    const laid = layOut(lines, layout);
    const index = pick % lines.length;
    const offset = (laid.starts[index] as number) + Math.floor(where * (lines[index] as string).length);
    const error = await refusal(option, files.write(withBytesAt(laid.text, offset, bad)));
    const line = laid.lineOf[index] as number;
    const [en, zh] = [error.lines('en'), error.lines('zh')];
    expect(en).toMatch(/is not UTF-8/);
    expect(zh).toContain('不是 UTF-8 编码');
    for (const text of [en, zh]) {
      expect(text).toContain('GBK');
      expect(linesNamed(text)).toEqual([line]);
      expect(findIdNumbers(text)).toEqual([]);
    }
  });
});

describe('every broken file of every option: exit 2, a message in the run’s language, nothing on stdout', () => {
  const broken = (option: Option) => {
    const { files, lines } = OPTIONS[option];
    const text = `${lines.join('\r\n')}\r\n`;
    return {
      GBK: files.write(Buffer.concat([Buffer.from(text), GBK_BYTES, Buffer.from('\r\n')])),
      'UTF-16': files.write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])),
      'a lone byte': files.write(Buffer.concat([Buffer.from([0x80]), Buffer.from(text)])),
      'a folder': files.folder,
      'a missing path': files.missing,
    };
  };
  for (const option of OPTION_NAMES)
    for (const [what, file] of Object.entries(broken(option)))
      for (const lang of ['en', 'zh'] as const)
        it(`${option}: ${what} (${lang})`, async () => {
          const run = await runMain([...OPTIONS[option].args(file), '--lang', lang]);
          expect(run.code).toBe(2);
          expect(run.stdout).toBe('');
          const said = run.stderr.split('\n').filter(Boolean);
          expect(said).toHaveLength(2);
          if (lang === 'en') expect(said[0]).toMatch(/cannot read|is not UTF-8/);
          else expect(said[0]).toMatch(/无法读取|不是 UTF-8 编码/);
          expect(findIdNumbers(run.stderr)).toEqual([]);
        });

  it('a file that is UTF-8 with a BOM reads as it does without one', async () => {
    for (const option of OPTION_NAMES) {
      const { files, lines, digest } = OPTIONS[option];
      const plain = await digest(files.write(lines.join('\n')));
      expect(plain).toBeTruthy();
      expect(await digest(files.write(`\ufeff${lines.join('\n')}`))).toEqual(plain);
    }
  });
});
