// OOXML's escape of a UTF-16 code unit in a cell's text (ST_Xstring, ECMA-376): `_x`, four hex digits, `_`. Excel
// writes a carriage return as `_x000D_`, and text that merely looks like an escape with its underscore escaped:
// `_x005F_` is the underscore, so `_x0041_` as written is `_x005F_x0041_`. Both directions here, on one pattern: the
// .xlsx reader decodes (xlsx-parts.ts, xlsx-sheet.ts), the .xlsx writers escape (write.ts's `xlsxCellText`).

/** The four hex digits of an escape, after `_x` and before `_`. */
const HEX4_ = 'x([0-9A-Fa-f]{4})_';

/**
 * An escape, or two that together are a surrogate pair (a character past U+FFFF, as U+1FFFE is written): the pair
 * decoded as one, each half alone left as written.
 */
const ESCAPE = new RegExp(`_x(D[89AB][0-9A-F]{2})__x(D[C-F][0-9A-F]{2})_|_${HEX4_}`, 'gi');

/**
 * What a workbook's XML cannot hold (C0 controls but tab and line feed; U+FFFE, U+FFFF), would change (a carriage
 * return, which XML reads as a line feed) or what write-excel-file leaves out (DEL, C1 controls but U+0085,
 * U+FDD0–U+FDEF, U+FFFD, the last two code points of planes 1–16, whose surrogate pairs below): written as escapes,
 * as Excel writes them. A lone surrogate, which write-excel-file drops with the character before it, is no character:
 * written as U+FFFD's escape, as the UTF-8 writers write it.
 */
const UNHELD_UNIT =
  '[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u0084\\u0086-\\u009F\\uFDD0-\\uFDEF\\uFFFD-\\uFFFF]';
const ASTRAL_NONCHARACTER =
  '[\\uD83F\\uD87F\\uD8BF\\uD8FF\\uD93F\\uD97F\\uD9BF\\uD9FF\\uDA3F\\uDA7F\\uDABF\\uDAFF\\uDB3F\\uDB7F\\uDBBF\\uDBFF][\\uDFFE\\uDFFF]';
/** A lone surrogate (regex source): half of a pair without its other half. */
export const LONE_SURROGATE =
  '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
/** The pattern (as regex source) of all of the above; the sheet namer (xlsx-sheet-names.ts) builds on it. */
export const UNHELD = `${UNHELD_UNIT}|${ASTRAL_NONCHARACTER}|${LONE_SURROGATE}`;
const UNHELD_RUN = new RegExp(UNHELD, 'g');

/**
 * An underscore that begins what a reader would take for an escape in the written text. Each such underscore is
 * escaped, not each match: in `_x0041_x0041_` the second begins at the first's last underscore. What is written as
 * an escape begins with an underscore, so `_x0041` before a control character begins one too.
 */
const LOOKALIKE_START = new RegExp(`_(?=x[0-9A-Fa-f]{4}(?:_|${UNHELD}))`, 'g');

/** Whether a text needs an escape at all. */
const NEEDS_ESCAPE = new RegExp(`_x|${UNHELD}`);

/**
 * Decodes the escapes of a cell's text (after XML's own): `_xHHHH_` is the code unit HHHH, two escapes of a surrogate
 * pair are its character. An escape of a lone surrogate is left as written, as XML's `&#xD800;` is.
 */
export function decodeXstring(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(
    ESCAPE,
    (whole, high: string | undefined, low: string | undefined, hex: string | undefined) => {
      if (high !== undefined && low !== undefined)
        return String.fromCharCode(Number.parseInt(high, 16), Number.parseInt(low, 16));
      const unit = Number.parseInt(hex as string, 16);
      return unit >= 0xd800 && unit <= 0xdfff ? whole : String.fromCharCode(unit);
    },
  );
}

/** The escape of one code unit: `_x000D_`. */
const escapeOfUnit = (code: number) => `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;

/** The escape of what a workbook cannot hold: each code unit's (a pair's two), a lone surrogate's as U+FFFD's. */
function escapeOf(unheld: string): string {
  if (unheld.length === 2) return escapeOfUnit(unheld.charCodeAt(0)) + escapeOfUnit(unheld.charCodeAt(1));
  const code = unheld.charCodeAt(0);
  return escapeOfUnit(code >= 0xd800 && code <= 0xdfff ? 0xfffd : code);
}

/**
 * Escapes text so that {@link decodeXstring} (and Excel) give it back as written: each underscore that would begin an
 * escape (`_x005F_`), then each character a workbook cannot hold as it is. A text that is a key of Object.prototype
 * (`constructor`, `__proto__` …) has its first character escaped too: write-excel-file looks a text's shared string
 * up in a plain object, where such a text finds the prototype's value and the cell loses its text.
 */
export function escapeXstring(text: string): string {
  const escaped = NEEDS_ESCAPE.test(text)
    ? text.replace(LOOKALIKE_START, '_x005F_').replace(UNHELD_RUN, escapeOf)
    : text;
  return escaped in Object.prototype ? escapeOfUnit(escaped.charCodeAt(0)) + escaped.slice(1) : escaped;
}
