// The units counted by the jobs of one command before this one (`shequ indicators 2024.csv 2025.csv …`: one job a file,
// their parts merged): a unit that an earlier file counted in a year is a repeat in a later file of that year, as it
// would be further down one file. Internal: the command line hands a ledger to each job under a registered symbol (it
// and the library are two bundles of one version, as with the waiting workers), never through the public options.
import { SOURCE_SPAN } from './not-counted.js';
import { createUnitRegistry, type PackedUnits, type UnitRegistry } from './unit-registry.js';

/** The key of a job's options under which the command line gives its ledger (`LedgerOption`). */
export const UNIT_LEDGER: unique symbol = Symbol.for('shequ.unitLedger') as never;

/** The units counted by the sources read before: positions `source × SOURCE_SPAN + line`, source 1 the first. */
export interface UnitLedger {
  /** The names of the sources recorded, in order (source 1 first): a repeat's issue names where its first row was. */
  readonly sources: readonly string[];
  /** The units of a year the sources recorded, if any. */
  unitsOf(year: number): PackedUnits | undefined;
  /** Records the units a source counted (positions: its lines; others, held already, are passed over) under its name. */
  record(name: string, units: readonly (PackedUnits & { readonly year: number })[]): void;
}

/** What the command line puts in a job's options: its ledger, and the name of the job's source. */
export interface LedgerOption {
  readonly [UNIT_LEDGER]?: { readonly ledger: UnitLedger; readonly name: string };
}

/** Creates an empty ledger. */
export function createUnitLedger(): UnitLedger {
  const byYear = new Map<number, UnitRegistry>();
  const sources: string[] = [];
  return {
    sources,
    unitsOf: (year) => byYear.get(year)?.packed(),
    record(name, units) {
      sources.push(name);
      for (const { year, codes, positions } of units) {
        let registry = byYear.get(year);
        if (registry === undefined) {
          registry = createUnitRegistry();
          byYear.set(year, registry);
        }
        registry.absorb({ codes, positions }, sources.length * SOURCE_SPAN);
      }
    },
  };
}

/** The ledger a job was given, if any (a getter or Proxy of the caller that throws gives none). */
export function ledgerOf(options: unknown): LedgerOption[typeof UNIT_LEDGER] {
  try {
    return (options as LedgerOption | undefined)?.[UNIT_LEDGER];
  } catch {
    return undefined;
  }
}
