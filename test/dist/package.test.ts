import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// These tests import the built package by its name, through its "exports" map (Node's package self-reference),
// from ESM and from CommonJS, so a broken package map fails CI.
const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
};
const subpaths = Object.keys(pkg.exports).filter((key) => key !== './package.json');
const specifier = (subpath: string) => (subpath === '.' ? 'shequ' : `shequ/${subpath.slice(2)}`);

function runNode(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
}

describe('the built package', () => {
  it.each(subpaths)('%s loads from ESM and CommonJS with the same exports', (subpath) => {
    const name = specifier(subpath);
    const esm = runNode([
      '--input-type=module',
      '-e',
      `import * as m from '${name}'; console.log(JSON.stringify(Object.keys(m).sort()))`,
    ]);
    const cjs = runNode([
      '--input-type=commonjs',
      '-e',
      `console.log(JSON.stringify(Object.keys(require('${name}')).sort()))`,
    ]);
    expect(JSON.parse(esm)).toEqual(JSON.parse(cjs).filter((key: string) => key !== 'default'));
    expect(JSON.parse(esm).length).toBeGreaterThan(0);
  });

  it('validates through the root export in both formats', () => {
    const esm = runNode([
      '--input-type=module',
      '-e',
      "import { validateIdNumber } from 'shequ'; console.log(validateIdNumber('11010519491231002X').success)",
    ]);
    const cjs = runNode([
      '--input-type=commonjs',
      '-e',
      "console.log(require('shequ').validateCreditCode('914403001922038216').success)",
    ]);
    expect([esm.trim(), cjs.trim()]).toEqual(['true', 'true']);
  });

  it('keeps the division lists out of the code validators', () => {
    const require = createRequire(join(root, 'package.json'));
    for (const name of ['shequ', 'shequ/codes']) {
      const file = require.resolve(name);
      // The lists weigh 3.5 MB (Hebei) and 0.3 MB (Beijing): either inside would push the entry past this bound (the
      // CommonJS root, every subpath but the lists in one file, is ≈ 325 kB since issues 14 and 15); the names below
      // are the exact check.
      expect(statSync(file).size).toBeLessThan(500_000);
      const code = readFileSync(file, 'utf8');
      for (const name of ['多福巷社区', '泊庄村委会', '羊耳峪里第一社区居委会'])
        expect(code).not.toContain(name);
    }
  });

  it('states its build version', () => {
    const version = runNode([
      '--input-type=module',
      '-e',
      "import { VERSION } from 'shequ'; console.log(VERSION)",
    ]).trim();
    expect(version).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
});
