/**
 * A caller's own indicator may have any id: the people formats name it by its id and give its row's unit (the
 * catalogue knows only the built-in ones). An id such as `constructor`, `toString` or `__proto__` is such an id, not
 * a key of Object.prototype: before, the catalogue lookup found Object.prototype's function or the prototype itself
 * and every table, Markdown, HTML page and .xlsx of the rows crashed (`Cannot read properties of undefined`).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { indicatorMarkdown, indicatorTable } from '../../src/cli/render.js';
import {
  computeIndicators,
  deriveIndicatorProfile,
  INDICATOR_PROFILES,
  INDICATORS,
} from '../../src/index.js';
import {
  createFindingDigest,
  defaultRenderContext,
  INDICATOR_ROW_MODEL,
  OUTPUT_FORMATS,
  type OutputFormatId,
  renderRows,
  reportPage,
} from '../../src/report/index.js';
import { indicatorRowsToXlsx } from '../../src/report/xlsx.js';
import { readBackWorkbook } from './xlsx-read-back.js';

const INHERITED = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];
const ownId = fc.oneof(
  fc.constantFrom(...INHERITED),
  fc.stringMatching(/^[a-z][A-Za-z]{0,10}$/).filter((id) => !Object.hasOwn(INDICATORS, id)),
);
/** An ordinary own id, no key of any object. */
const CONTROL = 'ownAreaRatio';
const FORMATS = Object.keys(OUTPUT_FORMATS) as OutputFormatId[];

const units = [
  { code: '130123100201', kind: 'village' as const, hasFacility: true, households: 300, facilityArea: 90 },
  {
    code: '110101001001',
    kind: 'community' as const,
    hasFacility: true,
    households: 1000,
    facilityArea: 350,
  },
];

/** Rows of a profile holding one own indicator (the built-in area ratio under another id), at the top level. */
function rowsWithId(id: string) {
  const profile = deriveIndicatorProfile(INDICATOR_PROFILES.national, {
    id: 'own',
    add: [{ indicator: { ...INDICATORS.facilityAreaPer100Households, id } }],
  });
  const rows = [...computeIndicators(units, { profile, asOf: '2025-12-31', groupBy: ['province'] })];
  return rows.filter((row) => row.indicator === id);
}

describe("a caller's own indicator id", () => {
  test.prop([ownId, fc.constantFrom('zh' as const, 'en' as const)], { numRuns: 60 })(
    'is its own name, and its unit the row’s, in the default render context',
    (id, lang) => {
      const context = defaultRenderContext(lang);
      expect(context.indicatorName(id)).toBe(id);
      expect(context.indicatorUnit(id, 'm2')).toBe('m2');
    },
  );

  test.prop([ownId], { numRuns: 30 })(
    'is written by every format, the CLI tables, the page and the workbook, named by its id',
    async (id) => {
      const rows = rowsWithId(id);
      expect(rows.length).toBeGreaterThan(0);
      const findings = createFindingDigest().digest();
      for (const lang of ['zh', 'en'] as const) {
        for (const format of FORMATS)
          expect(renderRows(format, INDICATOR_ROW_MODEL, rows, { lang })).toContain(id);
        expect(indicatorTable(rows, lang)).toContain(id);
        expect(indicatorMarkdown(rows, lang)).toContain(id);
        expect(
          reportPage({ rows, findings, asOf: '2025-12-31', profile: 'own', units: units.length }, { lang }),
        ).toContain(id);
        // The workbook as for an ordinary own id (its name cell is left blank there: only the id column names it).
        const sheets = readBackWorkbook(await indicatorRowsToXlsx(rows, { lang })).map((sheet) => sheet.rows);
        const control = readBackWorkbook(await indicatorRowsToXlsx(rowsWithId(CONTROL), { lang })).map(
          (sheet) => sheet.rows.map((cells) => cells.map((cell) => (cell === CONTROL ? id : cell))),
        );
        expect(sheets).toEqual(control);
      }
    },
  );
});
