import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { findIdNumbers } from '../helpers/id-leaks.js';
import { runMain } from '../helpers/run-main.js';

// `check-code --format json` says why each invalid code is invalid, in both languages, as the table does — a code of
// no known form included (the table said "not the form of a known code", the JSON gave `reasons: []`) — and never
// holds a full ID number.
const EN = { LANG: 'C.UTF-8' };

/** Code-like text: digits, X, letters, separators, ID numbers whole or cut, in any length. */
const codeText = fc.oneof(
  fc.string({
    unit: fc.constantFrom('1', '3', '0', '9', 'X', 'A', '-', ' ', '<', '身'),
    minLength: 1,
    maxLength: 22,
  }),
  fc.constantFrom(
    '11010519491231002X',
    '110105194912310021',
    '110105491231002',
    '130123100201',
    '111',
    '91440300192203821X',
  ),
  fc
    .tuple(
      fc.constantFrom('11010519491231002X', '130123100201', '914403001922038216'),
      fc.integer({ min: 1, max: 17 }),
    )
    .map(([code, cut]) => code.slice(0, cut)),
);

interface Checked {
  code: string;
  valid: boolean;
  system: string | null;
  reasons: { code: string; message: { zh: string; en: string } }[];
}

describe('check-code --format json', () => {
  test.prop(
    [
      fc.array(
        codeText.filter((text) => text.trim() !== '' && !text.startsWith('-')),
        { minLength: 1, maxLength: 6 },
      ),
    ],
    {
      numRuns: 40,
    },
  )('gives a reason in both languages for every invalid code, and no full ID number', async (codes) => {
    const run = await runMain(['check-code', '--format', 'json', '--', ...codes], EN);
    const checked = JSON.parse(run.stdout) as Checked[];
    expect(checked).toHaveLength(codes.length);
    expect(run.code).toBe(checked.every((entry) => entry.valid) ? 0 : 1);
    for (const entry of checked) {
      if (entry.valid) continue;
      expect(entry.reasons.length, JSON.stringify(entry)).toBeGreaterThan(0);
      for (const reason of entry.reasons) {
        expect(reason.message.zh).toMatch(/\p{Script=Han}/u);
        expect(reason.message.en).toMatch(/[a-z]/);
      }
    }
    expect(findIdNumbers(run.stdout)).toEqual([]);
  });
});
