import fc from 'fast-check';
import { createIndicatorAccumulator } from '../../src/indicators/index.js';
import {
  creditCodeArbitrary,
  idNumberArbitrary,
  unitArbitrary,
  unitStatisticsArbitrary,
} from '../../src/testing/index.js';

// Hostile arguments for the fuzz test over every export.

const ID = '11010519491231002X';
const FULL_WIDTH_ID = '１１０１０５１９４９１２３１００２Ｘ';

/** Strings that have broken text handling elsewhere: full-width, invisible, unpaired, huge, ID-shaped. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ID,
    FULL_WIDTH_ID,
    '110105 19491231 002X',
    `身份证${ID}`,
    `${ID},`,
    '130123100201',
    '１３０１２３１００２０１',
    '914403001922038216',
    '\u200b130123\u200d100201\ufeff',
    '\ud800',
    'a\udfffb',
    '\u0000',
    '=1+1',
    '＝SUM(A1)',
    '"',
    'code,kind\n130123100201,村委会\n',
    '\r\r\n\n',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'x'.repeat(1 << 20), // 1 MB
    ','.repeat(100_000),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('1', '0', 'X', '１', '\u200b', ' ', '-', '"', ',', '\n'),
    maxLength: 24,
  }),
);

/**
 * One of the values `makers` make, made anew for every run. A constant object (`fc.constant`, `fc.constantFrom`) is
 * one object shared by every run of every property: an export that writes into its argument by contract
 * (convertCoordinates' `out`) left a hostile run's throwing object and typed array in a shared `[]`, which a later
 * non-hostile run then passed to crosswalkSchema.safeParse (CI, seed 996888567). test/fuzz/hostile.test.ts checks
 * that no two runs share an object.
 */
function fresh(...makers: readonly (() => unknown)[]): fc.Arbitrary<unknown> {
  return fc.constantFrom(...makers).map((make) => make());
}

/** Objects whose `__proto__` is an own key (as JSON.parse makes it), and `constructor` / `prototype` keys. */
const protoObjects: fc.Arbitrary<unknown> = fc.oneof(
  fresh(
    () => JSON.parse('{"__proto__":{"polluted":1},"code":"130123100201","kind":"village"}'),
    () => JSON.parse('{"constructor":{"prototype":{"polluted":1}}}'),
    () => JSON.parse('{"prototype":{"polluted":1},"__proto__":[5,6,7]}'),
    () => JSON.parse('[{"__proto__":{"polluted":1}},{"constructor":{"prototype":{"polluted":1}}}]'),
    () =>
      JSON.parse(
        '{"format":"shequ-indicator-parts/1","indicators":["a"],"townships":{"__proto__":[5,6,7]},"skipped":0}',
      ),
    () => JSON.parse('{"130123000000":{"__proto__":5},"__proto__":{"facilityAreaPer100Households":1}}'),
    () => JSON.parse('{"units":[{"__proto__":{"polluted":1}}],"regions":[{"__proto__":{"polluted":1}}]}'),
    () => JSON.parse('{"categories":{"__proto__":{"authority":{"zh":"x","en":"x"}}}}'),
    () => ({ toString: () => ID, valueOf: () => 130123100201 }),
    () => Object.create(null),
    () => new Map([['__proto__', 1]]),
    () => new Set([ID]),
    () => new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x00]),
    () => new Uint8Array(0),
    () => [],
    () => [null],
    () => new Date(Number.NaN),
    () => () => undefined,
  ),
  fc.constantFrom(Number.NaN, -0, Number.POSITIVE_INFINITY, 2 ** 53, -1, 1e308, Symbol('s')),
);

const OPTION_KEYS = [
  'profile',
  'asOf',
  'groupBy',
  'rounding',
  'divisions',
  'denominators',
  'delimiter',
  'encoding',
  'maskCharacter',
  'keepStart',
  'keepEnd',
  'allowFirstGeneration',
  'divisionCodes',
  'categories',
  'legacyCodes',
  'sheet',
  'workers',
  'maxRecordLength',
  'mask',
  'target',
  'baseline',
  'value',
  'level',
] as const;

/** Option-shaped objects: known option names with hostile values. */
const optionObjects: fc.Arbitrary<unknown> = fc.dictionary(
  fc.constantFrom(...OPTION_KEYS),
  fc.oneof(
    fc.anything({ maxDepth: 2 }),
    hostileString,
    protoObjects,
    fc.constantFrom('national', 'hebei', '2025-12-31', true, 0, -1, 1e9),
    fresh(
      () => ['county', 'unit'],
      () => [],
      () => ({ places: 1e9 }),
    ),
  ),
  { maxKeys: 4 },
);

/** Valid domain values, so the fuzz also reaches the code past the first type check. */
const domainValues: fc.Arbitrary<unknown> = fc.oneof(
  idNumberArbitrary(),
  creditCodeArbitrary(),
  unitStatisticsArbitrary(),
  fc.array(unitStatisticsArbitrary(), { maxLength: 3 }),
  fc.array(unitArbitrary(), { maxLength: 2 }),
  fc.array(unitStatisticsArbitrary(), { maxLength: 3 }).map((rows) => {
    const accumulator = createIndicatorAccumulator();
    for (const row of rows) accumulator.add(row);
    return JSON.parse(JSON.stringify(accumulator.parts()));
  }),
);

/** One argument: anything, a hostile string, a prototype-key object, an option-shaped object or a domain value. */
export const argumentArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withObjectString: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    }),
  },
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: protoObjects },
  { weight: 3, arbitrary: optionObjects },
  { weight: 2, arbitrary: domainValues },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** What the hostile getters throw: the caller's own exception, told apart from one of the library. */
class CallersThrow extends Error {}

function thrower(): never {
  throw new CallersThrow(`thrown by a getter of the caller ${ID}`);
}

/** Whether an exception is one the hostile getters threw. */
export function isCallersThrow(error: unknown): boolean {
  return error instanceof CallersThrow;
}

/** Arguments whose reading throws: a Proxy throwing on every trap, getters on option keys, a throwing iterator. */
export const throwingArgument: fc.Arbitrary<unknown> = fc.oneof(
  fresh(
    // Symbol keys are left alone: fast-check itself looks up its clone symbol on every generated value.
    () =>
      new Proxy(
        {},
        {
          get: (_, key) => (typeof key === 'symbol' ? undefined : thrower()),
          has: (_, key) => (typeof key === 'symbol' ? false : thrower()),
          ownKeys: thrower,
          getOwnPropertyDescriptor: thrower,
        },
      ),
    () => ({ [Symbol.iterator]: () => thrower() }),
    () => [
      {
        get code() {
          return thrower();
        },
      },
    ],
    () => ({ [Symbol.toPrimitive]: () => thrower(), toString: () => thrower() }),
  ),
  fc
    .constantFrom(...OPTION_KEYS, 'code', 'kind', 'units', 'townships', 'format')
    .map((key) => Object.defineProperty({}, key, { get: thrower, enumerable: true })),
);
