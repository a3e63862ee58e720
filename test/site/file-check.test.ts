/**
 * The page's explanations of unreadable files: each case named from the first bytes and the read (worked by hand),
 * and a file from which rows were read is never called unreadable (property).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { classifyUnreadable } from '../../site/src/file-check.js';

const nothing = {
  counts: { read: 0 },
  header: undefined,
  issues: [{ code: 'header_not_found', severity: 'error' }],
};
const bytes = (...values: number[]) => new Uint8Array(values);

describe('classifyUnreadable', () => {
  it('names each case', () => {
    expect(classifyUnreadable(bytes(), 0, nothing)?.en).toBe('The file is empty (0 bytes).');
    expect(classifyUnreadable(bytes(0x25, 0x50, 0x44, 0x46, 0x2d), 10, nothing)?.zh).toMatch(/^这是PDF 文件/);
    expect(classifyUnreadable(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1), 10, nothing)?.en).toContain('.xls');
    const zip = { ...nothing, issues: [{ code: 'malformed_record', severity: 'error' }] };
    expect(classifyUnreadable(bytes(0x50, 0x4b, 3, 4), 10, zip)?.en).toContain('not an .xlsx workbook');
    expect(classifyUnreadable(bytes(0x41, 0x00, 0x42), 3, nothing)?.en).toContain('binary');
    expect(classifyUnreadable(new TextEncoder().encode('hello\n'), 6, nothing)?.en).toMatch(
      /^No header found/,
    );
    const headerOnly = { counts: { read: 0 }, header: { line: 1 }, issues: [] };
    expect(classifyUnreadable(new TextEncoder().encode('统计用区划代码,类型\n'), 20, headerOnly)?.zh).toBe(
      '表头之下没有数据行。',
    );
    // UTF-16 with its BOM holds NUL bytes and is still text.
    expect(classifyUnreadable(bytes(0xff, 0xfe, 0x41, 0x00), 4, nothing)?.en).toMatch(/^No header found/);
  });

  test.prop([fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 1, max: 1e6 })])(
    'a file with rows read is never unreadable',
    (head, read) => {
      expect(
        classifyUnreadable(head, head.length + 1, { counts: { read }, header: {}, issues: [] }),
      ).toBeUndefined();
    },
  );
});
