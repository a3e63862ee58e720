/**
 * A generated corpus of the text files a caller hands the CLI (`--profile-file`, `--divisions`, `--crosswalk`): the
 * lines a test chooses, laid out as files are in the wild — LF, CRLF or lone CR line ends (mixed, too), a BOM, blank
 * lines anywhere — and broken the ways files are: GBK bytes or a lone invalid byte on one line, a folder, a path that
 * is not there. Each laid-out file says the line its lines are on, counted the plain way (every CRLF, CR or LF ends
 * one line, as an editor counts them), so a test compares what the CLI reports with the file's real line numbers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc } from '@fast-check/vitest';

/** How a file lays out its lines: the line ends (used in turn), a BOM, the blank lines around the lines. */
export interface Layout {
  readonly ends: readonly string[];
  readonly bom: boolean;
  /** Blank lines before each of the lines (and, last, after them): as many entries as lines + 1 are used. */
  readonly blanks: readonly number[];
  /** Whether the last line has a line end. */
  readonly endsWithBreak: boolean;
}

/** Any layout: mixed line ends, a BOM or not, blank lines anywhere (none, mostly). */
export const layoutArbitrary: fc.Arbitrary<Layout> = fc.record({
  ends: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 4 }),
  bom: fc.boolean(),
  blanks: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(3) }), {
    maxLength: 40,
  }),
  endsWithBreak: fc.boolean(),
});

/** A laid-out file: its text, and where each given line starts (a character offset) and the line it is on. */
export interface LaidOut {
  readonly text: string;
  readonly starts: readonly number[];
  readonly lineOf: readonly number[];
}

/** The 1-based line of a character offset, counted the plain way: every CRLF, lone CR or LF ends one line. */
export function plainLineAt(text: string, offset: number): number {
  return (text.slice(0, offset).match(/\r\n|\r|\n/g) ?? []).length + 1;
}

/**
 * The lines laid out: blank lines (`blank`, '' unless a test says what a blank line of its format is) and the given
 * lines, each ended by the layout's next line end. The line numbers are read back from the text, not counted while it
 * is written: a lone CR followed by an empty line's LF is one line break, as it is for every reader.
 */
export function layOut(lines: readonly string[], layout: Layout, blank = ''): LaidOut {
  let text = layout.bom ? '\ufeff' : '';
  let ends = 0;
  const nextEnd = () => layout.ends[ends++ % layout.ends.length] as string;
  const starts: number[] = [];
  const blankLines = (i: number) => {
    for (let b = 0; b < (layout.blanks[i] ?? 0); b++) text += `${blank}${nextEnd()}`;
  };
  lines.forEach((line, i) => {
    blankLines(i);
    starts.push(text.length);
    text += line;
    if (i < lines.length - 1 || layout.endsWithBreak || (layout.blanks[lines.length] ?? 0) > 0)
      text += nextEnd();
  });
  blankLines(lines.length);
  const lineOf = starts.map((start) => plainLineAt(text, start));
  return { text, starts, lineOf };
}

/** 朝阳区 in GBK (B3 AF D1 F4 C7 F8): what Excel's 'CSV (逗号分隔)' writes on a Chinese Windows. */
export const GBK_BYTES = Uint8Array.from([0xb3, 0xaf, 0xd1, 0xf4, 0xc7, 0xf8]);

/** The ways a line's bytes stop being UTF-8: GBK text, a lone byte of each kind UTF-8 never holds alone. */
export const NOT_UTF8: readonly Uint8Array[] = [
  GBK_BYTES,
  Uint8Array.from([0xff]),
  Uint8Array.from([0x80]),
  Uint8Array.from([0xc0, 0xaf]),
  Uint8Array.from([0xe6, 0x9c]),
  Uint8Array.from([0xed, 0xa0, 0x80]),
];

/**
 * The file's bytes with `bad` put into the text at `offset` (a character offset of a laid-out text), UTF-8
 * elsewhere: the line that holds the offset is the first that is not UTF-8.
 */
export function withBytesAt(text: string, offset: number, bad: Uint8Array): Uint8Array {
  return Buffer.concat([Buffer.from(text.slice(0, offset)), bad, Buffer.from(text.slice(offset))]);
}

/** A place to write a corpus: each call gives a new file name, and a folder and a missing path. */
export function corpusFiles(dir: string, extension: string) {
  let count = 0;
  const folder = join(dir, `folder.${extension}`);
  mkdirSync(folder, { recursive: true });
  return {
    write(content: string | Uint8Array): string {
      const file = join(dir, `file-${++count}.${extension}`);
      writeFileSync(file, content);
      return file;
    },
    folder,
    missing: join(dir, `missing.${extension}`),
  };
}

/** The line numbers a message names: 第 N 行 and line N, in the order they come. */
export function linesNamed(text: string): number[] {
  return [...text.matchAll(/第 (\d+) 行|\bline (\d+)/g)].map((match) => Number(match[1] ?? match[2]));
}
