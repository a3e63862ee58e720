/**
 * A rejected row's reason says the value it refused after the message, as "（填写值：…）" / " (given: …)": the words end
 * the message's last number, so the ID-number masker reads the bound and the value each alone. Before, the reason
 * read "值应不大于 9007199254740991（12310500000000000000）" and the masker took the bound, the bracket and the value for
 * one run of digits ("90071992547409**（****05…"): the bound lost its end and the value its start.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { maskIdNumbersInText } from '../../src/core/mask.js';
import { rejectedRowCells } from '../../src/io/write.js';
import { findIdNumbers } from '../helpers/id-leaks.js';

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

describe('rejectedRowCells: the reason masks the message and the value each alone', () => {
  test.prop([digits(1, 22), digits(1, 22), fc.constantFrom('zh', 'en')])(
    'a message ending in a number and any number refused: each is masked as it would be alone',
    (bound, value, lang) => {
      const message = { zh: `值应不大于 ${bound}`, en: `The value must be at most ${bound}` };
      const row = {
        line: 2,
        cells: [value],
        issues: [{ code: 'invalid_value', column: '户数', value, message }],
      };
      const reason = rejectedRowCells(row as never, 1, lang).at(-1);
      const alone =
        lang === 'zh'
          ? `户数：${maskIdNumbersInText(message.zh)}（填写值：${maskIdNumbersInText(value)}）`
          : `户数: ${maskIdNumbersInText(message.en)} (given: ${maskIdNumbersInText(value)})`;
      expect(reason).toBe(alone);
      expect(findIdNumbers(String(reason))).toEqual([]);
    },
  );
});
