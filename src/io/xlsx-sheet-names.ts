// Sheet names as Excel takes them. A name it refuses makes write-excel-file throw (`a/b`), and one it merely does not
// expect makes Excel "repair" the workbook on opening (an empty name, a name that begins or ends with an apostrophe,
// `History`, two names that differ only in case, a name cut inside a surrogate pair). Every .xlsx writer names its
// sheets through one namer, so that any name a caller gives is written, made legal and unique.

/** Characters Excel refuses in a sheet name. */
const FORBIDDEN = /[\\/?*[\]:]/g;

/**
 * Code units XML cannot hold or that the writer library leaves out (C0 and C1 controls, U+FDD0–U+FDEF, U+FFFE,
 * U+FFFF) and lone surrogates.
 */
const UNWRITABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters a sheet name cannot hold
  /[\u0000-\u001F\u0080-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The longest sheet name Excel allows, in UTF-16 code units. */
export const SHEET_NAME_MAX = 31;

/** The name Excel keeps for its change history. */
const RESERVED = 'history';

/** `text` cut to at most `max` code units, never between the two halves of a surrogate pair. */
function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * Creates a namer of the sheets of one workbook: each name it gives is legal for Excel — the characters
 * `\ / ? * [ ] :`, controls and lone surrogates replaced by `_`, no apostrophe at either end, not empty, not
 * `History`, at most `max` characters — and unique regardless of case (`~2`, `~3` … added to the later ones).
 *
 * @param max - the longest name (31, Excel's limit, unless a writer keeps room for a suffix of its own)
 * @returns the namer: a wanted name in, the name to write out
 *
 * @example
 * ```ts
 * const name = createSheetNamer();
 * [name('a/b'), name('A_B'), name(''), name("'x'")];
 * //=> ['a_b', 'A_B~2', 'sheet', '_x_']
 * ```
 */
export function createSheetNamer(max: number = SHEET_NAME_MAX): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    let base = cutAt(String(wanted).replace(FORBIDDEN, '_').replace(UNWRITABLE, '_'), max);
    base = base.replace(/^'|'$/g, '_');
    if (base === '') base = 'sheet';
    if (base.toLowerCase() === RESERVED) base = cutAt(`${base}_`, max);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = `~${n}`;
      name = `${cutAt(base, max - suffix.length)}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  };
}
