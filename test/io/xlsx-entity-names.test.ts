import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { readUnitStatisticsXlsx } from '../../src/io/xlsx.js';
import { decodeXmlText } from '../../src/io/xlsx-xml.js';
import { inlineRow, sheetXml, workbook } from './xlsx-fixtures.js';

// An entity name is the file's: `&constructor;` or `&toString;` is an undeclared entity like `&nbsp;`, kept as
// written and counted — never looked up on Object.prototype (which turned it into a function's source text).

/** Names an object literal inherits (Object.prototype's keys) and `__proto__`, as the entity pattern admits them. */
const INHERITED = Object.getOwnPropertyNames(Object.prototype).filter((name) =>
  /^[A-Za-z_][\w.-]*$/.test(name),
);
const XML_NAMES = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);
const entityName = fc.oneof(
  fc.constantFrom(...INHERITED),
  fc.stringMatching(/^[A-Za-z_][\w.-]{0,12}$/).filter((name) => !XML_NAMES.has(name)),
);

describe('undeclared entities named like Object.prototype keys', () => {
  test.prop([fc.array(entityName, { minLength: 1, maxLength: 4 })], { numRuns: 200 })(
    'are kept as written and each one counted',
    (names) => {
      const raw = names.map((name) => `a&${name};`).join('');
      const tally = { undeclared: 0 };
      expect(decodeXmlText(raw, tally)).toBe(raw);
      expect(tally.undeclared).toBe(names.length);
    },
  );

  test.prop([fc.constantFrom(...INHERITED)], { numRuns: INHERITED.length })(
    'a cell of a workbook reads as written, with the undeclared-entity warning',
    async (name) => {
      const rows = `${inlineRow(1, ['统计用区划代码', '类型', '名称'])}${inlineRow(2, ['130123100201', '村委会', `村&${name};`])}`;
      const result = await readUnitStatisticsXlsx(workbook(sheetXml(rows)));
      expect(result.rows[0]?.name).toBe(`村&${name};`);
      expect(result.issues[0]?.message.en).toContain('1 undeclared');
    },
  );
});
