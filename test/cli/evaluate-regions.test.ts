import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { PlanEvaluation } from '../../src/index.js';
import { runMain } from '../helpers/run-main.js';

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
