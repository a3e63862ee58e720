import { createRequire } from 'node:module';
import type { DivisionDataset, DivisionRecord } from 'shequ';

const require = createRequire(import.meta.url);

/**
 * A shipped division list that loads when a code of its province is first looked up: a command on Beijing rows never
 * reads the 3.5 MB Hebei list, and a command whose output names no region reads neither. Node's `require` loads the
 * list's CommonJS build synchronously, as a lookup must answer at once.
 */
function onFirstLookup(prefix: string, load: () => DivisionDataset): DivisionDataset {
  let list: DivisionDataset | undefined;
  const loaded = (): DivisionDataset => {
    list ??= load();
    return list;
  };
  const divisions: ReadonlyMap<string, DivisionRecord> = {
    get: (code: string) =>
      typeof code === 'string' && code.startsWith(prefix) ? loaded().divisions.get(code) : undefined,
    has: (code: string) =>
      typeof code === 'string' && code.startsWith(prefix) && loaded().divisions.has(code),
    get size() {
      return loaded().divisions.size;
    },
    forEach: (callback, thisArg) => loaded().divisions.forEach(callback, thisArg),
    entries: () => loaded().divisions.entries(),
    keys: () => loaded().divisions.keys(),
    values: () => loaded().divisions.values(),
    [Symbol.iterator]: () => loaded().divisions.entries(),
  };
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

/** The Hebei and Beijing lists, each loaded on its first lookup. */
export function shippedDivisionLists(): DivisionDataset[] {
  return [
    onFirstLookup(
      '13',
      () => (require('shequ/divisions/hebei') as typeof import('shequ/divisions/hebei')).hebeiDivisions,
    ),
    onFirstLookup(
      '11',
      () => (require('shequ/divisions/beijing') as typeof import('shequ/divisions/beijing')).beijingDivisions,
    ),
  ];
}
