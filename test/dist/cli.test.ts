import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');

function shequ(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the shequ command', () => {
  it('prints help and version', () => {
    expect(shequ('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: shequ') });
    expect(shequ()).toMatchObject({ code: 0 });
    expect(shequ('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('runs the demo on the bundled sample', () => {
    const result = shequ('demo');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('正定县');
    expect(result.stdout).toContain('243 accepted');
  });

  it('checks codes, masks ID numbers and exits 1 on an invalid one', () => {
    const ok = shequ('check-code', '110105001001', '914403001922038216', '11010519491231002X');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('110105********002X');
    expect(ok.stdout).not.toContain('11010519491231002X');
    const bad = shequ('check-code', '110105194912310021', 'abc');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('invalid_checksum');
    expect(bad.stdout).not.toContain('110105194912310021');
  });

  it('exits 2 on usage errors with a hint', () => {
    expect(shequ('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringContaining('shequ --help') });
    expect(shequ('check-code').code).toBe(2);
  });
});
