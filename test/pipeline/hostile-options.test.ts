import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  computeIndicatorsFromSource,
  validateSource,
  validateSourceStreaming,
} from '../../src/pipeline/index.js';
import { computeIndicatorsFromFile } from '../../src/pipeline/node.js';

// Options a hostile caller passes: getters and Proxy traps that throw, look-alike signals, values of every wrong kind,
// at the top and inside `read`. Every job settles with a Result (a failure names the option), never a rejection.

const CSV = '统计用区划代码,类型,是否建有综合服务设施\n130123100201,村委会,是\n';
const ID = '11010519491231002X';
const throwing = () => {
  throw new Error(`trap ${ID}`);
};
const traps = { get: throwing, has: throwing, ownKeys: throwing, getOwnPropertyDescriptor: throwing };

/** A value of any kind a caller might put in an option. */
const hostileValue = fc.constantFrom<() => unknown>(
  () => new Proxy({}, traps),
  // A function whose call throws is a callback that throws: its own class (the job rejects with its error).
  () => new Proxy(() => undefined, traps),
  () => Object.create(AbortSignal.prototype),
  () => Object.create(Blob.prototype),
  () => null,
  () => Number.NaN,
  () => -1,
  () => 1e9,
  () => '2',
  () => '',
  () => ({}),
  () => [],
  () => Symbol('x'),
  () => 10n,
  () => new Date(Number.NaN),
);
const KEYS = [
  'signal',
  'onProgress',
  'read',
  'profile',
  'asOf',
  'groupBy',
  'year',
  'workers',
  'period',
  'names',
];
const READ_KEYS = ['encoding', 'delimiter', 'sheet', 'maxFieldLength', 'maxRecordLength', 'maxRows'];

/** Options with `key` set to `value`, or to a getter that throws. */
function optionsWith(
  keys: readonly string[],
  values: readonly (() => unknown)[],
  getters: readonly boolean[],
  extra: Record<string, unknown> = {},
) {
  const options: Record<string, unknown> = { asOf: '2025-12-31', ...extra };
  const read: Record<string, unknown> = {};
  keys.forEach((key, i) => {
    const [target, name] = key.startsWith('read.') ? [read, key.slice(5)] : [options, key];
    if (getters[i] === true) Object.defineProperty(target, name, { get: throwing, enumerable: true });
    else target[name] = (values[i] as () => unknown)();
  });
  if (!keys.includes('read')) options.read = read;
  return options;
}

async function settles(job: Promise<{ success: boolean; error?: { issues: readonly unknown[] } }>) {
  const result = await job; // a rejection fails the test
  if (!result.success) {
    expect(result.error?.issues.length).toBeGreaterThan(0);
    expect(JSON.stringify(result.error?.issues)).not.toContain(ID);
  }
  return result;
}

describe('hostile options', () => {
  const keys = fc.uniqueArray(fc.constantFrom(...KEYS, ...READ_KEYS.map((key) => `read.${key}`)), {
    minLength: 1,
    maxLength: 3,
  });
  test.prop(
    [
      keys,
      fc.array(hostileValue, { minLength: 3, maxLength: 3 }),
      fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    ],
    {
      numRuns: 150,
    },
  )(
    'settle with a Result (a failure for what cannot be used), never a rejection',
    async (chosen, values, getters) => {
      const options = optionsWith(chosen, values, getters);
      await settles(computeIndicatorsFromSource(CSV, options as never));
      await settles(validateSource(CSV, options as never));
      await settles(
        validateSourceStreaming(
          CSV,
          optionsWith(chosen, values, getters, { onFinding: () => undefined }) as never,
        ),
      );
      await settles(computeIndicatorsFromFile('/nonexistent/shequ.csv', options as never));
    },
  );
});

describe('hand-worked', () => {
  test('a look-alike signal (AbortSignal’s prototype, not the platform’s) is an invalid signal option', async () => {
    const job = await computeIndicatorsFromSource(CSV, { signal: Object.create(AbortSignal.prototype) });
    expect(job.success ? [] : job.error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_option', ['signal']],
    ]);
  });

  test('a getter of `read` is called once, and one that throws fails the options', async () => {
    let calls = 0;
    const read = {
      get encoding() {
        calls++;
        return 'utf-8' as const;
      },
    };
    const job = await computeIndicatorsFromSource(CSV, { asOf: '2025-12-31', read });
    expect([job.success, calls]).toEqual([true, 1]);
    const thrown = await validateSource(CSV, {
      read: {
        get delimiter(): string {
          return throwing();
        },
      },
    });
    expect(thrown.success ? [] : thrown.error.issues.map((issue) => issue.path)).toEqual([['options']]);
  });
});
