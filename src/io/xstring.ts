// OOXML's escape of a UTF-16 code unit in a cell's text (ST_Xstring, ECMA-376): `_x`, four hex digits, `_`. Excel
// writes a carriage return as `_x000D_`, and text that merely looks like an escape with its underscore escaped:
// `_x005F_` is the underscore, so `_x0041_` as written is `_x005F_x0041_`. Both directions here, on one pattern: the
// .xlsx reader decodes (xlsx-parts.ts, xlsx-sheet.ts), the .xlsx writers escape (write.ts's `xlsxCellText`).

/** The four hex digits of an escape, after `_x` and before `_`. */
const HEX4_ = 'x([0-9A-Fa-f]{4})_';

/** An escape. */
const ESCAPE = new RegExp(`_${HEX4_}`, 'g');

/**
 * An underscore that begins what a reader would take for an escape. Each such underscore is escaped, not each match:
 * in `_x0041_x0041_` the second begins at the first's last underscore.
 */
const LOOKALIKE_START = new RegExp(`_(?=${HEX4_})`, 'g');

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

/** Escapes text that a reader would decode, so that {@link decodeXstring} gives it back as written. */
export function escapeXstring(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(LOOKALIKE_START, '_x005F_');
}
