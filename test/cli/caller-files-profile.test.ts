import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/context.js';
import { commandProfiles } from '../../src/cli/profile-file.js';
import { corpusFiles, layOut, layoutArbitrary } from '../helpers/caller-file-corpus.js';
import { useTempDir } from '../helpers/temp-dir.js';

// `--profile-file FILE` over a generated corpus of layouts (LF, CRLF, lone CR, mixed; a BOM; blank lines anywhere):
// a valid profile loads however it is laid out, and a syntax error put on any line is reported on that line of the
// file, whichever error it is (V8 gives the position of some, not of others). Files that are not UTF-8, folders and
// missing paths are in caller-files-broken.test.ts.

const files = corpusFiles(useTempDir('corpus-profile'), 'json');
const example = join(import.meta.dirname, '..', '..', 'examples', 'profiles', 'hebei-15th.json');
const LINES = JSON.stringify(JSON.parse(readFileSync(example, 'utf8')), null, 1).split('\n');

/** Ways to break a line of JSON: a stray character at its start, a comma there, a quote opened at its end. */
const BREAKS: Readonly<Record<string, (line: string) => string>> = {
  stray: (line) => line.replace(/^(\s*)/, '$1@'),
  comma: (line) => line.replace(/^(\s*)/, '$1,'),
  quote: (line) => `${line}"`,
  letter: (line) => line.replace(/^(\s*)/, '$1x'),
};

async function load(file: string) {
  return commandProfiles('indicators', { 'profile-file': file }, 'national').catch((error: unknown) => error);
}

describe('--profile-file FILE: line numbers are the file’s', () => {
  test.prop(
    [
      layoutArbitrary,
      fc.option(fc.tuple(fc.nat(LINES.length - 1), fc.constantFrom(...Object.keys(BREAKS))), { freq: 4 }),
    ],
    { numRuns: 150 },
  )('a syntax error on any line is reported on that line; a valid profile loads', async (layout, broken) => {
    const lines = LINES.map((line, i) =>
      broken !== null && broken[0] === i ? (BREAKS[broken[1]] as (l: string) => string)(line) : line,
    );
    const laid = layOut(lines, layout);
    const result = await load(files.write(laid.text));
    if (broken === null) {
      expect(result).toMatchObject({ id: 'hebei-15th-example' });
      return;
    }
    const line = laid.lineOf[broken[0]] as number;
    expect(result).toBeInstanceOf(UsageError);
    expect(
      [...(result as UsageError).lines('en').matchAll(/^ {2}line (\d+): /gm)].map((m) => Number(m[1])),
    ).toEqual([line]);
    expect(
      [...(result as UsageError).lines('zh').matchAll(/^ {2}第 (\d+) 行：/gm)].map((m) => Number(m[1])),
    ).toEqual([line]);
  });

  it('a file cut short: the error is on the last line', async () => {
    const result = await load(files.write('{\r\n "id": "x",\r\n\r\n "extends": "hebei"\r\n\r\n'));
    expect((result as UsageError).lines('en')).toMatch(/\bline 6\b/);
  });
});
