import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// These tests import the built package by its name, through its "exports" map (Node's package self-reference),
// from ESM and from CommonJS, so a broken package map fails CI.
const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
};
// A pattern subpath (`./divisions/hebei/*`, one module per city) stands for every module its target matches in dist/.
const subpaths = Object.keys(pkg.exports)
  .filter((key) => key !== './package.json')
  .flatMap((key) => (key.endsWith('/*') ? patternSubpaths(key) : [key]));

function patternSubpaths(key: string): string[] {
  const directory = join(root, 'dist', key.slice(2, -2));
  const modules = readdirSync(directory).filter((file) => file.endsWith('.cjs'));
  return modules.map((file) => `${key.slice(0, -1)}${file.slice(0, -4)}`);
}
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
      // The lists weigh 3.5 MB (Hebei) and 0.3 MB (Beijing): Hebei's inside would push the entry past this bound (the
      // CommonJS root, every subpath but the lists in one file, is ≈ 500 kB since issue 13's byte readers); the names
      // below, one of them Beijing's, are the exact check.
      expect(statSync(file).size).toBeLessThan(1_000_000);
      const code = readFileSync(file, 'utf8');
      for (const name of ['多福巷社区', '泊庄村委会', '羊耳峪里第一社区居委会'])
        expect(code).not.toContain(name);
    }
  });

  it('has a subpath per city of Hebei and per district of Beijing', () => {
    const hebei = subpaths.filter((subpath) => subpath.startsWith('./divisions/hebei/'));
    const beijing = subpaths.filter((subpath) => subpath.startsWith('./divisions/beijing/'));
    expect(hebei).toContain('./divisions/hebei/1301');
    expect(beijing).toContain('./divisions/beijing/110105');
    expect([hebei.length, beijing.length]).toEqual([12, 16]);
  });

  it('loads one city list in ESM and CommonJS with its records, without the rest of its province', () => {
    const script = (load: string) =>
      `${load}; const d = s.shijiazhuangDivisions.divisions; ` +
      "console.log(JSON.stringify([d.size, d.get('130102000000')?.name, d.has('130202000000')]))";
    const esm = runNode([
      '--input-type=module',
      '-e',
      script("import * as s from 'shequ/divisions/hebei/1301'"),
    ]);
    const cjs = runNode([
      '--input-type=commonjs',
      '-e',
      script("const s = require('shequ/divisions/hebei/1301')"),
    ]);
    expect(JSON.parse(esm)).toEqual([5457, '长安区', false]);
    expect(JSON.parse(cjs)).toEqual(JSON.parse(esm));
    // What loading the city reads: its module, the reader and its own data; no other city's records (路南区 of 唐山市).
    const require = createRequire(join(root, 'package.json'));
    for (const format of ['.js', '.cjs']) {
      const data = readFileSync(join(root, 'dist', 'divisions', 'data', 'hebei', `1301${format}`), 'utf8');
      expect(data).toMatch(/130102000000(\t|\\t)长安区/); // a TAB, raw or escaped
      expect(data).not.toContain('路南区');
    }
    expect(require.resolve('shequ/divisions/hebei/1301')).toBe(
      join(root, 'dist', 'divisions', 'hebei', '1301.cjs'),
    );
  });

  it('builds the province lists from the city texts: each record is in the package once per format', () => {
    for (const format of ['.js', '.cjs']) {
      const province = readFileSync(join(root, 'dist', 'divisions', 'data', `hebei${format}`), 'utf8');
      expect(province).not.toContain('长安区');
      expect(statSync(join(root, 'dist', 'divisions', 'data', `hebei${format}`)).size).toBeLessThan(10_000);
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
