import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built command in both languages, with the locale variables set as a shell would set them.
const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');

function shequ(args: readonly string[], locale: Record<string, string>) {
  const env = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...locale };
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('shequ speaks the language of the locale', () => {
  it('LANG=zh_CN.UTF-8: help in Chinese; LC_ALL=C over it: English; LC_MESSAGES over LANG', () => {
    expect(shequ(['--help'], { LANG: 'zh_CN.UTF-8' }).stdout).toContain('用法：shequ <命令>');
    expect(shequ(['--help'], { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }).stdout).toContain(
      'Usage: shequ <command>',
    );
    expect(
      shequ(['indicators', '--help'], { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }).stdout,
    ).toMatch(/^用法：shequ indicators/);
    expect(shequ(['indicators', '--help'], {}).stdout).toMatch(/^Usage: shequ indicators/);
  });

  it('--lang wins; a usage error in either language has exit 2 and a hint', () => {
    const zh = shequ(['indicators', 'nope.csv', '--lang', 'zh'], { LANG: 'C' });
    const en = shequ(['indicators', 'nope.csv', '--lang', 'en'], { LANG: 'zh_CN.UTF-8' });
    expect(zh).toMatchObject({ code: 2, stdout: '' });
    expect(en).toMatchObject({ code: 2, stdout: '' });
    expect(zh.stderr).toContain('shequ indicators：无法读取 nope.csv');
    expect(zh.stderr).toContain('未做任何计算');
    expect(en.stderr).toContain('shequ indicators: cannot read nope.csv');
    expect(en.stderr).toContain('Nothing was computed');
  });

  it('the results do not depend on the locale: the same JSON under zh and C', () => {
    const sample = join(root, 'examples', 'data', 'sample-units.csv');
    const args = ['indicators', sample, '--format', 'json', '--as-of', '2025-12-31', '--group-by', 'county'];
    const zh = shequ(args, { LANG: 'zh_CN.UTF-8' });
    const c = shequ(args, { LANG: 'C' });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toBe(c.stdout);
  });
});
