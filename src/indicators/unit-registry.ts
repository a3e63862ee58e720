// The units an accumulator has counted in one year, so that a unit listed twice is counted once: the first
// occurrence counts, every later one of the same code is not counted and is reported with where the first was. A
// row's code is a 12-digit number (exact in a double); membership is one bit of its township's 1 000, found through
// the township of the last row (a sheet lists a township's units together: most rows need no map lookup), so the
// per-row cost is a bit test, two appends and, at a change of township, one map lookup. Where each code was first
// seen is kept in two parallel arrays, and indexed by code only when a repeat asks for it (rare).

/** What `claim` and `find` say of a code not held yet. */
export const FIRST_TIME = -1;

/**
 * The position of a unit counted in another part of the same input (a range read before, an earlier file): its
 * first occurrence is known where the parts meet, not here. Above every line or index.
 */
export const ELSEWHERE = Number.MAX_SAFE_INTEGER;

/** Units of one year packed for a transfer: codes (12-digit numbers) and where each was first seen, in order. */
export interface PackedUnits {
  readonly codes: Float64Array;
  readonly positions: Float64Array;
}

/** The units of one year; positions are the caller's (a line, an index), never negative. */
export interface UnitRegistry {
  /** Units held. */
  readonly size: number;
  /**
   * Records the row of `code` (12 digits) at `position`: {@link FIRST_TIME} when its code is new (also for what is
   * not a 12-digit code, which nothing can repeat), else the position its code was first recorded at (recorded once).
   */
  claim(code: string, position: number): number;
  /** Where `code` (a 12-digit number) was recorded, or {@link FIRST_TIME}; records nothing. */
  find(code: number): number;
  /** The units recorded, in order; those recorded at {@link ELSEWHERE} (known already where this part is merged) left out. */
  packed(): PackedUnits;
  /** The codes of `units` recorded here, in their order. */
  shared(units: PackedUnits): number[];
  /** Records `units` (none of them held: see `shared`), each position moved by `shift`. */
  absorb(units: PackedUnits, shift: number): void;
}

/** Words of a township's bitmap: 1 000 villages (and the township's or district's own row at 0) in 32 × 32 bits. */
const WORDS = 32;

/** The 12 digits of a code as a number, or -1 (one pass, no allocation). */
function codeNumber(code: string): number {
  if (typeof code !== 'string' || code.length !== 12) return -1;
  let value = 0;
  for (let i = 0; i < 12; i++) {
    const digit = code.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Creates an empty registry. */
export function createUnitRegistry(): UnitRegistry {
  const slotOfTownship = new Map<number, number>();
  let bits = new Uint32Array(WORDS * 16);
  let townships = 0;
  let codes = new Float64Array(256);
  let positions = new Float64Array(256);
  let size = 0;
  let lastTownship = -1;
  let lastBase = 0;
  // Code → index in the arrays, built only when a repeat asks where its first occurrence was, up to `indexed`.
  let index: Map<number, number> | undefined;
  let indexed = 0;

  /** The first word of a township's bitmap, its slot made when `create` (else -1 when it has none). */
  const baseOf = (township: number, create: boolean): number => {
    if (township === lastTownship) return lastBase;
    let slot = slotOfTownship.get(township);
    if (slot === undefined) {
      if (!create) return -1;
      slot = townships++;
      slotOfTownship.set(township, slot);
      if (townships * WORDS > bits.length) {
        const grown = new Uint32Array(bits.length * 2);
        grown.set(bits);
        bits = grown;
      }
    }
    lastTownship = township;
    lastBase = slot * WORDS;
    return lastBase;
  };
  const has = (code: number): boolean => {
    const base = baseOf(Math.floor(code / 1000), false);
    if (base < 0) return false;
    const village = code % 1000;
    return ((bits[base + (village >>> 5)] as number) & (1 << (village & 31))) !== 0;
  };
  /** Sets the code's bit; whether it was clear. */
  const mark = (code: number): boolean => {
    const base = baseOf(Math.floor(code / 1000), true);
    const village = code % 1000;
    const word = base + (village >>> 5);
    const bit = 1 << (village & 31);
    const before = bits[word] as number;
    if ((before & bit) !== 0) return false;
    bits[word] = before | bit;
    return true;
  };
  const append = (code: number, position: number) => {
    if (size === codes.length) {
      const grownCodes = new Float64Array(size * 2);
      grownCodes.set(codes);
      codes = grownCodes;
      const grownPositions = new Float64Array(size * 2);
      grownPositions.set(positions);
      positions = grownPositions;
    }
    codes[size] = code;
    positions[size] = position;
    size++;
  };
  const find = (code: number): number => {
    if (!has(code)) return FIRST_TIME;
    index ??= new Map();
    for (; indexed < size; indexed++) {
      const at = codes[indexed] as number;
      if (!index.has(at)) index.set(at, indexed);
    }
    return positions[index.get(code) as number] as number;
  };
  return {
    get size() {
      return size;
    },
    claim(code, position) {
      const value = codeNumber(code);
      if (value < 0) return FIRST_TIME;
      if (!mark(value)) return find(value);
      append(value, position);
      return FIRST_TIME;
    },
    find,
    packed() {
      let kept = 0;
      for (let i = 0; i < size; i++) if (positions[i] !== ELSEWHERE) kept++;
      if (kept === size) return { codes: codes.slice(0, size), positions: positions.slice(0, size) };
      const out = { codes: new Float64Array(kept), positions: new Float64Array(kept) };
      let k = 0;
      for (let i = 0; i < size; i++) {
        if (positions[i] === ELSEWHERE) continue;
        out.codes[k] = codes[i] as number;
        out.positions[k++] = positions[i] as number;
      }
      return out;
    },
    shared(units) {
      const out: number[] = [];
      for (let i = 0; i < units.codes.length; i++) {
        const code = units.codes[i] as number;
        if (has(code)) out.push(code);
      }
      return out;
    },
    absorb(units, shift) {
      for (let i = 0; i < units.codes.length; i++) {
        const code = units.codes[i] as number;
        if (mark(code)) append(code, (units.positions[i] as number) + shift);
      }
    },
  };
}

/** The 12-digit code of a registry's number. */
export function unitCodeText(code: number): string {
  return String(code).padStart(12, '0');
}
