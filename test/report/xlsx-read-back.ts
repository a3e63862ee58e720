/**
 * Reads a workbook written by the report layer back, for tests: the sheet names (from xl/workbook.xml), each sheet's
 * cell texts through the project's own .xlsx reader (zip directory, sheet location, shared strings, sheet handler),
 * and from the sheet's XML which cells are numbers, the frozen rows and the column widths.
 */
import { unzipSync } from 'fflate';
import { locateSheet, type Package, readDateStyles, readSharedStrings } from '../../src/io/xlsx-parts.js';
import { createSheetHandler } from '../../src/io/xlsx-sheet.js';
import { createXmlTokenizer } from '../../src/io/xlsx-xml.js';
import { findEntry, inflateEntry, readZipDirectory } from '../../src/io/xlsx-zip.js';

export interface ReadBackSheet {
  readonly name: string;
  /** Cell texts by row (the header first). */
  readonly rows: string[][];
  /** References (`F2`) of the cells stored as numbers. */
  readonly numbers: ReadonlySet<string>;
  /** Rows frozen at the top (0 when none). */
  readonly frozenRows: number;
  /** Column widths as written (`<col width>`), in column order. */
  readonly widths: readonly number[];
}

function drain<T>(generator: Generator<void, T>): T {
  for (;;) {
    const step = generator.next();
    if (step.done) return step.value;
  }
}

function sheetNames(bytes: Uint8Array): string[] {
  const workbook = new TextDecoder().decode(unzipSync(bytes)['xl/workbook.xml']);
  return [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((match) =>
    (match[1] ?? '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"'),
  );
}

function cellTexts(bytes: Uint8Array, pkg: Package, number: number): { rows: string[][]; xml: string } {
  const location = locateSheet(pkg, number);
  const shared = drain(readSharedStrings(pkg, location.sharedStringsPart));
  const dateStyles = readDateStyles(pkg, location.stylesPart);
  const rows: string[][] = [];
  const handler = createSheetHandler({ shared, dateStyles, epoch1904: false, tally: pkg.tally }, (row) => {
    rows[row.line - 1] = [...row.fields];
  });
  const tokenizer = createXmlTokenizer(handler);
  const decoder = new TextDecoder();
  let xml = '';
  const entry = findEntry(pkg.entries, location.sheetPart);
  if (entry === undefined) throw new Error('sheet part missing');
  for (const _ of inflateEntry(bytes, entry, pkg.budget, (chunk) => {
    const text = decoder.decode(chunk, { stream: true });
    xml += text;
    tokenizer.push(text);
  }));
  tokenizer.end();
  return { rows, xml };
}

/** Every sheet of a workbook, read back. */
export function readBackWorkbook(bytes: Uint8Array): ReadBackSheet[] {
  const pkg: Package = {
    bytes,
    entries: readZipDirectory(bytes),
    budget: { used: 0 },
    tally: { undeclared: 0 },
  };
  return sheetNames(bytes).map((name, i) => {
    const { rows, xml } = cellTexts(bytes, pkg, i + 1);
    const numbers = new Set<string>();
    for (const match of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>/g))
      if (!/ t="/.test(match[2] ?? '')) numbers.add(match[1] ?? '');
    const pane = /<pane [^>]*ySplit="(\d+)"[^>]*state="frozen"/.exec(xml);
    const widths = [...xml.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]));
    return { name, rows, numbers, frozenRows: pane === null ? 0 : Number(pane[1]), widths };
  });
}
