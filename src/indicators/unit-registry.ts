// The units an accumulator has counted in one year, so that a unit listed twice is counted once: the first
// occurrence counts, every later one of the same code is not counted and is reported with where the first was. A
// row's code is a 12-digit number (exact in a double); membership is one bit of its township's 1 000, found through
// the township of the last row (a sheet lists a township's units together: most rows need no map lookup), so the
// per-row cost is a bit test, two appends and, at a change of township, one map lookup. Each unit is kept in 8 bytes
// (its township's slot and village, the position where it was seen), and indexed by code only when a repeat asks
// where its first occurrence was (rare).

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
  /** Records `units`, each position moved by `shift`; a code held already keeps its first position (see `shared`). */
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

/** A position kept apart (a position of another source, `ELSEWHERE`): it does not fit the 32 bits of the array. */
const FAR = 0xffff_ffff;

/** Creates an empty registry. */
export function createUnitRegistry(): UnitRegistry {
  const slotOfTownship = new Map<number, number>();
  const townshipOfSlot: number[] = [];
  let bits = new Uint32Array(WORDS * 16);
  // Each unit: its township's slot × 1024 + its village, and the position it was first seen at (FAR: in `far`).
  let units = new Uint32Array(256);
  let seenAt = new Uint32Array(256);
  const far = new Map<number, number>();
  let size = 0;
  let lastTownship = -1;
  let lastSlot = -1;
  // Unit (slot × 1024 + village) → its index, built only when a repeat asks where its first occurrence was.
  let index: Map<number, number> | undefined;
  let indexed = 0;

  /** The slot of a township, made when `create` (else -1 when it has none). */
  const slotOf = (township: number, create: boolean): number => {
    if (township === lastTownship) return lastSlot;
    let slot = slotOfTownship.get(township);
    if (slot === undefined) {
      if (!create) return -1;
      slot = townshipOfSlot.length;
      slotOfTownship.set(township, slot);
      townshipOfSlot.push(township);
      if ((slot + 1) * WORDS > bits.length) {
        const grown = new Uint32Array(bits.length * 2);
        grown.set(bits);
        bits = grown;
      }
    }
    lastTownship = township;
    lastSlot = slot;
    return slot;
  };
  /** The unit of a code (slot × 1024 + village), its township's slot made when `create`; -1 for none. */
  const unitOf = (code: number, create: boolean): number => {
    const slot = slotOf(Math.floor(code / 1000), create);
    return slot < 0 ? -1 : slot * 1024 + (code % 1000);
  };
  const has = (unit: number): boolean =>
    unit >= 0 && ((bits[(unit >>> 10) * WORDS + ((unit & 1023) >>> 5)] as number) & (1 << (unit & 31))) !== 0;
  /** Sets the unit's bit; whether it was clear. */
  const mark = (unit: number): boolean => {
    const word = (unit >>> 10) * WORDS + ((unit & 1023) >>> 5);
    const bit = 1 << (unit & 31);
    const before = bits[word] as number;
    if ((before & bit) !== 0) return false;
    bits[word] = before | bit;
    return true;
  };
  const append = (unit: number, position: number) => {
    if (size === units.length) {
      const grownUnits = new Uint32Array(size * 2);
      grownUnits.set(units);
      units = grownUnits;
      const grownSeenAt = new Uint32Array(size * 2);
      grownSeenAt.set(seenAt);
      seenAt = grownSeenAt;
    }
    units[size] = unit;
    if (position < FAR) seenAt[size] = position;
    else {
      seenAt[size] = FAR;
      far.set(size, position);
    }
    size++;
  };
  const positionAt = (at: number): number => {
    const position = seenAt[at] as number;
    return position === FAR ? (far.get(at) as number) : position;
  };
  const codeAt = (at: number): number => {
    const unit = units[at] as number;
    return (townshipOfSlot[unit >>> 10] as number) * 1000 + (unit & 1023);
  };
  const find = (code: number): number => {
    const unit = unitOf(code, false);
    if (!has(unit)) return FIRST_TIME;
    index ??= new Map();
    for (; indexed < size; indexed++) index.set(units[indexed] as number, indexed);
    return positionAt(index.get(unit) as number);
  };
  return {
    get size() {
      return size;
    },
    claim(code, position) {
      const value = codeNumber(code);
      if (value < 0) return FIRST_TIME;
      const unit = unitOf(value, true);
      if (!mark(unit)) return find(value);
      append(unit, position);
      return FIRST_TIME;
    },
    find,
    packed() {
      let kept = 0;
      for (let at = 0; at < size; at++) if (positionAt(at) !== ELSEWHERE) kept++;
      const out = { codes: new Float64Array(kept), positions: new Float64Array(kept) };
      for (let at = 0, k = 0; at < size; at++) {
        const position = positionAt(at);
        if (position === ELSEWHERE) continue;
        out.codes[k] = codeAt(at);
        out.positions[k++] = position;
      }
      return out;
    },
    shared(given) {
      const out: number[] = [];
      for (let i = 0; i < given.codes.length; i++) {
        const code = given.codes[i] as number;
        if (has(unitOf(code, false))) out.push(code);
      }
      return out;
    },
    absorb(given, shift) {
      for (let i = 0; i < given.codes.length; i++) {
        const unit = unitOf(given.codes[i] as number, true);
        if (mark(unit)) append(unit, (given.positions[i] as number) + shift);
      }
    },
  };
}

/** The 12-digit code of a registry's number. */
export function unitCodeText(code: number): string {
  return String(code).padStart(12, '0');
}
