// Types of package-metadata.mjs, for its test (test/scripts/package-metadata.test.ts).

/** The fields of package.json the checks read. */
export interface PackageJson {
  readonly name: string;
  readonly homepage?: string;
  readonly bugs?: string | { readonly url?: string };
  readonly repository?: string | { readonly type?: string; readonly url?: string };
  readonly keywords?: readonly string[];
  readonly dependencies?: Readonly<Record<string, string>>;
}

export function githubRepository(pkg: PackageJson): { owner: string; repo: string } | undefined;
export function linkBases(pkg: PackageJson): {
  docs: string | undefined;
  source: string | undefined;
  unpkg: RegExp;
};
export function metadataProblems(pkg: PackageJson): string[];
export function markdownLinks(markdown: string): string[];
export function readmeLinkProblems(
  markdown: string,
  pkg: PackageJson,
  context: {
    readonly files: readonly string[];
    readonly docsPage: (page: string) => boolean | undefined;
    readonly repositoryFile: (path: string) => boolean;
  },
): string[];
export function readmeDependencies(markdown: string): string[];
export function dependencyProblems(markdown: string, pkg: PackageJson): string[];
export function schemaIdProblems(
  schemas: Readonly<Record<string, Record<string, unknown>>>,
  pkg: PackageJson,
  context: {
    readonly files: readonly string[];
    readonly shippedJson: (path: string) => { $id?: unknown } | undefined;
  },
): string[];
