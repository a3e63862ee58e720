import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { divisionLists } from '../../src/cli/division-list.js';
import type { Lang } from '../../src/cli/lang.js';
import { corpusFiles, layOut, layoutArbitrary } from '../helpers/caller-file-corpus.js';
import { findIdNumbers, ID_VARIANTS } from '../helpers/id-leaks.js';
import { useTempDir } from '../helpers/temp-dir.js';

// `--divisions FILE` over a generated corpus of layouts (LF, CRLF, lone CR, mixed; a BOM; blank lines anywhere; a
// header or none): the lines it reports left out are the file's own line numbers, and every line is used or reported.
// The files that are not UTF-8, folders and missing paths are in caller-files-broken.test.ts.

const files = corpusFiles(useTempDir('corpus-divisions'), 'csv');

/** A line of a list: a region (used: its codes are distinct) or a line left out. */
interface ListLine {
  readonly text: string;
  readonly used: boolean;
}

const regionLine = (i: number): ListLine => ({
  text: `1301231${String(i).padStart(5, '0')},村${i}`,
  used: true,
});
const leftOutLine: fc.Arbitrary<ListLine> = fc
  .constantFrom(
    'oops,名称',
    ',名称',
    '130123',
    '1101x5,名称,附注',
    ...ID_VARIANTS.map((id) => `"${id}",某人`),
  )
  .map((text) => ({ text, used: false }));

/** Lines of a list: each a region of its own (none repeated) or a line left out; the first a region when no header. */
const listLines = fc
  .array(fc.option(leftOutLine, { freq: 3 }), { maxLength: 16 })
  .map((picks) => picks.map((pick, i) => pick ?? regionLine(i + 100)));

function run(file: string, lang: Lang) {
  let err = '';
  const streams = { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) }, lang };
  return divisionLists('validate', file, streams).then((lists) => ({ lists, err }));
}

describe('--divisions FILE: line numbers are the file’s, and no line disappears', () => {
  test.prop([listLines, layoutArbitrary, fc.boolean()], { numRuns: 150 })(
    'the lines reported are the real lines of the lines left out; read = used + left out',
    async (lines, layout, header) => {
      const body = header || lines[0]?.used !== false ? lines : [regionLine(99), ...lines];
      const laid = layOut(
        header ? ['code,name', ...body.map((l) => l.text)] : body.map((l) => l.text),
        layout,
      );
      const lineOf = header ? laid.lineOf.slice(1) : laid.lineOf;
      const { lists, err } = await run(files.write(laid.text), 'en');
      const leftOut = body.flatMap((line, i) => (line.used ? [] : [lineOf[i] as number]));
      const used = body.length - leftOut.length;
      expect(lists[0]?.divisions.size).toBe(used);
      expect(findIdNumbers(err)).toEqual([]);
      if (leftOut.length === 0) {
        expect(err).toBe('');
        return;
      }
      const reported = [...err.matchAll(/, line (\d+):/g)].map((match) => Number(match[1]));
      expect(reported).toEqual(leftOut.slice(0, 5));
      expect(err).toContain(`${body.length} lines read, ${used} used, ${leftOut.length} left out`);
      if (leftOut.length > 5) expect(err).toContain(`${leftOut.length - 5} more lines left out`);
    },
  );
});
