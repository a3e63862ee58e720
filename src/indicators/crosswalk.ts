import { divisionLevelIndex } from '../codes/village-key.js';
import { guarded } from '../core/guard.js';
import { createIssue, type Issue, type PathSegment } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { STATISTICS_YEAR_RANGE } from '../model/fields.js';
import type { UnitStatistics } from '../model/unit-statistics.js';

// A division crosswalk: the changes of division codes between years (a township merged, a village turned 居委会 and
// given a community code), as the user knows them. Applied to the rows of the years before each change, so that every
// year is counted in the divisions of the latest: a series then compares like with like. Its zod schema is in
// crosswalk-schema.ts: the indicator path imports this module, and must not load zod (issue 13's start-up).

/**
 * One change of code: from `fromYear` on, the unit (or region) known before as `oldCode` is `newCode`.
 *
 * @example
 * ```ts
 * import type { CrosswalkEntry } from 'shequ';
 * const merged: CrosswalkEntry = { oldCode: '130123100201', newCode: '130123105201', fromYear: 2023 };
 * ```
 */
export interface CrosswalkEntry {
  /** The 12-digit code before the change. */
  readonly oldCode: string;
  /** The 12-digit code from `fromYear` on (the same level). */
  readonly newCode: string;
  /** The first year the new code applies to. */
  readonly fromYear: number;
}

/**
 * A checked crosswalk, ready to apply (from {@link parseCrosswalk}).
 *
 * @example
 * ```ts
 * import { parseCrosswalk, type Crosswalk } from 'shequ';
 * const result = parseCrosswalk([{ oldCode: '130123100201', newCode: '130123105201', fromYear: 2023 }]);
 * const crosswalk: Crosswalk | undefined = result.success ? result.data : undefined;
 * crosswalk?.entries.length;
 * //=> 1
 * ```
 */
export interface Crosswalk {
  /** The entries, identities left out, ordered by year then old code. */
  readonly entries: readonly CrosswalkEntry[];
}

function crosswalkIssue(path: readonly PathSegment[], zh: string, en: string): Issue {
  return createIssue('invalid_crosswalk', { zh, en }, { path });
}

/** The issues of one entry's own values (codes, year, levels); none when it is sound. */
function entryIssues(entry: unknown, i: number): Issue[] {
  const { oldCode, newCode, fromYear } = (entry ?? {}) as Record<string, unknown>;
  const issues: Issue[] = [];
  for (const [key, code] of [
    ['oldCode', oldCode],
    ['newCode', newCode],
  ] as const) {
    if (typeof code !== 'string' || !/^\d{12}$/.test(code) || divisionLevelIndex(code) < 0)
      issues.push(crosswalkIssue([i, key], '应为 12 位统计用区划代码', 'Must be a 12-digit division code'));
  }
  const yearIsGood =
    Number.isInteger(fromYear) &&
    (fromYear as number) >= STATISTICS_YEAR_RANGE.min &&
    (fromYear as number) <= STATISTICS_YEAR_RANGE.max;
  if (!yearIsGood)
    issues.push(
      crosswalkIssue(
        [i, 'fromYear'],
        `起始年度应为 ${STATISTICS_YEAR_RANGE.min}–${STATISTICS_YEAR_RANGE.max} 的整数年份`,
        `fromYear must be a whole year from ${STATISTICS_YEAR_RANGE.min} to ${STATISTICS_YEAR_RANGE.max}`,
      ),
    );
  if (issues.length === 0 && divisionLevelIndex(oldCode) !== divisionLevelIndex(newCode))
    issues.push(
      crosswalkIssue(
        [i, 'newCode'],
        `新旧代码应为同一级别（${String(oldCode)} → ${String(newCode)}）`,
        `The old and new codes must be of one level (${String(oldCode)} → ${String(newCode)})`,
      ),
    );
  return issues;
}

/** Whether following the changes of one year from `start` comes back to it. */
function cycles(start: string, next: ReadonlyMap<string, string>): boolean {
  let code = next.get(start);
  for (let steps = 0; code !== undefined && steps <= next.size; steps++) {
    if (code === start) return true;
    code = next.get(code);
  }
  return false;
}

/** Clashes (an old code mapped to two codes in one year) and cycles within a year, over sound entries. */
function crossIssues(entries: readonly (readonly [CrosswalkEntry, number])[]): Issue[] {
  const issues: Issue[] = [];
  const byYear = new Map<number, Map<string, string>>();
  for (const [entry, i] of entries) {
    let next = byYear.get(entry.fromYear);
    if (next === undefined) {
      next = new Map();
      byYear.set(entry.fromYear, next);
    }
    const known = next.get(entry.oldCode);
    if (known !== undefined && known !== entry.newCode)
      issues.push(
        crosswalkIssue(
          [i, 'newCode'],
          `${entry.oldCode} 在 ${entry.fromYear} 年对应两个新代码（${known}、${entry.newCode}）`,
          `${entry.oldCode} maps to two codes from ${entry.fromYear} (${known}, ${entry.newCode})`,
        ),
      );
    else next.set(entry.oldCode, entry.newCode);
  }
  for (const [entry, i] of entries)
    if (cycles(entry.oldCode, byYear.get(entry.fromYear) as Map<string, string>))
      issues.push(
        crosswalkIssue(
          [i, 'oldCode'],
          `${entry.fromYear} 年的代码变更构成循环（${entry.oldCode} → … → ${entry.oldCode}）`,
          `The changes of ${entry.fromYear} form a cycle (${entry.oldCode} → … → ${entry.oldCode})`,
        ),
      );
  return issues;
}

/**
 * Checks a crosswalk read from outside (JSON, a CSV turned into records): each entry a valid 12-digit division code
 * changing to one of the same level from a year; no old code changing to two codes in one year; no cycle among the
 * changes of one year. Entries that map a code to itself change nothing and are dropped. Never throws.
 *
 * @param input - an array of `{ oldCode, newCode, fromYear }`
 * @returns the crosswalk, or every problem as an `invalid_crosswalk` issue at its entry's index
 *
 * @example
 * ```ts
 * import { parseCrosswalk } from 'shequ';
 * const result = parseCrosswalk([
 *   { oldCode: '130123100201', newCode: '130123105201', fromYear: 2023 },
 *   { oldCode: '130123100201', newCode: '130123105202', fromYear: 2023 },
 * ]);
 * result.success || result.error.issues.map((issue) => [issue.code, issue.path]);
 * //=> [['invalid_crosswalk', [1, 'newCode']]]
 * ```
 */
export function parseCrosswalk(input: unknown): Result<Crosswalk> {
  return guarded(() => {
    if (!Array.isArray(input))
      return failure([crosswalkIssue([], '区划对照表应为数组', 'A crosswalk must be an array of entries')]);
    const issues: Issue[] = [];
    const sound: [CrosswalkEntry, number][] = [];
    input.forEach((entry: unknown, i) => {
      const own = entryIssues(entry, i);
      for (const issue of own) issues.push(issue);
      const { oldCode, newCode, fromYear } = (entry ?? {}) as CrosswalkEntry;
      if (own.length === 0 && oldCode !== newCode) sound.push([{ oldCode, newCode, fromYear }, i]);
    });
    for (const issue of crossIssues(sound)) issues.push(issue);
    if (issues.length > 0) return failure(issues);
    const entries = sound
      .map(([entry]) => entry)
      .sort(
        (a, b) => a.fromYear - b.fromYear || (a.oldCode < b.oldCode ? -1 : a.oldCode > b.oldCode ? 1 : 0),
      );
    return success({ entries });
  });
}

/** A crosswalk compiled for the hot loop: old code → its changes, by year. */
export type CompiledCrosswalk = ReadonlyMap<string, readonly CrosswalkEntry[]>;

/** Compiles checked entries. */
export function compileCrosswalk(crosswalk: Crosswalk): CompiledCrosswalk {
  const byCode = new Map<string, CrosswalkEntry[]>();
  for (const entry of crosswalk.entries) {
    const list = byCode.get(entry.oldCode) ?? [];
    list.push(entry);
    byCode.set(entry.oldCode, list);
  }
  return byCode;
}

/**
 * The code of a row of `year` in the latest divisions: each change whose year comes after the row's year is applied,
 * in order (A → B from 2022, then B → C from 2024: a 2021 row of A counts as C). Rows of the change's year and later
 * already carry the new code.
 */
export function codeInLatestDivisions(code: string, year: number, crosswalk: CompiledCrosswalk): string {
  let current = code;
  let after = year;
  for (let steps = 0; steps < 1000; steps++) {
    const change = crosswalk.get(current)?.find((entry) => entry.fromYear > after);
    if (change === undefined) return current;
    current = change.newCode;
    after = change.fromYear - 1;
  }
  return current;
}

/** A row with its code in the latest divisions (the row itself when no change applies). */
export function rowInLatestDivisions(
  row: UnitStatistics,
  year: number,
  crosswalk: CompiledCrosswalk | undefined,
): UnitStatistics {
  if (crosswalk === undefined || year <= 0 || row === null || typeof row?.code !== 'string') return row;
  const code = codeInLatestDivisions(row.code, year, crosswalk);
  return code === row.code ? row : { ...row, code };
}

/**
 * The crosswalk of an option: checked entries or a checked crosswalk (checked again: it may come from outside), or
 * `undefined` for none; a failure for a bad one.
 */
export function crosswalkOption(option: unknown): Result<CompiledCrosswalk | undefined> {
  if (option === undefined) return success(undefined);
  const entries = Array.isArray(option) ? option : (option as Partial<Crosswalk> | null)?.entries;
  const parsed = parseCrosswalk(entries);
  if (!parsed.success)
    return failure(parsed.error.issues.map((issue) => ({ ...issue, path: ['crosswalk', ...issue.path] })));
  return success(parsed.data.entries.length === 0 ? undefined : compileCrosswalk(parsed.data));
}
