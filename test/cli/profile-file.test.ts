import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileAndDate, UsageError } from '../../src/cli/context.js';
import { runIndicators } from '../../src/cli/indicators.js';
import { runSchema } from '../../src/cli/schema.js';
import { runValidate } from '../../src/cli/validate.js';
import { profileJsonSchema } from '../../src/index.js';
import { testTempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const sample = join(root, 'examples', 'data', 'sample-units.csv');
const example = join(root, 'examples', 'profiles', 'hebei-15th.json');

function streams() {
  let out = '';
  let err = '';
  return {
    streams: { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } },
    out: () => out,
    err: () => err,
  };
}

describe('--as-of and --period choose the plan period', () => {
  const at = (values: Record<string, string>) => profileAndDate('indicators', values);

  it('warns outside every period, not inside one', () => {
    expect(at({ 'as-of': '2025-12-31' }).warning).toBeUndefined();
    expect(at({ 'as-of': '2026-01-01' }).warning).toBeUndefined();
    expect(at({ 'as-of': '2031-01-01' }).warning).toContain('no targets exist yet');
    expect(at({ 'as-of': '2019-06-30' }).warning).toContain('judged against the 2025 targets');
  });

  it('--period 14th alone is the final evaluation, as of 2025-12-31; an unknown period is a usage error', () => {
    expect(at({ period: '14th' })).toMatchObject({ asOf: '2025-12-31', period: '14th', warning: undefined });
    expect(at({ period: '14th', 'as-of': '2026-11-15' })).toMatchObject({
      asOf: '2026-11-15',
      period: '14th',
    });
    expect(() => at({ period: '16th' })).toThrow(UsageError);
  });
});

describe('--profile-file', () => {
  it("validate: the file's rules (one switched off)", async () => {
    const io = streams();
    await runValidate(
      [sample, '--profile-file', example, '--format', 'json', '--fail-on', 'never'],
      io.streams,
    );
    const report = JSON.parse(io.out()) as { profile: string; summary: { byRule: Record<string, unknown> } };
    expect(report.profile).toBe('hebei-15th-example');
    expect(Object.keys(report.summary.byRule)).not.toContain('service.convenienceOutlets');
  });

  it('a file with mistakes is a usage error listing each issue with its JSON path', async () => {
    const dir = testTempDir('profile');
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        id: 'x',
        extends: 'hebei',
        periods: {
          '15th': { targets: { noSuch: { comparator: '>=', value: 1, confidence: 'seed', source: 's' } } },
        },
      }),
    );
    const error = await runIndicators([sample, '--profile-file', bad], streams().streams).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain('periods.15th.targets.noSuch: 未知指标');
    const both = await runIndicators(
      [sample, '--profile', 'hebei', '--profile-file', example],
      streams().streams,
    ).catch((e: unknown) => e);
    expect((both as Error).message).toContain('not both');
    const missing = await runIndicators(
      [sample, '--profile-file', join(dir, 'none.json')],
      streams().streams,
    ).catch((e: unknown) => e);
    expect((missing as Error).message).toContain('cannot read');
  });

  it('shequ schema profile prints the published schema', async () => {
    const io = streams();
    expect(await runSchema(['profile'], io.streams)).toBe(0);
    expect(JSON.parse(io.out())).toEqual(profileJsonSchema());
  });
});
