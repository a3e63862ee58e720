/**
 * `writeWholeFile` (the .xlsx outputs, `circle --uncovered`) writes as `--out` does: whole or not at all. A write that
 * fails half-way (a full disk, simulated) leaves the earlier file as it was and no partial file beside it.
 */
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { testTempDir } from '../helpers/temp-dir.js';

/** When set, writeFile writes the first half of its data, then fails as a full disk does. */
const diskFull = { on: false };

vi.mock('node:fs/promises', async (original) => {
  const actual = await original<typeof import('node:fs/promises')>();
  const writeFile: typeof actual.writeFile = async (path, data, options) => {
    if (!diskFull.on) return actual.writeFile(path, data, options);
    const bytes = typeof data === 'string' ? Buffer.from(data) : (data as Uint8Array);
    await actual.writeFile(path, bytes.subarray(0, bytes.length >> 1), options);
    throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
  };
  return { ...actual, default: { ...actual, writeFile }, writeFile };
});

const { writeWholeFile } = await import('../../src/cli/output.js');

describe('writeWholeFile', () => {
  it('leaves the earlier file as it was when the write fails half-way, and no partial file', async () => {
    const folder = testTempDir('whole-file');
    const target = join(folder, 'findings.xlsx');
    writeFileSync(target, 'the earlier workbook');
    diskFull.on = true;
    try {
      await expect(
        writeWholeFile(target, 'a new workbook, much longer than the earlier one'),
      ).rejects.toThrow(/ENOSPC/);
    } finally {
      diskFull.on = false;
    }
    expect(readFileSync(target, 'utf8')).toBe('the earlier workbook');
    expect(readdirSync(folder)).toEqual(['findings.xlsx']);
  });

  it('replaces the earlier file once written, with its permissions', async () => {
    const folder = testTempDir('whole-file');
    const target = join(folder, 'uncovered.csv');
    writeFileSync(target, 'earlier');
    chmodSync(target, 0o600);
    await writeWholeFile(target, new TextEncoder().encode('later'));
    expect(readFileSync(target, 'utf8')).toBe('later');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder)).toEqual(['uncovered.csv']);
  });
});
