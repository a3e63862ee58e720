import type { RowKind } from '../model/row-kind.js';

const NEEDS_NORMALISING = /[\uff01-\uff5e\u3000]|^\s|\s$/;

/**
 * Turns full-width digits and signs (０–９, ．, －, ＋) into ASCII and trims white space, including the
 * ideographic space U+3000.
 *
 * @param text - a cell's text
 * @returns the text with ASCII digits
 *
 * @example
 * ```ts
 * import { normalizeDigits } from 'shequ/io';
 * normalizeDigits('　１２３．５ ');
 * //=> '123.5'
 * ```
 */
export function normalizeDigits(text: string): string {
  if (typeof text !== 'string') return ''; // not text: nothing to normalise (never a TypeError)
  // Fast path: nothing full-width and nothing to trim (the common cell).
  if (!NEEDS_NORMALISING.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    // Full-width forms U+FF01–U+FF5E sit 0xFEE0 above their ASCII twins.
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : ch;
  }
  return out.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * Reads a number from a spreadsheet cell: full-width digits and thousands separators (`,` `，` and spaces between
 * digit groups) are accepted. A blank cell gives `undefined`; text that is not a number gives `null`.
 *
 * @param cell - a cell's value (text, or a number from a spreadsheet)
 * @returns the number, `undefined` for blank, `null` when unreadable
 *
 * @example
 * ```ts
 * import { parseNumberCell } from 'shequ/io';
 * parseNumberCell('1,234.50');
 * //=> 1234.5
 * parseNumberCell('１２３');
 * //=> 123
 * parseNumberCell('');
 * //=> undefined
 * parseNumberCell('很多');
 * //=> null
 * ```
 */
export function parseNumberCell(cell: unknown): number | undefined | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (cell === undefined || cell === null) return undefined;
  if (typeof cell !== 'string') return null;
  if (PLAIN_NUMBER.test(cell)) return Number(cell);
  const text = normalizeDigits(cell);
  if (text === '') return undefined;
  const plain = /^[+-]?\d{1,3}(?:[,，\s]\d{3})+(?:\.\d+)?$/.test(text) ? text.replace(/[,，\s]/g, '') : text;
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(plain)) return null;
  return Number(plain);
}

/**
 * Reads a 统计年度 cell: `2025`, `2025年`, `2025年度`, `２０２５` → `2025`. Blank gives `undefined`; anything else
 * (a two-digit year, `2025-06`, a decimal) `null`. Whether the year is in range is the schema's check.
 *
 * @param cell - a cell's value
 * @returns the year, `undefined` for blank, `null` when unreadable
 *
 * @example
 * ```ts
 * import { parseYearCell } from 'shequ/io';
 * parseYearCell('2025年');
 * //=> 2025
 * parseYearCell('25');
 * //=> null
 * ```
 */
export function parseYearCell(cell: unknown): number | undefined | null {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : null;
  if (cell === undefined || cell === null) return undefined;
  if (typeof cell !== 'string') return null;
  const text = normalizeDigits(cell);
  if (text === '') return undefined;
  const match = /^(\d{4})(?:年度?)?$/.exec(text);
  return match === null ? null : Number(match[1]);
}

const TRUE_WORDS = new Set(['是', '有', 'true', 'yes', 'y', '1', '√', '✓']);
const FALSE_WORDS = new Set(['否', '无', '没有', 'false', 'no', 'n', '0', '×', '✗']);

/**
 * Reads a yes/no cell: 是/有/true/yes/Y/1/√ → `true`, 否/无/没有/false/no/N/0/× → `false` (case-insensitive,
 * full-width accepted). Blank gives `undefined`; anything else `null`.
 *
 * @param cell - a cell's value
 * @returns the flag, `undefined` for blank, `null` when unreadable
 *
 * @example
 * ```ts
 * import { parseBooleanCell } from 'shequ/io';
 * parseBooleanCell('是');
 * //=> true
 * parseBooleanCell('N');
 * //=> false
 * parseBooleanCell('也许');
 * //=> null
 * ```
 */
export function parseBooleanCell(cell: unknown): boolean | undefined | null {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : null;
  if (cell === undefined || cell === null) return undefined;
  if (typeof cell !== 'string') return null;
  if (cell === '是') return true; // fast path: what sheets hold
  if (cell === '否') return false;
  const word = normalizeDigits(cell).toLowerCase();
  if (word === '') return undefined;
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

/** The words of each kind, as a kind cell may hold them (read after `normalizeDigits` and lower-casing). */
const WORDS_OF_KIND: Readonly<Record<RowKind, readonly string[]>> = {
  community: ['community', '社区', '居委会', '居民委员会', '社区居委会', '社区居民委员会'],
  village: ['village', '村', '村委会', '村民委员会'],
  township: [
    'township',
    '街道',
    '乡镇',
    '镇',
    '乡',
    '街道办事处',
    '街道（乡镇）',
    '乡镇（街道）',
    '苏木',
    '民族乡',
  ],
  district: [
    'district',
    'county',
    '区',
    '县',
    '县级市',
    '旗',
    '区县',
    '县区',
    '县（区）',
    '区（县）',
    '县（市、区）',
  ],
  communityTotal: ['communityTotal', '社区合计', '居委会合计', '城市社区合计', '社区小计', '居委会小计'],
  villageTotal: [
    'villageTotal',
    '村合计',
    '村委会合计',
    '农村社区合计',
    '行政村合计',
    '村小计',
    '村委会小计',
  ],
};

const KIND_WORDS: ReadonlyMap<string, RowKind> = new Map(
  (Object.keys(WORDS_OF_KIND) as RowKind[]).flatMap((kind) =>
    WORDS_OF_KIND[kind].map((word) => [normalizeDigits(word).toLowerCase(), kind] as const),
  ),
);

/**
 * Reads a kind cell: 社区/居委会/居民委员会/community → `'community'`, 村/村委会/村民委员会/village → `'village'`;
 * 街道/乡镇/镇/乡/街道（乡镇）/苏木 → `'township'`; 区/县/县级市/旗/县（区） → `'district'`; 社区合计/居委会合计 →
 * `'communityTotal'`, 村合计/村委会合计 → `'villageTotal'` (full-width brackets or not, case-insensitive).
 * Blank gives `undefined`; anything else `null`.
 *
 * @param cell - a cell's value
 * @returns the kind, `undefined` for blank, `null` when unreadable
 *
 * @example
 * ```ts
 * import { parseUnitKindCell } from 'shequ/io';
 * parseUnitKindCell('居委会');
 * //=> 'community'
 * parseUnitKindCell('村民委员会');
 * //=> 'village'
 * parseUnitKindCell('街道');
 * //=> 'township'
 * parseUnitKindCell('社区合计');
 * //=> 'communityTotal'
 * ```
 */
export function parseUnitKindCell(cell: unknown): RowKind | undefined | null {
  if (cell === undefined || cell === null) return undefined;
  if (typeof cell !== 'string') return null;
  const word = normalizeDigits(cell).toLowerCase();
  if (word === '') return undefined;
  return KIND_WORDS.get(word) ?? null;
}

/**
 * Reads a code cell as a string: a spreadsheet number becomes its digits (a 12-digit division code stored as a
 * number keeps all its digits, which are exact below 2^53), full-width digits become ASCII, white space is trimmed.
 * Blank gives `undefined`; a non-integer number `null`.
 *
 * @param cell - a cell's value
 * @returns the code text, `undefined` for blank, `null` when unreadable
 *
 * @example
 * ```ts
 * import { parseCodeCell } from 'shequ/io';
 * parseCodeCell(130102001001);
 * //=> '130102001001'
 * parseCodeCell(' １３０１０２ ');
 * //=> '130102'
 * ```
 */
export function parseCodeCell(cell: unknown): string | undefined | null {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) && cell >= 0 ? String(cell) : null;
  if (cell === undefined || cell === null) return undefined;
  if (typeof cell !== 'string') return null;
  const text = normalizeDigits(cell);
  return text === '' ? undefined : text;
}
