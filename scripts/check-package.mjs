#!/usr/bin/env node
// Packs the package as npm would publish it, then checks the tarball with publint (strict) and attw (every resolution
// mode), and that it ships what `npx shequ demo` needs and nothing of the tests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'shequ-pack-'));
const run = (cmd, args) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
try {
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir]));
  const tarball = join(dir, packed.filename);
  const files = packed.files.map((f) => f.path);
  const required = [
    'dist/index.js',
    'dist/index.cjs',
    'dist/index.d.ts',
    'dist/index.d.cts',
    'dist/cli/index.js',
    'examples/data/sample-units.json',
    'examples/data/sample-units-2025.csv',
    'LICENSE',
    'README.md',
  ];
  const missing = required.filter((f) => !files.includes(f));
  const forbidden = files.filter((f) => /^(test|src|bench|scripts)\//.test(f) || /\.test\./.test(f));
  if (missing.length || forbidden.length) {
    console.error(
      `check-package: missing ${missing.join(', ') || 'nothing'}; must not ship ${forbidden.join(', ') || 'nothing'}`,
    );
    process.exit(1);
  }
  console.log(
    `check-package: ${packed.filename}, ${files.length} files, ${(packed.size / 1024).toFixed(0)} kB packed`,
  );
  execFileSync('npx', ['publint', '--strict', tarball], { stdio: 'inherit' });
  execFileSync('npx', ['attw', tarball], { stdio: 'inherit' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
