// Sheet names as Excel takes them. A name it refuses makes write-excel-file throw (`a/b`), and one it merely does not
// expect makes Excel "repair" the workbook on opening (an empty name, a name that begins or ends with an apostrophe,
// `History`, two names that differ only in case, a name cut inside a surrogate pair). Every .xlsx writer names its
// sheets through one namer, so that any name a caller gives is written, made legal and unique.

import { maskIdNumbersInText } from '../core/mask.js';
import { UNHELD } from './xstring.js';

/** Characters Excel refuses in a sheet name. */
const FORBIDDEN = /[\\/?*[\]:]/g;

/**
 * What a cell writes as an escape ({@link UNHELD}: controls, DEL and C1 controls, non-characters, lone surrogates) and
 * the controls a cell may hold but a name may not (tab, line feed, U+0085): left out by the writer library after the
 * name was made unique, they could make it empty or the same as another.
 */
const UNWRITABLE = new RegExp(`[\\t\\n\\u0085]|${UNHELD}`, 'g');

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
 * A name with its ID-shaped runs masked, the mask `*` (which a sheet name cannot hold) as `_`: a name is output too,
 * and a suffix or a `_` for a control can complete an ID number (`11010519491231002~2`).
 */
function withoutIdNumbers(name: string): string {
  const masked = maskIdNumbersInText(name);
  return masked === name ? name : masked.replace(/\*/g, '_');
}

/**
 * The namer of the sheets of one workbook ({@link createSheetNamer}): a wanted name in, the name to write out.
 *
 * @example
 * ```ts
 * const name: SheetNamer = createSheetNamer(24);
 * [name('指标'), name.upTo('指标 (2)', 31)];
 * //=> ['指标', '指标 (2)']
 * ```
 */
export interface SheetNamer {
  /** A name of at most the namer's `max` characters. */
  (wanted: string): string;
  /** A name of at most `longest` characters, unique among all the namer gave (a table's later sheets: `指标 (2)`). */
  readonly upTo: (wanted: string, longest: number) => string;
}

/**
 * Creates a namer of the sheets of one workbook: each name it gives is legal for Excel — the characters
 * `\ / ? * [ ] :`, controls and lone surrogates replaced by `_`, no apostrophe at either end, not empty, not
 * `History`, at most `max` characters — holds no ID number (masked, `110105________0021`) and is unique regardless of
 * case (`~2`, `~3` … added to the later ones).
 *
 * @param max - the longest name (31, Excel's limit, unless a writer keeps room for a suffix of its own)
 * @returns the namer
 *
 * @example
 * ```ts
 * const name = createSheetNamer();
 * [name('a/b'), name('A_B'), name(''), name("'x'"), name('110105194912310021')];
 * //=> ['a_b', 'A_B~2', 'sheet', '_x_', '110105________0021']
 * ```
 */
export function createSheetNamer(max: number = SHEET_NAME_MAX): SheetNamer {
  const used = new Set<string>();
  const upTo = (wanted: string, longest: number) => {
    let base = cutAt(String(wanted).replace(FORBIDDEN, '_').replace(UNWRITABLE, '_'), longest);
    base = base.replace(/^'|'$/g, '_');
    if (base === '') base = 'sheet';
    if (base.toLowerCase() === RESERVED) base = cutAt(`${base}_`, longest);
    let name = withoutIdNumbers(base);
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = `~${n}`;
      name = withoutIdNumbers(`${cutAt(base, longest - suffix.length)}${suffix}`);
    }
    used.add(name.toLowerCase());
    return name;
  };
  return Object.assign((wanted: string) => upTo(wanted, max), { upTo });
}
