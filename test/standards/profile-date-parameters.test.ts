/**
 * A rule's parameter whose value is a date (`law.termExpiry`'s `termChange`, `facility.resettlementCoverage`'s
 * `deadline`) takes only a real calendar date `YYYY-MM-DD` from a profile file: anything else is refused with
 * `invalid_date` at the parameter's path. It was checked as text only, so `"2025-02-30"`, `"2025-1-5"` or `"soon"`
 * were taken, and the rules compare dates as text: a deadline `"2025-1-5"` fell after every date of 2025-10 to 2025-12.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/index.js';
import { RULES } from '../../src/standards/catalogue.js';
import type { AnyRule } from '../../src/standards/types.js';

/** A calendar date by the Date object's own reckoning (not the library's helper): it reads back as written. */
function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || text.startsWith('0000')) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const ALL_RULES: readonly AnyRule[] = Object.values(RULES).flat();
/** Every (rule, parameter) whose value is a date. */
const DATE_PARAMETERS = ALL_RULES.flatMap((rule) =>
  Object.entries(rule.parameters)
    .filter(([, value]) => typeof value === 'string' && isRealDate(value))
    .map(([name]) => [rule, name] as const),
);

const fileWith = (rule: AnyRule, name: string, value: unknown) => ({
  id: 'x',
  extends: 'national',
  rules: { enable: [rule.id], parameters: { [rule.id]: { [name]: value } } },
});

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Dates written YYYY-MM-DD with any month 0–13 and day 0–32: real ones and near misses. */
const writtenDate = fc
  .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const realDate = writtenDate.filter(isRealDate);
const notADate = fc.oneof(
  writtenDate.filter((text) => !isRealDate(text)),
  fc.constantFrom(
    '2025-02-29',
    '2024-02-30',
    '2025-1-5',
    '20251231',
    '2025/12/31',
    ' 2025-12-31',
    '2025-12-31T00:00',
  ),
  fc.constantFrom('', 'soon', '0000-01-01', '+2025-12-31', '2025-12-31\n', '２０２５-１２-３１'),
  fc.string({ maxLength: 12 }).filter((text) => !isRealDate(text)),
);

describe('date parameters in a profile file', () => {
  it('are those of law.termExpiry and facility.resettlementCoverage', () => {
    expect(DATE_PARAMETERS.map(([rule, name]) => `${rule.id}.${name}`)).toEqual(
      expect.arrayContaining(['law.termExpiry.termChange', 'facility.resettlementCoverage.deadline']),
    );
  });

  test.prop([fc.constantFrom(...DATE_PARAMETERS), notADate])(
    'anything but a real calendar date is refused with invalid_date at the parameter',
    ([rule, name], text) => {
      const result = loadProfile(fileWith(rule, name, text));
      expect(result.success ? [] : result.error.issues.map((issue) => [issue.code, issue.path])).toEqual([
        ['invalid_date', ['rules', 'parameters', rule.id, name]],
      ]);
    },
  );

  test.prop([fc.constantFrom(...DATE_PARAMETERS), realDate])(
    'a real calendar date is taken, and the rule reads it',
    ([rule, name], text) => {
      const result = loadProfile(fileWith(rule, name, text));
      expect(result.success).toBe(true);
      const loaded = result.success ? result.data.rules.rules.find((r) => r.id === rule.id) : undefined;
      expect(loaded?.parameters[name as keyof typeof loaded.parameters]).toBe(text);
    },
  );

  it('worked example: a deadline of 30 February, and one written 2025-1-5', () => {
    const rule = ALL_RULES.find((r) => r.id === 'facility.resettlementCoverage') as AnyRule;
    const result = loadProfile(fileWith(rule, 'deadline', '2025-02-30'));
    expect(result.success ? [] : result.error.issues).toEqual([
      {
        code: 'invalid_date',
        path: ['rules', 'parameters', 'facility.resettlementCoverage', 'deadline'],
        message: {
          zh: '规则 facility.resettlementCoverage 的参数 deadline 应为日期 YYYY-MM-DD（如 2025-12-31），不是 2025-02-30',
          en: 'Parameter deadline of rule facility.resettlementCoverage must be a date YYYY-MM-DD (such as 2025-12-31), not 2025-02-30',
        },
        severity: 'error',
      },
    ]);
    expect(loadProfile(fileWith(rule, 'deadline', '2025-1-5')).success).toBe(false);
    expect(loadProfile(fileWith(rule, 'deadline', '2026-06-30')).success).toBe(true);
  });
});
