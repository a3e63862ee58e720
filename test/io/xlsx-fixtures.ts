/**
 * Builders of .xlsx files for the tests, made here from XML (no committed binaries): a whole workbook with fflate's
 * zipSync, or a zip written byte by byte when a test needs to lie in its headers (zip bombs, truncation).
 */
import { Deflate, strToU8, zipSync } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A sheet's XML around the given `<row>` elements. */
export function sheetXml(rows: string, prolog = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
}

/** A shared-strings part holding the given strings. */
export function sharedStringsXml(strings: readonly string[]): string {
  const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0"?><sst xmlns="${MAIN}">${strings.map((s) => `<si><t>${escaped(s)}</t></si>`).join('')}</sst>`;
}

/** One row of inline-string cells, with `r` attributes. */
export function inlineRow(line: number, cells: readonly string[]): string {
  const cell = (text: string, i: number) =>
    `<c r="${String.fromCharCode(65 + i)}${line}" t="inlineStr"><is><t>${text}</t></is></c>`;
  return `<row r="${line}">${cells.map(cell).join('')}</row>`;
}

/** The parts of a workbook with the given sheets (name → XML) and optional shared strings and styles. */
export function workbookParts(
  sheets: Record<string, string>,
  extra: { sharedStrings?: string; styles?: string; date1904?: boolean } = {},
): Record<string, Uint8Array> {
  const names = Object.keys(sheets);
  const sheetTags = names.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  const rels = names.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  if (extra.sharedStrings !== undefined)
    rels.push(`<Relationship Id="rSS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (extra.styles !== undefined)
    rels.push(`<Relationship Id="rST" Type="${REL}/styles" Target="/xl/styles.xml"/>`);
  const parts: Record<string, Uint8Array> = {
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${extra.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheetTags.join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    ),
  };
  names.forEach((name, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheets[name] as string);
  });
  if (extra.sharedStrings !== undefined) parts['xl/sharedStrings.xml'] = strToU8(extra.sharedStrings);
  if (extra.styles !== undefined) parts['xl/styles.xml'] = strToU8(extra.styles);
  return parts;
}

/** A workbook with one sheet of the given XML (and optional shared strings, styles). */
export function workbook(
  sheet: string,
  extra: { sharedStrings?: string; styles?: string; date1904?: boolean; stored?: boolean } = {},
): Uint8Array {
  // `stored`: no compression at all (level 0), for parts that must be big without being zip bombs.
  return zipSync(workbookParts({ Sheet1: sheet }, extra), extra.stored ? { level: 0 } : {});
}

/** A zip entry written by hand: raw data (deflated when `method` is 8) and the sizes to declare. */
export interface RawEntry {
  readonly name: string;
  readonly data: Uint8Array;
  readonly method: 0 | 8;
  readonly declaredSize: number;
}

function header(values: readonly [number, 2 | 4][]): number[] {
  const out: number[] = [];
  for (const [value, size] of values) for (let i = 0; i < size; i++) out.push((value >>> (8 * i)) & 0xff);
  return out;
}

/** Writes a zip from raw entries (CRC left 0: the reader does not need it), with the sizes they declare. */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const sizes: [number, 4][] = [
      [0, 4],
      [entry.data.length, 4],
      [entry.declaredSize, 4],
    ];
    const local = header([
      [0x04034b50, 4],
      [20, 2],
      [0, 2],
      [entry.method, 2],
      [0, 2],
      [0, 2],
      ...sizes,
      [name.length, 2],
      [0, 2],
    ]);
    central.push(
      ...header([[0x02014b50, 4], [20, 2], [20, 2], [0, 2], [entry.method, 2], [0, 2], [0, 2], ...sizes]),
      ...header([
        [name.length, 2],
        [0, 2],
        [0, 2],
        [0, 2],
        [0, 2],
        [0, 4],
        [offset, 4],
      ]),
      ...name,
    );
    chunks.push(new Uint8Array(local), name, entry.data);
    offset += local.length + name.length + entry.data.length;
  }
  const end = header([
    [0x06054b50, 4],
    [0, 2],
    [0, 2],
    [entries.length, 2],
    [entries.length, 2],
    [central.length, 4],
    [offset, 4],
    [0, 2],
  ]);
  chunks.push(new Uint8Array(central), new Uint8Array(end));
  return concatBytes(...chunks);
}

/** The bytes of `parts` one after the other. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Deflates `repeat` copies of `unit` (then `head` before and `tail` after) without ever holding them together. */
export function deflateRepeated(head: string, unit: string, repeat: number, tail: string): Uint8Array {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => out.push(chunk));
  deflate.push(strToU8(head));
  const block = strToU8(unit.repeat(Math.max(1, Math.floor(65_536 / unit.length))));
  const perBlock = Math.max(1, Math.floor(65_536 / unit.length));
  for (let done = 0; done < repeat; done += perBlock) deflate.push(block);
  deflate.push(strToU8(tail), true);
  return concatBytes(...out);
}

/** The small parts of a one-sheet workbook, as raw stored entries (to sit beside a hand-made sheet entry). */
export function storedParts(): RawEntry[] {
  const parts = workbookParts({ Sheet1: '' });
  return ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'].map((name) => ({
    name,
    data: parts[name] as Uint8Array,
    method: 0,
    declaredSize: (parts[name] as Uint8Array).length,
  }));
}

/** A surrogate without its other half (what no writer can write as it is). */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
