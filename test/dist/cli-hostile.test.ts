import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeCsv } from '../../src/io/index.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { deflateRepeated, inlineRow, rawZip, sheetXml, storedParts, workbook } from '../io/xlsx-fixtures.js';

// The hostile-file corpus through the command line, as a script would run it: the process never crashes, memory
// stays bounded (a heap of 128 MB, whatever the file), every line is accounted for in the counts on stderr, the
// rejects file holds exactly the bad lines, and the exit code is the documented one (0, 1 rejected rows, 2 unreadable).
const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const dir = useTempDir('hostile');

const HEADER = '统计用区划代码,名称,类型,户数,是否建有综合服务设施';
const code = (i: number) =>
  `1301231${String(Math.floor(i / 400) + 1).padStart(2, '0')}${String((i % 400) + 200).padStart(3, '0')}`;
const good = (i: number) => `${code(i)},村${i},村委会,${100 + (i % 50)},是`;

function run(file: string) {
  const rejects = `${file}.rejects.csv`;
  const result = spawnSync(
    process.execPath,
    ['--max-old-space-size=128', bin, 'indicators', file, '--format', 'json', '--rejects', rejects],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const counts = /读取 (\d+) 行 read · 接受 (\d+) accepted · 拒收 (\d+) rejected/.exec(result.stderr);
  let rejectedLines: number[] = [];
  try {
    rejectedLines = readFileSync(rejects, 'utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n')
      .slice(1)
      .filter((line) => line !== '')
      .map((line) => Number(line.split(',')[0]));
  } catch {
    rejectedLines = [];
  }
  return {
    code: result.status,
    signal: result.signal,
    stderr: result.stderr,
    read: Number(counts?.[1] ?? Number.NaN),
    accepted: Number(counts?.[2] ?? Number.NaN),
    rejected: Number(counts?.[3] ?? Number.NaN),
    rejectedLines,
  };
}

function csvFile(name: string, lines: readonly (string | Uint8Array)[], separator = '\n'): string {
  const parts = lines.map((line) => (typeof line === 'string' ? new TextEncoder().encode(line) : line));
  const joiner = new TextEncoder().encode(separator);
  const size = parts.reduce((sum, part) => sum + part.length + joiner.length, 0);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
    bytes.set(joiner, at);
    at += joiner.length;
  }
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const goodRows = (from: number, count: number) => Array.from({ length: count }, (_, i) => good(from + i));

describe('hostile CSV files through the command line', () => {
  it('a stray quote on line 4 of 10 001 lines: one row rejected at line 4, the 9 999 others read; exit 1', () => {
    const lines = [HEADER, ...goodRows(0, 10_000)];
    lines[3] = `${code(2)},"东上泽村,村委会,1,2,是,3`;
    const result = run(csvFile('stray-quote.csv', lines));
    expect(result).toMatchObject({ code: 1, read: 10_000, accepted: 9_999, rejected: 1, rejectedLines: [4] });
  });

  it('a 30 MB line of delimiters: rejected at its line in bounded memory; exit 1', () => {
    const flood = ','.repeat(30 * 1024 * 1024);
    const result = run(csvFile('flood.csv', [HEADER, good(0), flood, good(1)]));
    expect(result.signal).toBeNull();
    expect(result).toMatchObject({ code: 1, read: 3, accepted: 2, rejected: 1, rejectedLines: [3] });
  });

  it('a row of 10⁶ delimiters is rejected, not accepted', () => {
    const result = run(csvFile('wide-row.csv', [HEADER, `${good(0)}${','.repeat(1_000_000)}`, good(1)]));
    expect(result).toMatchObject({ code: 1, read: 2, accepted: 1, rejected: 1, rejectedLines: [2] });
  });

  it('one truncated UTF-8 character on line 3: that line rejected, every other line read; exit 1', () => {
    const broken = new Uint8Array([...new TextEncoder().encode(`${code(1)},村`), 0xe6, 0x9d, 0x2c, 0x31]);
    const result = run(csvFile('bad-utf8.csv', [HEADER, good(0), broken, ...goodRows(2, 50)]));
    expect(result).toMatchObject({ code: 1, read: 52, accepted: 51, rejected: 1, rejectedLines: [3] });
  });

  it('a GB18030 name inside a UTF-8 file is rejected, never read as mojibake', () => {
    const gbName = encodeCsv('东上泽村', { encoding: 'gb18030' });
    const mixed = new Uint8Array([
      ...new TextEncoder().encode(`${code(1)},`),
      ...gbName,
      ...new TextEncoder().encode(',村委会,5,是'),
    ]);
    const result = run(csvFile('mixed.csv', [HEADER, good(0), mixed, ...goodRows(2, 20)]));
    expect(result).toMatchObject({ code: 1, read: 22, accepted: 21, rejected: 1, rejectedLines: [3] });
  });

  it('UTF-16BE and UTF-16LE with a BOM, and CR-only line ends, are read whole; exit 0', () => {
    const text = [HEADER, ...goodRows(0, 30)].join('\r\n');
    const be = new Uint8Array(2 + text.length * 2);
    be.set([0xfe, 0xff]);
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      be[2 + 2 * i] = c >> 8;
      be[3 + 2 * i] = c & 0xff;
      le[2 + 2 * i] = c & 0xff;
      le[3 + 2 * i] = c >> 8;
    }
    for (const [name, bytes] of [
      ['be.csv', be],
      ['le.csv', le],
    ] as const) {
      writeFileSync(join(dir, name), bytes);
      expect(run(join(dir, name)), name).toMatchObject({ code: 0, read: 30, accepted: 30, rejected: 0 });
    }
    const cr = run(csvFile('cr-only.csv', [HEADER, ...goodRows(0, 30)], '\r'));
    expect(cr).toMatchObject({ code: 0, read: 30, accepted: 30, rejected: 0 });
  });

  it('a NUL byte in a number cell rejects that row only', () => {
    const result = run(csvFile('nul.csv', [HEADER, good(0), `${code(1)},村,村委会,1\u00002,是`, good(2)]));
    expect(result).toMatchObject({ code: 1, read: 3, accepted: 2, rejected: 1, rejectedLines: [3] });
  });
});

describe('hostile workbooks through the command line', () => {
  const HEAD = ['统计用区划代码', '类型', '户数'];

  it('rows and cells without the r attribute are read in order; exit 0', () => {
    const rows = [HEAD, [code(0), '村委会', '5'], [code(1), '村委会', '6']]
      .map((cells) => `<row>${cells.map((c) => `<c t="inlineStr"><is><t>${c}</t></is></c>`).join('')}</row>`)
      .join('');
    const path = join(dir, 'no-r.xlsx');
    writeFileSync(path, workbook(sheetXml(rows)));
    expect(run(path)).toMatchObject({ code: 0, read: 2, accepted: 2, rejected: 0 });
  });

  it('a zip bomb stops at the limit with exit 2 and one line, in bounded memory', () => {
    const rows = `${inlineRow(1, HEAD)}${inlineRow(2, [code(0), '村委会', '612'])}`;
    const data = deflateRepeated(
      sheetXml(rows).replace('</sheetData></worksheet>', ''),
      '        ',
      (64 * 1024 * 1024) / 8,
      '</sheetData></worksheet>',
    );
    const path = join(dir, 'bomb.xlsx');
    writeFileSync(
      path,
      rawZip([...storedParts(), { name: 'xl/worksheets/sheet1.xml', data, method: 8, declaredSize: 1000 }]),
    );
    const result = run(path);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot read/);
  }, 60_000);

  it('an entity bomb is refused with exit 2, never expanded', () => {
    const prolog =
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    const path = join(dir, 'entities.xlsx');
    writeFileSync(
      path,
      workbook(sheetXml(`${inlineRow(1, HEAD)}${inlineRow(2, [code(0), '&lol2;', '1'])}`, prolog)),
    );
    const result = run(path);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot read/);
  });
});
