import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { INDICATOR_PROFILES, type PlanEvaluation } from '../../src/index.js';
import { runMain } from '../helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';

// `--regions` keeps the regions within the codes given: a code that holds none of the rows' regions (a typo, a
// province not in the file) leaves an empty table, and the run says so instead of printing a title and exit 0 alone.
const sample = join(import.meta.dirname, '..', '..', 'examples', 'data', 'sample-units-2025.csv');
const EN = { LANG: 'C.UTF-8' };

/** A division code as a clerk might type one: a prefix of a code in the sample, or any digits of a code's length. */
const regionCode = fc.oneof(
  fc.constantFrom('13', '1301', '130123', '130123001', '11', '1101', '110101', '110119'),
  fc
    .constantFrom(2, 4, 6, 9, 12)
    .chain((length) =>
      fc
        .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
        .map((d) => d.join('')),
    ),
);

describe('evaluate --regions', () => {
  test.prop([fc.array(regionCode, { minLength: 1, maxLength: 3 })], { numRuns: 15 })(
    'an empty table is always said on stderr, and a table with regions never',
    async (codes) => {
      const run = await runMain(['evaluate', sample, '--regions', codes.join(','), '--format', 'json'], EN);
      expect(run.code).toBe(0);
      const evaluation = JSON.parse(run.stdout) as PlanEvaluation;
      const said = run.stderr.includes('holds none of the regions of the rows');
      expect(said, run.stderr).toBe(evaluation.rows.length === 0);
    },
  );
});

// An empty table has a reason, and the warning says which: a profile with no indicators leaves it empty whatever the
// regions (the --regions warning said the regions held none of the rows' regions, which was not so); --regions that
// hold none of the rows' regions leave it empty for a profile with indicators.
const dir = useTempDir('evaluate-empty');
const NATIONAL = INDICATOR_PROFILES.national.indicators.map((entry) => entry.indicator.id);
let profiles = 0;

describe('evaluate: an empty table says why', () => {
  test.prop(
    [
      fc.subarray(NATIONAL, { maxLength: 3 }),
      fc.option(fc.array(regionCode, { minLength: 1, maxLength: 3 }), { nil: undefined }),
      fc.constantFrom('en', 'zh'),
    ],
    { numRuns: 20 },
  )(
    'no indicators, or no region: the reason that holds, and only when the table is empty',
    async (ids, codes, lang) => {
      const profile = join(dir, `profile-${++profiles}.json`);
      writeFileSync(profile, JSON.stringify({ id: 'own', name: { zh: '自定', en: 'own' }, indicators: ids }));
      const args = ['evaluate', sample, '--profile-file', profile, '--format', 'json'];
      if (codes !== undefined) args.push('--regions', codes.join(','));
      const run = await runMain(args, lang === 'zh' ? { LANG: 'zh_CN.UTF-8' } : EN);
      expect(run.code, run.stderr).toBe(0);
      const evaluation = JSON.parse(run.stdout) as PlanEvaluation;
      const noIndicators = run.stderr.includes(
        'the profile own has no indicators: the evaluation table is empty',
      );
      const noRegion = run.stderr.includes('holds none of the regions of the rows');
      expect(noIndicators, run.stderr).toBe(ids.length === 0);
      expect(noRegion, run.stderr).toBe(ids.length > 0 && evaluation.rows.length === 0);
      if (ids.length > 0 && codes === undefined) expect(evaluation.rows.length).toBeGreaterThan(0);
    },
  );
});
