// OOXML's escape of a UTF-16 code unit in a cell's text (ST_Xstring, ECMA-376): `_x`, four hex digits, `_`. Excel
// writes a carriage return as `_x000D_`, and text that merely looks like an escape with its underscore escaped:
// `_x005F_` is the underscore, so `_x0041_` as written is `_x005F_x0041_`. Both directions here, on one pattern: the
// .xlsx reader decodes (xlsx-parts.ts, xlsx-sheet.ts), the .xlsx writers escape (write.ts's `xlsxCellText`).

/** The four hex digits of an escape, after `_x` and before `_`. */
const HEX4_ = 'x([0-9A-Fa-f]{4})_';

/** An escape. */
const ESCAPE = new RegExp(`_${HEX4_}`, 'g');

/**
 * Code units a workbook's XML cannot hold (C0 controls but tab and line feed; U+FFFE, U+FFFF), would change (a
 * carriage return, which XML reads as a line feed) or that write-excel-file leaves out (C1 controls but U+0085,
 * U+FDD0–U+FDEF): written as escapes, as Excel writes them.
 */
const UNHELD = '\\u0000-\\u0008\\u000B-\\u001F\\u0080-\\u0084\\u0086-\\u009F\\uFDD0-\\uFDEF\\uFFFE\\uFFFF';
const UNHELD_UNIT = new RegExp(`[${UNHELD}]`, 'g');

/**
 * An underscore that begins what a reader would take for an escape in the written text. Each such underscore is
 * escaped, not each match: in `_x0041_x0041_` the second begins at the first's last underscore. A code unit written
 * as an escape begins with an underscore, so `_x0041` before a control character begins one too.
 */
const LOOKALIKE_START = new RegExp(`_(?=x[0-9A-Fa-f]{4}(?:_|[${UNHELD}]))`, 'g');

/** Whether a text needs an escape at all. */
const NEEDS_ESCAPE = new RegExp(`_x|[${UNHELD}]`);

/**
 * Decodes the escapes of a cell's text (after XML's own): `_xHHHH_` is the code unit HHHH. An escape of a surrogate
 * is left as written, as XML's `&#xD800;` is.
 */
export function decodeXstring(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(ESCAPE, (whole, hex: string) => {
    const unit = Number.parseInt(hex, 16);
    return unit >= 0xd800 && unit <= 0xdfff ? whole : String.fromCharCode(unit);
  });
}

/** The escape of one code unit: `_x000D_`. */
const escapeOf = (unit: string) => `_x${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;

/**
 * Escapes text so that {@link decodeXstring} (and Excel) give it back as written: each underscore that would begin an
 * escape (`_x005F_`), then each code unit a workbook cannot hold as it is.
 */
export function escapeXstring(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(LOOKALIKE_START, '_x005F_').replace(UNHELD_UNIT, escapeOf);
}
