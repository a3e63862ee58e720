import { isSlotKey } from '../codes/village-key.js';
import { createIssue, type Issue, type PathSegment } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import type { CompiledIndicators } from './accumulate.js';
import { tooLargeIssue } from './parts-merge.js';
import { parseIndicatorParts } from './parts-parse.js';
import type { IndicatorParts, IndicatorYearParts } from './sums.js';
import { duplicateTotalIssue } from './total-store.js';
import type { IndicatorProfile } from './types.js';
import type { SumsCore } from './year-core.js';

// The accumulator's sums in the form a worker thread posts back: each year's township table as two typed arrays whose
// buffers are transferred (moved, not copied), beside the small rest as JSON-shaped parts. JSON parts of a national
// file are an object of ≈ 90 000 arrays that the structured clone copies and the merge checks number by number —
// garbage that raised the main thread's heap before its output began. Internal: the public exchange stays JSON parts.

/** No year: the rows without one (and no `year` option). */
export const NO_YEAR = 0;

/** One year's township sums, packed: slot keys (9 digits) and `stride` numbers per key, in key order. */
export interface PackedTownships {
  /** The year, or {@link NO_YEAR} for the rows without one. */
  readonly year: number;
  readonly keys: Int32Array;
  readonly data: Float64Array;
}

/** An accumulator's sums, packed. */
export interface PackedIndicatorParts {
  /** The parts with every `townships` empty: format, indicators, skipped, the totals, the years present. */
  readonly shell: IndicatorParts;
  /** The township sums of each year that has some. */
  readonly tables: readonly PackedTownships[];
}

/** The buffers of packed parts, for the transfer list of `postMessage`. */
export function packedBuffers(packed: PackedIndicatorParts): ArrayBuffer[] {
  return packed.tables.flatMap((table) => [
    table.keys.buffer as ArrayBuffer,
    table.data.buffer as ArrayBuffer,
  ]);
}

/** Packs the cores of an accumulator (year → sums) beside its parts without townships. */
export function packCores(cores: ReadonlyMap<number, SumsCore>, shell: IndicatorParts): PackedIndicatorParts {
  const tables: PackedTownships[] = [];
  for (const [year, core] of cores) if (core.size > 0) tables.push({ year, ...core.packed() });
  return { shell, tables };
}

/** Checked parts as (year, townships and totals) pairs, the rows without a year first ({@link NO_YEAR}). */
export function partsByYear(parts: IndicatorParts): [number, IndicatorYearParts][] {
  const out: [number, IndicatorYearParts][] = [[NO_YEAR, parts]];
  for (const year of Object.keys(parts.years ?? {}))
    out.push([Number(year), parts.years?.[year] as IndicatorYearParts]);
  return out;
}

/** What an accumulator lends to a merge of packed parts. */
export interface PackedMergeTarget {
  readonly profile: IndicatorProfile;
  readonly compiled: CompiledIndicators;
  /** The accumulator's cores as they are (read only: nothing is written before every check passed). */
  readonly cores: ReadonlyMap<number, SumsCore>;
  readonly skipped: number;
}

/** Packed parts checked against a target: what to add. */
export interface CheckedPacked {
  readonly shell: IndicatorParts;
  readonly tables: readonly PackedTownships[];
}

function badPacked(path: readonly PathSegment[], zh: string, en: string): Result<never> {
  return failure([createIssue('invalid_value', { zh, en }, { path: ['packed', ...path] })]);
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** The first problem of one table's shape and numbers (keys, lengths, counts), or undefined. */
function tableProblem(
  table: PackedTownships,
  stride: number,
  at: readonly PathSegment[],
): Result<never> | undefined {
  const { keys, data } = table;
  if (
    !(keys instanceof Int32Array) ||
    !(data instanceof Float64Array) ||
    data.length !== keys.length * stride
  )
    return badPacked(
      at,
      `打包的乡级汇总应为 Int32Array 代码与 Float64Array 数值（每个代码 ${stride} 个）`,
      `Packed township sums must be an Int32Array of keys and a Float64Array of ${stride} numbers a key`,
    );
  const seen = new Set<number>();
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as number;
    if (!isSlotKey(key) || seen.has(key))
      return badPacked(
        [...at, 'keys', k],
        '应为不重复的乡级（或县级）区划代码前 9 位',
        'Must be the first 9 digits of a township (or county) code, each given once',
      );
    seen.add(key);
  }
  for (let i = 0; i < data.length; i++)
    if (!isCount(data[i] as number))
      return badPacked(
        [...at, 'data', i],
        '应为不超过 2^53 的非负整数',
        'Must be a non-negative integer below 2^53',
      );
  return undefined;
}

/** The shell checked: JSON parts of the target's profile whose townships are all empty. */
function checkShell(shell: unknown, target: PackedMergeTarget): Result<IndicatorParts> {
  const parsed = parseIndicatorParts(shell, { profile: target.profile });
  if (!parsed.success)
    return failure(
      parsed.error.issues.map((issue) => ({ ...issue, path: ['packed', 'shell', ...issue.path] })),
    );
  for (const [year, part] of partsByYear(parsed.data))
    if (Object.keys(part.townships).length > 0)
      return badPacked(
        year === NO_YEAR ? ['shell', 'townships'] : ['shell', 'years', String(year), 'townships'],
        '打包汇总的外壳不应含乡级汇总',
        'The shell of packed sums must hold no township sums',
      );
  return parsed;
}

/**
 * Checks packed parts before a merge: the shell as `parseIndicatorParts` checks parts (format, the profile's
 * indicators, totals, years), each table's keys, lengths and numbers, its year among the shell's, no year twice,
 * then every sum against the target (none past 2^53, no region total given twice, skipped in range).
 */
export function checkPacked(packed: unknown, target: PackedMergeTarget): Result<CheckedPacked> {
  const given = packed as Partial<PackedIndicatorParts> | null;
  if (given === null || typeof given !== 'object' || !Array.isArray(given.tables))
    return badPacked(
      [],
      '打包汇总应为 { shell, tables } 对象',
      'Packed sums must be an object { shell, tables }',
    );
  const shell = checkShell(given.shell, target);
  if (!shell.success) return shell;
  const tables = given.tables as readonly PackedTownships[];
  const years = new Set<number>();
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t] as PackedTownships;
    const year = table?.year;
    const known = year === NO_YEAR || Object.hasOwn(shell.data.years ?? {}, String(year));
    if (!known || years.has(year))
      return badPacked(
        ['tables', t, 'year'],
        '年度不在外壳中或重复',
        'The year is not in the shell, or repeated',
      );
    years.add(year);
    const problem = tableProblem(table, target.compiled.stride, ['tables', t]);
    if (problem !== undefined) return problem;
    const over = target.cores.get(year)?.overflowPacked(table.keys, table.data);
    if (over !== undefined)
      return failure([
        tooLargeIssue(['packed', 'tables', t, 'data', over[0] * target.compiled.stride + over[1]]),
      ]);
  }
  const clash = totalsClash(shell.data, target);
  if (clash !== undefined) return failure([clash]);
  if (target.skipped + shell.data.skipped > Number.MAX_SAFE_INTEGER)
    return failure([tooLargeIssue(['packed', 'shell', 'skipped'])]);
  return success({ shell: shell.data, tables });
}

/** The issue of a region total the target holds already, if any. */
function totalsClash(shell: IndicatorParts, target: PackedMergeTarget): Issue | undefined {
  for (const [year, part] of partsByYear(shell)) {
    const clash = target.cores.get(year)?.totals.clash(part.totals);
    if (clash !== undefined)
      return duplicateTotalIssue(clash, [
        'packed',
        'shell',
        ...(year === NO_YEAR ? [] : ['years', String(year)]),
      ]);
  }
  return undefined;
}

/** Adds checked packed parts into the cores (`coreOf` creates a year's core when it is new). */
export function addPacked(checked: CheckedPacked, coreOf: (year: number) => SumsCore): void {
  for (const [year, part] of partsByYear(checked.shell)) coreOf(year).totals.merge(part.totals);
  for (const table of checked.tables) coreOf(table.year).addPacked(table.keys, table.data);
}
