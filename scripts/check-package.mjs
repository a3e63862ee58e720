#!/usr/bin/env node
// Packs the package as npm would publish it, then checks the tarball with publint (strict) and attw (every resolution
// mode), that it ships what `npx shequ demo` needs and nothing of the tests, and its metadata (package-metadata.mjs):
// repository, homepage and bugs naming one place, keywords in Chinese and English, every README link absolute or to a
// file in the tarball (links into the documentation site checked against docs/api when it is built), the README's
// runtime dependencies those of package.json, every schema `$id` a file of the tarball on unpkg. Run after the build.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  dependencyProblems,
  metadataProblems,
  readmeLinkProblems,
  schemaIdProblems,
} from './package-metadata.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The metadata problems of the package whose tarball holds `files`. */
async function metadataCheck(files) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const site = join(root, 'docs', 'api');
  const siteBuilt = existsSync(join(site, 'index.html'));
  if (!siteBuilt)
    console.log('check-package: docs/api not built (npm run docs): links into the site not checked');
  const { datasetJsonSchema, profileJsonSchema, unitStatisticsJsonSchema } = await import(
    pathToFileURL(join(root, 'dist', 'index.js')).href
  );
  const schemas = {
    statistics: unitStatisticsJsonSchema(),
    dataset: datasetJsonSchema(),
    profile: profileJsonSchema(),
  };
  return [
    ...metadataProblems(pkg),
    ...readmeLinkProblems(readme, pkg, {
      files,
      docsPage: (page) => (siteBuilt ? existsSync(join(site, page)) : undefined),
      repositoryFile: (path) => existsSync(join(root, path)),
    }),
    ...dependencyProblems(readme, pkg),
    ...schemaIdProblems(schemas, pkg, {
      files,
      shippedJson: (path) => JSON.parse(readFileSync(join(root, path), 'utf8')),
    }),
  ];
}

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
    // Not process.exit: the `finally` below must still remove the folder of the packed tarball.
    throw new Error('check-package: the package holds the wrong files');
  }
  const problems = await metadataCheck(files);
  for (const problem of problems) console.error(`check-package: ${problem}`);
  if (problems.length > 0) process.exitCode = 1;
  console.log(
    `check-package: ${packed.filename}, ${files.length} files, ${(packed.size / 1024).toFixed(0)} kB packed; metadata, README links, dependencies and schema ids checked`,
  );
  execFileSync('npx', ['publint', '--strict', tarball], { stdio: 'inherit' });
  // attw skips pattern subpaths (`./divisions/hebei/*`): name each city and district module to it explicitly.
  const patternModules = files
    .map((f) => /^dist\/(divisions\/(?:beijing|hebei)\/\d+)\.cjs$/.exec(f)?.[1])
    .filter((entry) => entry !== undefined)
    .map((entry) => `./${entry}`);
  execFileSync('npx', ['attw', tarball, '--include-entrypoints', ...patternModules], { stdio: 'inherit' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
