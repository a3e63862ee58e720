/**
 * An independent, brute-force ID-number detector for tests: it shares no code with src/core/mask.ts, so a test that
 * scans an output with it does not only trust the code under test. NFKC turns full-width digits and letters into
 * ASCII; every separator the masker documents is deleted; then every window of 15 or 18 characters is tried, and 17
 * digits where the run ends (an 18-character number without its check character, which can be computed again).
 */
import { PROVINCE_CODE_LIST } from '../../src/codes/shared.js';

const PROVINCES = new Set([...PROVINCE_CODE_LIST, '83']);

/** Separators written out by hand (white space, zero-width, dashes, dots, underscores, slashes, asterisks, tildes, brackets). */
const SEPARATORS =
  /[\t \u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d.\u00b7\u2027\u30fb\uff0e\uff65_\uff3f/\\\uff0f\uff3c*\uff0a~\uff5e()\uff08\uff09[\]\u3010\u3011]/g;

function realDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Every full ID number (18, 17 or 15 characters, a real birth date, a known province) that `text` holds once full-width
 * characters are read as ASCII and separators are removed. Each hit is given normalised.
 */
const SEP = SEPARATORS.source;
/**
 * A decimal number standing alone (digits, one dot, at most 17 digits — a double's fraction — and no ID character
 * before or after it across separators), as the masker's documented exemption reads it: its fraction cannot hold an
 * 18-character number, and a 15-digit window in it is a float. It is cut at the dot and the fraction dropped.
 */
const DECIMAL = new RegExp(String.raw`(?<![0-9X]${SEP}*)(\d+)\.\d{1,17}(?!${SEP}*[0-9X])`, 'gi');

export function findIdNumbers(text: string): string[] {
  const flat = text
    .normalize('NFKC')
    // Arabic-Indic digits have no NFKC form: read by hand, as a person reads them.
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90))
    .replace(DECIMAL, '$1|')
    .replace(SEPARATORS, '')
    .replace(/x/g, 'X');
  const found: string[] = [];
  for (let i = 0; i + 15 <= flat.length; i++) {
    const w18 = flat.slice(i, i + 18);
    if (/^\d{17}[\dX]$/.test(w18) && PROVINCES.has(w18.slice(0, 2))) {
      const year = Number(w18.slice(6, 10));
      if (
        year >= 1800 &&
        year <= 2099 &&
        realDate(year, Number(w18.slice(10, 12)), Number(w18.slice(12, 14)))
      )
        found.push(w18);
    }
    const w17 = flat.slice(i, i + 17);
    if (/^\d{17}$/.test(w17) && !/[\dX]/.test(flat[i + 17] ?? '') && PROVINCES.has(w17.slice(0, 2))) {
      const year = Number(w17.slice(6, 10));
      if (
        year >= 1800 &&
        year <= 2099 &&
        realDate(year, Number(w17.slice(10, 12)), Number(w17.slice(12, 14)))
      )
        found.push(w17);
    }
    const w15 = flat.slice(i, i + 15);
    if (/^\d{15}$/.test(w15) && PROVINCES.has(w15.slice(0, 2))) {
      if (realDate(1900 + Number(w15.slice(6, 8)), Number(w15.slice(8, 10)), Number(w15.slice(10, 12))))
        found.push(w15);
    }
  }
  return found;
}

/** The ID number used in examples: 北京朝阳, born 1949-12-31. */
export const SAMPLE_ID = '11010519491231002X';

/** Every way of writing SAMPLE_ID the issue lists, and a 15-digit one. */
export const ID_VARIANTS: readonly string[] = [
  '11010519491231002X',
  '11010519491231002x',
  '１１０１０５１９４９１２３１００２Ｘ',
  '110105 19491231 002X',
  '110105-19491231-002X',
  '110105\u300019491231\u3000002X',
  '身份证11010519491231002X',
  'ID11010519491231002X',
  '西上泽村11010519491231002X委会',
  '110105491231002',
  '110105*19491231*002X',
  '110105(19491231)002X',
  '11010519491231002Ⅹ',
  '١١٠١٠٥١٩٤٩١٢٣١٠٠٢X',
];
