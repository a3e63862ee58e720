/**
 * Fuzz test over every export of every entry point (issue 12): each function is called with fast-check `anything()`
 * (null-prototype objects, boxed values, typed arrays …), hostile strings (full-width and spaced ID numbers,
 * zero-width characters, lone surrogates, a 1 MB string), objects with `__proto__` / `constructor` / `prototype`
 * keys (also from JSON.parse, where `__proto__` is an own key), option-shaped objects, and throwing getters.
 *
 * Throwing getters: a getter, Proxy trap or iterator of the caller that throws is the caller's exception, but a safe
 * function promises never to throw, and callers pass objects they do not control (framework proxies, lazy records).
 * So a safe function catches it and returns an issue (`INPUT_THREW`). That catch must never hide a bug of ours: when
 * no argument can throw, the `INPUT_THREW` issue must not appear.
 *
 * After every call: Object.prototype, Array.prototype and Object are unchanged, `({}).polluted` is undefined, and
 * every argument is unchanged (test/fuzz/snapshot.ts) but those the export writes into by contract (`writes` in
 * classification.ts). The arbitraries make every object anew for each run (hostile.ts), so nothing a call does to
 * its arguments can reach another run.
 * Runs: RUNS per function (default 1 000, about 1.2 × 10⁵ calls in all); `FUZZ_RUNS=1000000 npx vitest run
 * test/fuzz` for a long run.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as codes from '../../src/codes/index.js';
import { INPUT_THREW } from '../../src/core/guard.js';
import * as beijing from '../../src/divisions/beijing.js';
import * as hebei from '../../src/divisions/hebei.js';
import * as geo from '../../src/geo/index.js';
import * as root from '../../src/index.js';
import * as indicators from '../../src/indicators/index.js';
import * as io from '../../src/io/index.js';
import * as node from '../../src/io/node.js';
import * as xlsx from '../../src/io/xlsx.js';
import * as model from '../../src/model/index.js';
import * as pipeline from '../../src/pipeline/index.js';
import * as pipelineNode from '../../src/pipeline/node.js';
import * as report from '../../src/report/index.js';
import * as reportXlsx from '../../src/report/xlsx.js';
import * as standards from '../../src/standards/index.js';
import * as testing from '../../src/testing/index.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { CLASSIFICATION, type Classification } from './classification.js';
import { argumentArbitrary, isCallersThrow, throwingArgument } from './hostile.js';
import { type Snapshot, snapshot, snapshotDifference } from './snapshot.js';

/** The exports of every part of a division list, `shequ/divisions/<list>/*` (one module per city or district). */
async function divisionParts(list: string): Promise<Record<string, unknown>> {
  const directory = new URL(`../../src/divisions/${list}/`, import.meta.url);
  const parts: Record<string, unknown> = {};
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.ts')))
    Object.assign(parts, await import(new URL(file, directory).href));
  return parts;
}

const ENTRY_POINTS: Readonly<Record<string, Record<string, unknown>>> = {
  shequ: root,
  'shequ/codes': codes,
  'shequ/model': model,
  'shequ/indicators': indicators,
  'shequ/standards': standards,
  'shequ/pipeline': pipeline,
  'shequ/pipeline/node': pipelineNode,
  'shequ/io': io,
  'shequ/report': report,
  'shequ/report/xlsx': reportXlsx,
  'shequ/io/xlsx': xlsx,
  'shequ/io/node': node,
  'shequ/testing': testing,
  'shequ/geo': geo,
  'shequ/divisions/beijing': beijing,
  'shequ/divisions/hebei': hebei,
  'shequ/divisions/beijing/*': await divisionParts('beijing'),
  'shequ/divisions/hebei/*': await divisionParts('hebei'),
};

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/** Every exported function once, by name (the root re-exports the subpaths: same function, same name). */
function exportedFunctions(): Map<string, (...args: unknown[]) => unknown> {
  const functions = new Map<string, (...args: unknown[]) => unknown>();
  for (const entry of Object.values(ENTRY_POINTS)) {
    for (const [name, value] of Object.entries(entry)) {
      if (typeof value === 'function') functions.set(name, value as (...args: unknown[]) => unknown);
    }
  }
  return functions;
}

/** Every exported zod schema (anything with a `safeParse`): `safeParse` must never throw. */
function exportedSchemas(): Map<string, { safeParse(value: unknown): unknown }> {
  const schemas = new Map<string, { safeParse(value: unknown): unknown }>();
  for (const entry of Object.values(ENTRY_POINTS)) {
    for (const [name, value] of Object.entries(entry)) {
      if (
        value !== null &&
        typeof value === 'object' &&
        typeof (value as { safeParse?: unknown }).safeParse === 'function'
      ) {
        schemas.set(name, value as { safeParse(value: unknown): unknown });
      }
    }
  }
  return schemas;
}

const OBJECT_PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort().join();
const ARRAY_PROTOTYPE = Object.getOwnPropertyNames(Array.prototype).sort().join();
const OBJECT_STATICS = Object.getOwnPropertyNames(Object).sort().join();

/** Throws (failing the property) when a call left anything behind on the shared prototypes. */
function expectNoPollution(name: string): void {
  const polluted =
    Object.getOwnPropertyNames(Object.prototype).sort().join() !== OBJECT_PROTOTYPE ||
    Object.getOwnPropertyNames(Array.prototype).sort().join() !== ARRAY_PROTOTYPE ||
    Object.getOwnPropertyNames(Object).sort().join() !== OBJECT_STATICS ||
    ({} as { polluted?: unknown }).polluted !== undefined ||
    ({} as Record<number, unknown>)[0] !== undefined;
  if (polluted) throw new Error(`${name} polluted a shared prototype`);
}

/** Whether a returned value is a failure caused by a throwing getter (the guard's issue). */
function reportsInputThrew(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || (value as { success?: unknown }).success !== false)
    return false;
  const issues = (value as { error?: { issues?: unknown } }).error?.issues;
  return Array.isArray(issues) && issues.some((issue) => issue?.message?.en === INPUT_THREW.en);
}

/** Throws (failing the property) when a call changed an argument it does not write into by contract. */
function expectArgumentsUnchanged(
  name: string,
  args: readonly unknown[],
  before: readonly Snapshot[],
  rule: Classification,
): void {
  for (const [index, arg] of args.entries()) {
    if (rule.writes?.includes(index)) continue;
    const difference = snapshotDifference(before[index] as Snapshot, snapshot(arg, `argument ${index}`));
    if (difference !== undefined) throw new Error(`${name} changed its caller's value: ${difference}`);
  }
}

/**
 * Calls `fn`, awaiting promises and draining async iterables, and checks what it may throw and what it changed.
 * Returns the arguments' snapshots from before the call, for {@link fuzz} to check again later.
 */
async function callChecked(
  name: string,
  fn: (...args: unknown[]) => unknown,
  args: readonly unknown[],
  rule: Classification,
  hostile: boolean,
): Promise<readonly Snapshot[]> {
  const before = args.map((arg, index) => snapshot(arg, `argument ${index}`));
  let value: unknown;
  try {
    value = fn(...args);
    if (value instanceof Promise) value = await value;
    else if (value !== null && typeof value === 'object' && Symbol.asyncIterator in value) {
      let events = 0;
      for await (const _ of value as AsyncIterable<unknown>) if (++events > 10_000) break;
    }
  } catch (error) {
    expectNoPollution(name);
    expectArgumentsUnchanged(name, args, before, rule);
    if (rule.behaviour === 'trusted') return before;
    if (error instanceof root.ShequError && rule.behaviour !== 'safe') {
      expectWellFormedIssues(name, error.issues, hostile, args);
      return before;
    }
    if (rule.behaviour === 'node-file' && (error as { code?: unknown })?.code === 'ENOENT') return before;
    throw new Error(`${name} (${rule.behaviour}) threw ${String(error)} for ${describeArgs(args)}`);
  }
  expectNoPollution(name);
  expectArgumentsUnchanged(name, args, before, rule);
  if (!hostile && reportsInputThrew(value) && rule.behaviour !== 'trusted') {
    throw new Error(`${name} hid an exception of its own as INPUT_THREW for ${describeArgs(args)}`);
  }
  // A failure's issues are held to what a ShequError's are (the trusted helpers pass on the caller's own issues).
  if (rule.behaviour !== 'trusted' && isFailure(value))
    expectWellFormedIssues(name, value.error.issues, true, args);
  return before;
}

/** Whether a returned value is the library's failure result (`{ success: false, error: { issues } }`), not zod's. */
function isFailure(value: unknown): value is { error: { issues: readonly unknown[] } } {
  if (value === null || typeof value !== 'object' || (value as { success?: unknown }).success !== false)
    return false;
  const error = (value as { error?: { issues?: unknown } }).error;
  return !(error instanceof Error) && Array.isArray(error?.issues);
}

/**
 * Throws (failing the property) unless every issue of a ShequError has a known code, a path of keys and indexes and a
 * message in Chinese and English — and, when no argument can throw, is not the issue of a throwing getter (which
 * would hide an exception of ours).
 */
function expectWellFormedIssues(
  name: string,
  issues: readonly unknown[],
  hostile: boolean,
  args: readonly unknown[],
): void {
  const wellFormed = (issue: Record<string, unknown>) => {
    const message = issue.message as Record<string, unknown> | undefined;
    return (
      typeof issue.code === 'string' &&
      Object.hasOwn(root.ISSUE_CODES, issue.code) &&
      Array.isArray(issue.path) &&
      issue.path.every((key) => typeof key === 'string' || typeof key === 'number') &&
      typeof message?.zh === 'string' &&
      message.zh !== '' &&
      typeof message.en === 'string' &&
      message.en !== ''
    );
  };
  const bad = issues.find(
    (issue) => issue === null || typeof issue !== 'object' || !wellFormed(issue as never),
  );
  if (issues.length === 0 || bad !== undefined)
    throw new Error(
      `${name} threw a ShequError with an issue lacking its code, path or message: ${describeArgs([bad])}`,
    );
  if (!hostile && issues.some((issue) => (issue as root.Issue).message.en === INPUT_THREW.en))
    throw new Error(`${name} hid an exception of its own as INPUT_THREW for ${describeArgs(args)}`);
}

function describeArgs(args: readonly unknown[]): string {
  try {
    return fc.stringify(args).slice(0, 300);
  } catch {
    return '(unprintable)';
  }
}

function runsOf(rule: Classification): number {
  return Math.max(3, Math.round(RUNS * (rule.cost ?? 1)));
}

const fuzzDir = useTempDir('fuzz');
const missingFile = join(fuzzDir, 'no-such-folder', 'no-such-file.csv');
const smallFile = join(fuzzDir, 'units.csv');
writeFileSync(smallFile, 'code,kind,households\n130123100201,村委会,300\n');

/** Arguments for a call: up to arity + 1, hostile ones possibly holding a throwing getter. */
function argumentsArbitrary(arity: number, rule: Classification, withThrowing: boolean) {
  const one = withThrowing
    ? fc.oneof({ weight: 3, arbitrary: argumentArbitrary }, throwingArgument)
    : argumentArbitrary;
  const args = fc.array(one, { minLength: 0, maxLength: Math.max(arity, 1) + 1 });
  if (rule.behaviour !== 'node-file') return args;
  // A path of our choosing (never a random path on this machine), then fuzzed options.
  return fc
    .tuple(fc.constantFrom(missingFile, smallFile), args)
    .map(([path, rest]) => [path, ...rest.slice(1)]);
}

/**
 * The valid arguments of `rule` with one part replaced by `hostile`: the argument at the first choice, or — following
 * further choices — a value inside it (a key of an object, an item of a list), the objects on the way copied.
 */
function withHostilePart(valid: readonly unknown[], choices: readonly number[], hostile: unknown): unknown[] {
  const args = [...valid];
  const [first = 0, ...rest] = choices;
  const at = first % args.length;
  args[at] = replacedInside(args[at], rest, hostile);
  return args;
}

function replacedInside(value: unknown, choices: readonly number[], hostile: unknown): unknown {
  const [choice, ...rest] = choices;
  if (choice === undefined || value === null || typeof value !== 'object') return hostile;
  const keys = Object.keys(value);
  // One choice more than keys: stop here and replace the value itself.
  const key = keys[choice % (keys.length + 1)];
  if (key === undefined) return hostile;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  copy[key] = replacedInside((value as Record<string, unknown>)[key], rest, hostile);
  return copy;
}

/** Arguments made from the export's valid ones, one part of them hostile (see {@link withHostilePart}). */
function hostilePartArbitrary(valid: () => readonly unknown[], withThrowing: boolean) {
  const one = withThrowing
    ? fc.oneof({ weight: 3, arbitrary: argumentArbitrary }, throwingArgument)
    : argumentArbitrary;
  return fc
    .tuple(fc.array(fc.nat(), { maxLength: 6 }), one)
    .map(([choices, hostile]) => withHostilePart(valid(), choices, hostile));
}

let calls = 0;

async function fuzz(
  name: string,
  fn: (...args: unknown[]) => unknown,
  rule: Classification,
  throwing: readonly boolean[] = [false, true],
): Promise<void> {
  const runs = runsOf(rule);
  const earlier: [readonly unknown[], readonly Snapshot[]][] = [];
  for (const withThrowing of throwing) {
    await fc.assert(
      fc.asyncProperty(argumentsArbitrary(fn.length, rule, withThrowing), async (args) => {
        calls++;
        earlier.push([args, await callChecked(name, fn, args, rule, withThrowing)]);
      }),
      { numRuns: withThrowing ? Math.ceil(runs / 4) : runs },
    );
    if (rule.valid === undefined) continue;
    await fc.assert(
      fc.asyncProperty(hostilePartArbitrary(rule.valid, withThrowing), async (args) => {
        calls++;
        earlier.push([args, await callChecked(name, fn, args, rule, withThrowing)]);
      }),
      { numRuns: withThrowing ? Math.ceil(runs / 4) : runs },
    );
  }
  // Checked again at the end: an export that kept a value it was given (a cache, a factory's state) and changed it in
  // a later call changed its caller's value just the same.
  for (const [args, before] of earlier)
    expectArgumentsUnchanged(`${name} (in a later call)`, args, before, rule);
}

/** For factories: the object each call returns, its methods fuzzed as safe. */
async function fuzzFactory(
  name: string,
  fn: (...args: unknown[]) => unknown,
  rule: Classification,
): Promise<void> {
  await fuzz(name, fn, rule);
  for (const method of rule.methods ?? []) {
    const made = fn() as Record<string, (...args: unknown[]) => unknown>;
    await fuzz(`${name}().${method}`, (...args) => made[method]?.(...args), { behaviour: 'safe' });
  }
}

describe('every export', () => {
  const functions = exportedFunctions();

  it('covers every entry point of the package (a new subpath is fuzzed too)', async () => {
    const { readFile } = await import('node:fs/promises');
    const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, unknown>;
    };
    const subpaths = Object.keys(manifest.exports)
      .filter((key) => key !== './package.json')
      .map((key) => (key === '.' ? 'shequ' : `shequ/${key.slice(2)}`));
    expect(Object.keys(ENTRY_POINTS).sort()).toEqual(subpaths.sort());
  });

  it('is classified (a new export must say how it behaves on hostile input)', () => {
    const unclassified = [...functions.keys()].filter((name) => !Object.hasOwn(CLASSIFICATION, name));
    expect(unclassified).toEqual([]);
    const stale = Object.keys(CLASSIFICATION).filter((name) => !functions.has(name));
    expect(stale).toEqual([]);
  });

  for (const [name, fn] of functions) {
    const rule = CLASSIFICATION[name];
    if (rule === undefined) continue;
    it(`${name} (${rule.behaviour}) survives hostile arguments`, { timeout: 120_000 }, async () => {
      if (rule.behaviour === 'factory') await fuzzFactory(name, fn, rule);
      else await fuzz(name, fn, rule);
    });
  }

  for (const [name, schema] of exportedSchemas()) {
    // zod's safeParse lets a throwing getter's exception through (zod's choice); the library's own parse functions
    // (parseUnitStatistics, parseDataset) catch it. So a schema may throw the caller's own exception (CallersThrow)
    // in a run with throwing getters, and nothing in a run without: no value is shared between runs (hostile.ts).
    const safeParse = (value: unknown) => schema.safeParse(value);
    const safeParseLettingCallersThrow = (value: unknown) => {
      try {
        return schema.safeParse(value);
      } catch (error) {
        if (isCallersThrow(error)) return undefined;
        throw error;
      }
    };
    it(`${name}.safeParse never throws`, async () => {
      const rule: Classification = { behaviour: 'safe', cost: 0.5 };
      await fuzz(`${name}.safeParse`, safeParse, rule, [false]);
      await fuzz(`${name}.safeParse`, safeParseLettingCallersThrow, rule, [true]);
    });
  }

  afterAll(() => {
    // The normal run makes at least 10⁵ calls (fewer only when FUZZ_RUNS is lowered on purpose).
    if (RUNS >= 1000) expect(calls).toBeGreaterThanOrEqual(100_000);
  });
});
