import { createRequire } from 'node:module';
import type { DivisionDataset, DivisionRecord } from 'shequ';

const require = createRequire(import.meta.url);

/** A shipped province: its subpath, the digits naming its parts, and the rows above the parts. */
interface ShippedProvince {
  /** The two digits of the province's codes. */
  readonly prefix: string;
  /** The package subpath of the whole list; each part is `<subpath>/<first digits of its codes>`. */
  readonly subpath: 'shequ/divisions/hebei' | 'shequ/divisions/beijing';
  /** How many leading digits name a part (a Hebei prefecture, 4; a Beijing district, 6). */
  readonly partDigits: number;
  /**
   * The rows of the whole list that belong to no part: the province's own row (and Beijing's 市辖区), as the
   * generated texts (src/divisions/data/<province>.ts) begin. A test holds them equal to the whole list's.
   */
  readonly ownRows: readonly DivisionRecord[];
}

/** The provinces whose lists ship with the package. */
export const SHIPPED_PROVINCES: readonly ShippedProvince[] = [
  {
    prefix: '13',
    subpath: 'shequ/divisions/hebei',
    partDigits: 4,
    ownRows: [{ code: '130000000000', name: '河北省' }],
  },
  {
    prefix: '11',
    subpath: 'shequ/divisions/beijing',
    partDigits: 6,
    ownRows: [
      { code: '110000000000', name: '北京市' },
      { code: '110100000000', name: '市辖区' },
    ],
  },
];

/** The first division list a module exports (each part module exports one, named after its city or district). */
function datasetOf(module: Record<string, unknown>): DivisionDataset | undefined {
  return Object.values(module).find(
    (value): value is DivisionDataset => typeof value === 'object' && value !== null && 'divisions' in value,
  );
}

/**
 * The records of a province, a part at a time: a lookup loads only the part (a prefecture's or district's list) of
 * the code, or answers from the rows above the parts, so that a Hebei file of one county reads 200 kB of the list,
 * not 3.5 MB. A code of no part is in no record of the province. Walking every record loads the whole list.
 */
function recordsByPart(
  province: ShippedProvince,
  whole: () => DivisionDataset,
): ReadonlyMap<string, DivisionRecord> {
  const parts = new Map<string, DivisionDataset | undefined>();
  const own = new Map(province.ownRows.map((record) => [record.code, record]));
  const partOf = (code: string): DivisionDataset | undefined => {
    const key = code.slice(0, province.partDigits);
    if (!parts.has(key)) {
      let part: DivisionDataset | undefined;
      try {
        part = datasetOf(require(`${province.subpath}/${key}`) as Record<string, unknown>);
      } catch {
        part = undefined; // no such part: no record of the province has the code
      }
      parts.set(key, part);
    }
    return parts.get(key);
  };
  const get = (code: string): DivisionRecord | undefined => {
    if (typeof code !== 'string' || code.length !== 12 || !/^\d{12}$/.test(code)) return undefined;
    if (!code.startsWith(province.prefix)) return undefined;
    return own.get(code) ?? partOf(code)?.divisions.get(code);
  };
  return {
    get,
    has: (code: string) => get(code) !== undefined,
    get size() {
      return whole().divisions.size;
    },
    forEach: (callback, thisArg) => whole().divisions.forEach(callback, thisArg),
    entries: () => whole().divisions.entries(),
    keys: () => whole().divisions.keys(),
    values: () => whole().divisions.values(),
    [Symbol.iterator]: () => whole().divisions.entries(),
  };
}

/**
 * A shipped division list that loads when it is used: a lookup reads the part of the code only (a command on
 * Beijing rows never reads the Hebei list, one on a Hebei county one prefecture's), and the list's description or a
 * walk over every record loads the whole list. Node's `require` loads the CommonJS builds synchronously, as a lookup
 * must answer at once.
 */
function onFirstLookup(province: ShippedProvince): DivisionDataset {
  let list: DivisionDataset | undefined;
  const loaded = (): DivisionDataset => {
    list ??= datasetOf(require(province.subpath) as Record<string, unknown>) as DivisionDataset;
    return list;
  };
  const divisions = recordsByPart(province, loaded);
  return {
    get id() {
      return loaded().id;
    },
    get name() {
      return loaded().name;
    },
    get source() {
      return loaded().source;
    },
    get referenceDate() {
      return loaded().referenceDate;
    },
    divisions,
  };
}

/** The Hebei and Beijing lists, each read a part at a time as its codes are looked up. */
export function shippedDivisionLists(): DivisionDataset[] {
  return SHIPPED_PROVINCES.map(onFirstLookup);
}
