// A source whose first bytes are an OLE compound file (an old .xls, or an .xlsx saved with a password, which Excel
// writes as one) goes to the workbook reader, which says what it is; read as CSV it was "no header row found".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateSource } from '../../src/pipeline/index.js';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe('a source that is an OLE compound file', () => {
  it('is reported as an old .xls or a password-protected workbook, in chunks of any size (generated)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        fc.integer({ min: 1, max: 9 }),
        async (rest, size) => {
          const bytes = new Uint8Array([...OLE, ...rest]);
          const chunks: Uint8Array[] = [];
          for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
          const job = await validateSource(
            (async function* () {
              yield* chunks;
            })(),
            { asOf: '2026-01-01' },
          );
          expect(job.success).toBe(true);
          const issues = job.success ? job.data.issues : [];
          expect(issues.map((issue) => [issue.code, issue.message.en])).toEqual([
            [
              'malformed_record',
              'Cannot read the workbook: this is an old .xls or a password-protected workbook; save it as .xlsx or CSV',
            ],
          ]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
