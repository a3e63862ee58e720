import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  dependencyProblems,
  markdownLinks,
  metadataProblems,
  type PackageJson,
  readmeDependencies,
  readmeLinkProblems,
  schemaIdProblems,
} from '../../scripts/package-metadata.mjs';
import { datasetJsonSchema, profileJsonSchema, unitStatisticsJsonSchema } from '../../src/index.js';

// The checks `npm run check:package` runs on the package's metadata: each one passes on the real package and fails
// on the mistake it is there to catch.
const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const FILES = [
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'dist/index.js',
  'docs/schema/unit-statistics.schema.json',
  'docs/schema/dataset.schema.json',
  'docs/schema/profile.schema.json',
];
const context = { files: FILES, docsPage: () => undefined, repositoryFile: () => true };

describe('repository, homepage, bugs and keywords', () => {
  it('the package names one place for all three, and keywords in both languages', () => {
    expect(metadataProblems(pkg)).toEqual([]);
    expect(pkg.homepage).toBe('https://shequ-js.github.io/shequ/');
  });

  it('catches a missing repository, a homepage or bugs elsewhere, keywords in one language', () => {
    const { repository: _, ...bare } = pkg;
    expect(metadataProblems(bare)).toEqual([expect.stringContaining('repository')]);
    expect(metadataProblems({ ...pkg, homepage: 'https://www.npmjs.com/package/shequ' })).toEqual([
      expect.stringContaining('homepage'),
    ]);
    expect(metadataProblems({ ...pkg, bugs: { url: 'https://github.com/other/shequ/issues' } })).toEqual([
      expect.stringContaining('bugs'),
    ]);
    expect(
      metadataProblems({ ...pkg, keywords: ['社区', 'community', 'village', 'china', 'zod', 'csv'] }),
    ).toEqual([expect.stringContaining('keywords')]);
  });
});

describe('README links', () => {
  it('finds inline, reference, autolink and HTML links, and none inside code', () => {
    const text = [
      'See [a](docs/a.md) and ![b](img/b.png "title"), <https://example.org/c>, <a href="d.html">d</a>.',
      '[e]: https://example.org/e',
      '`[not](a-link.md)`',
      '```md',
      '[nor](this.md)',
      '```',
    ].join('\n');
    expect(markdownLinks(text).sort()).toEqual(
      ['d.html', 'docs/a.md', 'https://example.org/c', 'https://example.org/e', 'img/b.png'].sort(),
    );
  });

  it('the README passes: every link absolute or to a file in the tarball', () => {
    expect(readmeLinkProblems(readme, pkg, context)).toEqual([]);
  });

  it('a relative link to a file not in the tarball fails; one to a shipped file passes', () => {
    expect(readmeLinkProblems('[guide](docs/io.md)', pkg, context)).toEqual([
      expect.stringContaining('docs/io.md, not in the package'),
    ]);
    expect(readmeLinkProblems('[c](CONTRIBUTING.md) [l](./LICENSE) [x](#install)', pkg, context)).toEqual([
      expect.stringContaining('CONTRIBUTING.md'),
    ]);
  });

  it('a page missing from the built site, a file missing from the repository or the tarball fails', () => {
    const site = 'https://shequ-js.github.io/shequ/';
    const built = {
      ...context,
      docsPage: (page: string) => page === 'index.html',
      repositoryFile: () => false,
    };
    expect(readmeLinkProblems(`[home](${site}) [x](${site}documents/Nope.html)`, pkg, built)).toEqual([
      expect.stringContaining('documents/Nope.html: no such page'),
    ]);
    expect(
      readmeLinkProblems('[c](https://github.com/shequ-js/shequ/blob/main/CONTRIBUTING.md)', pkg, built),
    ).toEqual([expect.stringContaining('no such file in the repository')]);
    expect(
      readmeLinkProblems('[s](https://unpkg.com/shequ@1.2.3/docs/schema/nope.json)', pkg, context),
    ).toEqual([expect.stringContaining('not in the package')]);
  });

  // Whatever the relative path, a link to it passes exactly when the file is in the tarball.
  test.prop([fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8}){0,2}\.(md|txt|json)$/), fc.boolean()])(
    'a relative link passes exactly when its file is shipped',
    (path, shipped) => {
      const files = shipped ? [...FILES, path] : FILES;
      expect(readmeLinkProblems(`[x](${path})`, pkg, { ...context, files }).length).toBe(shipped ? 0 : 1);
    },
  );
});

describe('the README lists the runtime dependencies', () => {
  it('the five of package.json, no more, no fewer', () => {
    expect(readmeDependencies(readme).sort()).toEqual(Object.keys(pkg.dependencies ?? {}).sort());
    expect(readmeDependencies(readme)).toHaveLength(5);
    expect(dependencyProblems(readme, pkg)).toEqual([]);
  });

  it('a list missing one (or naming one more) fails', () => {
    const three =
      'Runtime dependencies:\n\n- `zod` 4\n- `date-fns` 4\n  second line\n- `decimal.js` 10\n\nText.';
    expect(readmeDependencies(three)).toEqual(['zod', 'date-fns', 'decimal.js']);
    expect(dependencyProblems(three, pkg)).toEqual([expect.stringContaining('package.json has')]);
    expect(
      dependencyProblems(three, { ...pkg, dependencies: { zod: '', 'date-fns': '', 'decimal.js': '' } }),
    ).toEqual([]);
  });
});

describe('schema $ids', () => {
  const schemas = {
    statistics: unitStatisticsJsonSchema(),
    dataset: datasetJsonSchema(),
    profile: profileJsonSchema(),
  };
  const shipped = [
    'docs/schema/unit-statistics.schema.json',
    'docs/schema/dataset.schema.json',
    'docs/schema/profile.schema.json',
  ];
  const shippedJson = (path: string) =>
    JSON.parse(readFileSync(join(root, path), 'utf8')) as { $id?: unknown };

  it('each $id is a file of the package on unpkg, carrying that $id', () => {
    expect(schemaIdProblems(schemas, pkg, { files: shipped, shippedJson })).toEqual([]);
  });

  it('an $id elsewhere, a file left out of the package or one with another $id fails', () => {
    expect(
      schemaIdProblems({ x: { $id: 'https://example.org/x.json' } }, pkg, { files: shipped, shippedJson }),
    ).toEqual([expect.stringContaining('not under https://unpkg.com/shequ/')]);
    expect(schemaIdProblems(schemas, pkg, { files: shipped.slice(1), shippedJson })).toEqual([
      expect.stringContaining('unit-statistics.schema.json is not in the package'),
    ]);
    expect(
      schemaIdProblems(schemas, pkg, { files: shipped, shippedJson: () => ({ $id: 'other' }) }),
    ).toHaveLength(3);
  });
});
