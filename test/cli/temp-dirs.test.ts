import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { liveTempDirs, makeTempDir, removeTempDir } from '../../src/cli/temp-dirs.js';

const EVENTS = ['exit', 'SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The number of listeners of each event the module handles. */
const listenerCounts = () => EVENTS.map((event) => process.listenerCount(event));

/** The listener the module added to `event` (the one not there before). */
function addedListener(event: string, before: readonly unknown[]): () => void {
  const added = process.listeners(event as 'exit').filter((listener) => !before.includes(listener));
  expect(added).toHaveLength(1);
  return added[0] as () => void;
}

describe('the CLI’s temporary folders (temp-dirs.ts)', () => {
  const baseline = listenerCounts();
  afterEach(() => {
    expect(liveTempDirs()).toBe(0);
    expect(listenerCounts()).toEqual(baseline);
  });

  it('makes a <prefix>XXXXXX folder in the temp folder and removes it with its files', () => {
    const dir = makeTempDir('shequ-validate-');
    expect(dirname(dir)).toBe(tmpdir());
    expect(basename(dir)).toMatch(/^shequ-validate-.{6}$/);
    writeFileSync(join(dir, 'run-0'), 'x');
    removeTempDir(dir);
    expect(existsSync(dir)).toBe(false);
  });

  it('handles exit and the three signals only while a folder lives', () => {
    const dir = makeTempDir('shequ-test-');
    expect(listenerCounts()).toEqual(baseline.map((count) => count + 1));
    removeTempDir(dir);
    expect(listenerCounts()).toEqual(baseline);
  });

  it('removes every live folder when the process exits (process.exit skips every finally)', () => {
    const before = process.listeners('exit');
    const first = makeTempDir('shequ-test-');
    const second = makeTempDir('shequ-test-');
    writeFileSync(join(second, 'run-0'), 'x');
    addedListener('exit', before)();
    expect([existsSync(first), existsSync(second)]).toEqual([false, false]);
    expect(liveTempDirs()).toBe(0);
    // The command's own close afterwards finds nothing to do, and takes the handlers away.
    removeTempDir(first);
  });

  test.prop([fc.array(fc.boolean(), { maxLength: 12 })], { numRuns: 30 })(
    'after any sequence of makes and removes: the handlers are there exactly while a folder lives, removed ones are gone',
    (steps) => {
      const dirs: string[] = [];
      const removed: string[] = [];
      for (const make of steps) {
        if (make || dirs.length === 0) dirs.push(makeTempDir('shequ-test-'));
        else {
          const dir = dirs.shift() as string;
          removeTempDir(dir);
          removed.push(dir);
        }
        expect(liveTempDirs()).toBe(dirs.length);
        const extra = dirs.length > 0 ? 1 : 0;
        expect(listenerCounts()).toEqual(baseline.map((count) => count + extra));
        expect(dirs.every((dir) => existsSync(dir))).toBe(true);
        expect(removed.some((dir) => existsSync(dir))).toBe(false);
      }
      for (const dir of dirs) removeTempDir(dir);
    },
  );
});
