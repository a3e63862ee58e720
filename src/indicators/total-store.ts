import { createIssue, type Issue, type PathSegment } from '../core/issue.js';
import type { TotalKind } from '../model/row-kind.js';
import { unitKindOfTotal } from '../model/row-kind-predicates.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { accumulateTotal, type CompiledIndicators } from './accumulate.js';
import { type IndicatorParts, TOTAL_KINDS } from './sums.js';

// The region totals an accumulator holds: at most one total of each kind per region, since a second one for the same
// region would be the same units counted twice. The first one given is kept, whatever else came before or after.

/** What `slotKeyOfRow` says of a total row (a valid total: stored here, not in a township slot). */
export const TOTAL_ROW = -2;

/** Totals as parts hold them. */
type PartsTotals = NonNullable<IndicatorParts['totals']>;

/** A region and kind given twice. */
export interface TotalClash {
  readonly kind: TotalKind;
  readonly code: string;
}

/** The totals of an accumulator. */
export interface TotalStore {
  /** Stores a valid total row; `false` when the region already has a total of that kind. */
  add(row: UnitStatistics): boolean;
  /** The first region and kind that both this store and `totals` hold, if any. */
  clash(totals: IndicatorParts['totals']): TotalClash | undefined;
  /** Adds totals already checked not to clash. */
  merge(totals: IndicatorParts['totals']): void;
  /** The totals as parts hold them, or `undefined` when there are none. */
  parts(): PartsTotals | undefined;
}

/** Creates an empty store for a profile's compiled indicators. */
export function createTotalStore(compiled: CompiledIndicators): TotalStore {
  const byKind = new Map<TotalKind, Map<string, readonly number[]>>(
    TOTAL_KINDS.map((kind) => [kind, new Map()]),
  );
  const store: TotalStore = {
    add(row) {
      const unitKind = unitKindOfTotal(row.kind);
      const regions = byKind.get(row.kind as TotalKind);
      if (unitKind === undefined || regions === undefined || regions.has(row.code)) return false;
      const numbers = new Float64Array(compiled.stride);
      accumulateTotal(compiled, row, unitKind, numbers, 0);
      regions.set(row.code, Array.from(numbers));
      return true;
    },
    clash(totals) {
      for (const kind of TOTAL_KINDS) {
        const regions = byKind.get(kind) as Map<string, readonly number[]>;
        for (const code of Object.keys(totals?.[kind] ?? {})) if (regions.has(code)) return { kind, code };
      }
      return undefined;
    },
    merge(totals) {
      for (const kind of TOTAL_KINDS) {
        const regions = byKind.get(kind) as Map<string, readonly number[]>;
        const added = totals?.[kind] ?? {};
        for (const code of Object.keys(added)) regions.set(code, [...(added[code] as readonly number[])]);
      }
    },
    parts() {
      const out: Partial<Record<TotalKind, Record<string, readonly number[]>>> = {};
      for (const kind of TOTAL_KINDS) {
        const regions = byKind.get(kind) as Map<string, readonly number[]>;
        if (regions.size === 0) continue;
        const codes = [...regions.keys()].sort();
        out[kind] = Object.fromEntries(
          codes.map((code) => [code, [...(regions.get(code) as readonly number[])]]),
        );
      }
      return Object.keys(out).length === 0 ? undefined : out;
    },
  };
  return store;
}

/**
 * The totals of two parts together, or the first region and kind both hold (a region's total of a kind is given
 * once: two would count its units twice).
 */
export function mergeTotals(
  first: IndicatorParts['totals'],
  second: IndicatorParts['totals'],
): { readonly totals: PartsTotals | undefined } | { readonly clash: TotalClash } {
  if (first === undefined || second === undefined) return { totals: first ?? second };
  const out: Partial<Record<TotalKind, Record<string, readonly number[]>>> = {};
  for (const kind of TOTAL_KINDS) {
    const a = first[kind] ?? {};
    const b = second[kind] ?? {};
    for (const code of Object.keys(b)) if (Object.hasOwn(a, code)) return { clash: { kind, code } };
    const codes = [...Object.keys(a), ...Object.keys(b)].sort();
    if (codes.length === 0) continue;
    out[kind] = Object.fromEntries(
      codes.map((code) => [code, [...((a[code] ?? b[code]) as readonly number[])]]),
    );
  }
  return { totals: out };
}

/** The issue of a region's total of one kind given twice. */
export function duplicateTotalIssue(clash: TotalClash, path: readonly PathSegment[] = []): Issue {
  return createIssue(
    'duplicate_total',
    {
      zh: `区域 ${clash.code} 的${clash.kind === 'communityTotal' ? '社区合计' : '村合计'}重复给出，不能合并（会重复计数）`,
      en: `The ${clash.kind} of region ${clash.code} is given twice and cannot be merged (it would be counted twice)`,
    },
    { path: [...path, 'totals', clash.kind, clash.code] },
  );
}
