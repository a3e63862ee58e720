/**
 * The small parts of a workbook that say where a sheet is and how to read its cells: the package relationships,
 * the workbook (sheet names, 1904 dates), its relationships, the styles (which cells hold dates) and the shared
 * strings (streamed, within a size limit: the table must be held in memory).
 */
import { limitExceeded, megabytes, partName, unreadable, XLSX_LIMITS, XlsxStop } from './xlsx-limits.js';
import { targetEntryNames } from './xlsx-targets.js';
import {
  attribute,
  createXmlTokenizer,
  decodeXmlText,
  type EntityTally,
  type XmlHandler,
} from './xlsx-xml.js';
import {
  createPartDecoder,
  findEntry,
  type InflateBudget,
  inflateEntry,
  inflateSmallPart,
  type ZipEntry,
} from './xlsx-zip.js';
import { decodeXstring } from './xstring.js';

/** The zip being read, with the budget shared by every part. */
export interface Package {
  readonly bytes: Uint8Array;
  readonly entries: Map<string, ZipEntry>;
  readonly budget: InflateBudget;
  readonly tally: EntityTally;
}

/** Where the chosen sheet is and what is needed to read its cells. */
export interface SheetLocation {
  readonly sheetPart: string;
  readonly sharedStringsPart: string | undefined;
  readonly stylesPart: string | undefined;
  readonly epoch1904: boolean;
}

/** Calls `onOpen` for every start tag of a small XML text, the part `part`. */
function eachTag(text: string, part: string, onOpen: (name: string, attributes: string) => void): void {
  const handler: XmlHandler = { capturing: false, open: onOpen, close() {}, text() {} };
  const tokenizer = createXmlTokenizer(handler, part);
  tokenizer.push(text);
  tokenizer.end();
}

function smallPart(pkg: Package, name: string): string | undefined {
  const entry = findEntry(pkg.entries, name);
  return entry === undefined ? undefined : inflateSmallPart(pkg.bytes, entry, pkg.budget);
}

interface Relationship {
  /** The zip entry names its target may mean, most likely first (none: no part of the package, or external). */
  readonly names: readonly string[];
  /** The target as written in the file (for messages). */
  readonly written: string;
  readonly type: string;
}

function relationshipsOf(pkg: Package, part: string): Map<string, Relationship> {
  const slash = part.lastIndexOf('/');
  const relsName = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const map = new Map<string, Relationship>();
  const text = smallPart(pkg, relsName);
  if (text === undefined) return map;
  eachTag(text, relsName, (name, attributes) => {
    if (name !== 'Relationship') return;
    const id = attribute(attributes, 'Id', pkg.tally);
    const target = attribute(attributes, 'Target', pkg.tally);
    if (id === undefined || target === undefined) return;
    // An external relationship links to a file or a web page, never to a part.
    const external = attribute(attributes, 'TargetMode', pkg.tally) === 'External';
    map.set(id, {
      names: external ? [] : targetEntryNames(part, target),
      written: target,
      type: attribute(attributes, 'Type', pkg.tally) ?? '',
    });
  });
  return map;
}

/** Whose location a relationship gives, as its messages name it. */
interface Location {
  readonly zh: string;
  readonly en: string;
}

const SHEET: Location = { zh: '工作表的位置', en: "the sheet's location" };
const SHARED_STRINGS: Location = { zh: '共享字符串的位置', en: "the shared strings' location" };
const STYLES: Location = { zh: '样式的位置', en: "the styles' location" };
const WORKBOOK: Location = { zh: '工作簿的位置', en: "the workbook's location" };

/**
 * The zip entry a relationship names: the first of its names the zip holds, else the most likely one (looked up only
 * for the relationships used: a miss scans the zip's names). A target that is no part of the package (above its root,
 * a URL, an external relationship) is never read: the read stops, naming the target and whose location it is.
 */
function entryOf(pkg: Package, relationship: Relationship, location: Location): string {
  const found = relationship.names.find((name) => findEntry(pkg.entries, name) !== undefined);
  const entry = found ?? relationship.names[0];
  if (entry !== undefined) return entry;
  const written = partName(relationship.written);
  throw new XlsxStop(
    unreadable(
      `${location.zh}（${written}）不是工作簿 zip 包中的部件`,
      `${location.en} (${written}) is not a part of the workbook's zip package`,
    ),
  );
}

/** The entry of the first relationship of a type (see {@link entryOf}); `undefined` when there is none. */
function targetOfType(
  pkg: Package,
  relationships: Map<string, Relationship>,
  suffix: string,
  location: Location,
): string | undefined {
  for (const relationship of relationships.values())
    if (relationship.type.endsWith(suffix)) return entryOf(pkg, relationship, location);
  return undefined;
}

function workbookPart(pkg: Package): string {
  return targetOfType(pkg, relationshipsOf(pkg, ''), '/officeDocument', WORKBOOK) ?? 'xl/workbook.xml';
}

interface SheetEntry {
  readonly name: string;
  readonly relationshipId: string;
}

function pickSheet(sheets: readonly SheetEntry[], wanted: unknown): SheetEntry {
  const missing = () =>
    new XlsxStop(
      unreadable(
        `找不到指定的工作表（工作簿有 ${sheets.length} 个工作表）`,
        `no such sheet (the workbook has ${sheets.length} sheet(s))`,
      ),
    );
  if (wanted === undefined) {
    const first = sheets[0];
    if (first === undefined) throw missing();
    return first;
  }
  if (typeof wanted === 'number') {
    const sheet = Number.isInteger(wanted) ? sheets[wanted - 1] : undefined;
    if (sheet === undefined) throw missing();
    return sheet;
  }
  if (typeof wanted !== 'string') throw missing();
  const found =
    sheets.find((sheet) => sheet.name === wanted) ??
    sheets.find((sheet) => sheet.name.toLowerCase() === wanted.toLowerCase());
  if (found === undefined) throw missing();
  return found;
}

/** Finds the sheet asked for (first, by 1-based number or by name) and the parts needed to read it. */
export function locateSheet(pkg: Package, wanted: unknown): SheetLocation {
  const workbook = workbookPart(pkg);
  const text = smallPart(pkg, workbook);
  if (text === undefined)
    throw new XlsxStop(
      unreadable('zip 中没有工作簿（xl/workbook.xml）', 'the zip holds no workbook (xl/workbook.xml)'),
    );
  const sheets: SheetEntry[] = [];
  let epoch1904 = false;
  eachTag(text, workbook, (name, attributes) => {
    if (name === 'sheet')
      sheets.push({
        name: attribute(attributes, 'name', pkg.tally) ?? '',
        relationshipId: attribute(attributes, 'id', pkg.tally) ?? '',
      });
    else if (name === 'workbookPr') {
      const flag = attribute(attributes, 'date1904', pkg.tally);
      epoch1904 = flag === '1' || flag === 'true';
    }
  });
  const relationships = relationshipsOf(pkg, workbook);
  const sheet = relationships.get(pickSheet(sheets, wanted).relationshipId);
  const sheetPart = sheet === undefined ? undefined : entryOf(pkg, sheet, SHEET);
  if (sheetPart === undefined || findEntry(pkg.entries, sheetPart) === undefined)
    throw new XlsxStop(unreadable('工作表的数据不在 zip 中', "the sheet's data is missing from the zip"));
  return {
    sheetPart,
    sharedStringsPart: targetOfType(pkg, relationships, '/sharedStrings', SHARED_STRINGS),
    stylesPart: targetOfType(pkg, relationships, '/styles', STYLES),
    epoch1904,
  };
}

/** Built-in number formats that show dates (locale-independent, Chinese and other East Asian, Thai). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
]);
const DATE_TOKENS = new Set(['s', 'ss', 'm', 'mm', 'mmm', 'mmmm', 'mmmmm', 'h', 'hh', 'am', 'pm', 'a', 'p']);
for (const token of ['d', 'dd', 'ddd', 'dddd', 'aaa', 'aaaa', 'aaaaa', 'y', 'yy', 'yyyy', 'e', 'ee', 'eeee'])
  DATE_TOKENS.add(token);

/** True when a custom number format shows a date or time (the rules of read-excel-file, kept for equal results). */
export function isDateFormatCode(code: string): boolean {
  const sections = code.toLowerCase().replace(/;@$/, '').replace(/\\./g, ' ').split(';');
  return sections.some((section) => {
    const tokens = section
      .replace(/"[^"]*"/g, ' ')
      .replace(/(\[?[smhd]{1,2}\]?)[.,]00?0?/g, '$1')
      .replace(/\[([smhd]{1,2})\]/g, '$1')
      .replace(/\[[^\]]*\]/g, '')
      .split(/[^a-z0#?%]+/)
      .filter((token) => token !== '');
    return tokens.length > 0 && tokens.every((token) => DATE_TOKENS.has(token));
  });
}

/** For each cell style (`s` attribute), whether it shows a date. */
export function readDateStyles(pkg: Package, part: string | undefined): readonly boolean[] {
  const text = part === undefined ? undefined : smallPart(pkg, part);
  if (text === undefined) return [];
  const customFormats = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  const handler: XmlHandler = {
    capturing: false,
    open(name, attributes) {
      if (name === 'numFmt') {
        const id = Number(attribute(attributes, 'numFmtId', pkg.tally));
        customFormats.set(id, attribute(attributes, 'formatCode', pkg.tally) ?? '');
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(attributes, 'numFmtId', pkg.tally) ?? 0);
        const custom = customFormats.get(id);
        styles.push(DATE_FORMAT_IDS.has(id) || (custom !== undefined && isDateFormatCode(custom)));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  };
  const tokenizer = createXmlTokenizer(handler, part);
  tokenizer.push(text);
  tokenizer.end();
  return styles;
}

/** The shared strings; those over the cell limit are cut and listed in `tooLong`. */
export interface SharedStrings {
  readonly strings: readonly string[];
  readonly tooLong: ReadonlySet<number>;
}

/** Streams the shared-strings part into a table, within {@link XLSX_LIMITS.maxSharedStringsLength}. */
export function* readSharedStrings(pkg: Package, part: string | undefined): Generator<void, SharedStrings> {
  const strings: string[] = [];
  const tooLong = new Set<number>();
  const entry = part === undefined ? undefined : findEntry(pkg.entries, part);
  if (entry === undefined) return { strings, tooLong };
  let size = 0;
  let current = '';
  let currentLength = 0;
  let phonetic = 0;
  let inText = false;
  let inString = false;
  const handler = {
    capturing: false,
    open(name: string) {
      if (name === 'si') {
        if (inString) addString(); // a string left open ends where the next one begins: the others keep their index
        inString = true;
        current = '';
        currentLength = 0;
        phonetic = 0;
        inText = handler.capturing = false;
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = handler.capturing = true;
    },
    close(name: string) {
      if (name === 't') inText = handler.capturing = false;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if ((name === 'si' || name === 'sst') && inString) addString(); // a stray </si> adds no string
    },
    text(raw: string, literal: boolean) {
      if (!inText || currentLength > XLSX_LIMITS.maxCellLength) return;
      const text = literal ? raw : decodeXmlText(raw, pkg.tally);
      currentLength += text.length;
      current += text;
    },
  };
  function addString() {
    inString = false;
    inText = handler.capturing = false;
    if (currentLength > XLSX_LIMITS.maxCellLength) {
      tooLong.add(strings.length);
      current = current.slice(0, 64);
    }
    size += Math.max(16, current.length);
    if (size > XLSX_LIMITS.maxSharedStringsLength)
      throw new XlsxStop(
        limitExceeded(
          `共享字符串表超过 ${megabytes(XLSX_LIMITS.maxSharedStringsLength)} 个字符`,
          `the shared-strings table is over ${megabytes(XLSX_LIMITS.maxSharedStringsLength)} characters`,
        ),
      );
    strings.push(decodeXstring(current));
    current = '';
  }
  const tokenizer = createXmlTokenizer(handler, entry.name);
  const decode = createPartDecoder();
  yield* inflateEntry(pkg.bytes, entry, pkg.budget, (chunk) => tokenizer.push(decode(chunk)));
  tokenizer.push(decode());
  tokenizer.end();
  return { strings, tooLong };
}
