// The checks of the package's metadata that `npm run check:package` runs on the packed tarball: pure functions over
// package.json, the README and the tarball's file list, so that test/scripts/package-metadata.test.ts can prove each
// one fails on what it must catch. Every function returns a list of problems (strings); empty means fine.

const HAN = /\p{Script=Han}/u;

/** A text as a literal inside a regular expression. */
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The GitHub owner and repository of `repository.url` (`git+https://github.com/<owner>/<repo>.git`). */
export function githubRepository(pkg) {
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const match = /^git\+https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\.git$/.exec(url ?? '');
  return match === null ? undefined : { owner: match[1], repo: match[2] };
}

/** The places the package's links may point to, derived from package.json alone. */
export function linkBases(pkg) {
  const github = githubRepository(pkg);
  return {
    docs: pkg.homepage,
    source: github === undefined ? undefined : `https://github.com/${github.owner}/${github.repo}`,
    // A file of the published package, by unpkg (optionally pinned: `shequ@0.1.0/`).
    unpkg: new RegExp(`^https://unpkg\\.com/${literal(pkg.name)}(?:@[^/]+)?/(.+)$`),
  };
}

/**
 * repository, homepage and bugs present and naming one place: `git+https://github.com/<owner>/<repo>.git`, the
 * issues of that repository, and its GitHub Pages site; keywords in Chinese and in English.
 */
export function metadataProblems(pkg) {
  const problems = [];
  const github = githubRepository(pkg);
  if (pkg.repository?.type !== 'git' || github === undefined)
    problems.push(`repository must be { "type": "git", "url": "git+https://github.com/<owner>/<repo>.git" }`);
  else {
    const pages = `https://${github.owner}.github.io/${github.repo}/`;
    if (pkg.homepage !== pages) problems.push(`homepage must be the documentation site ${pages}`);
    const issues = `https://github.com/${github.owner}/${github.repo}/issues`;
    if ((typeof pkg.bugs === 'string' ? pkg.bugs : pkg.bugs?.url) !== issues)
      problems.push(`bugs must be { "url": "${issues}" }`);
  }
  const keywords = Array.isArray(pkg.keywords) ? pkg.keywords : [];
  const chinese = keywords.filter((keyword) => HAN.test(keyword));
  const english = keywords.filter((keyword) => /^[\x20-\x7e]+$/.test(keyword));
  if (chinese.length < 5 || english.length < 5)
    problems.push(
      `keywords: at least 5 in Chinese and 5 in English (found ${chinese.length} and ${english.length})`,
    );
  return problems;
}

/** The link targets of a Markdown text (inline, reference, autolink and HTML), outside code. */
export function markdownLinks(markdown) {
  const text = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  const links = [];
  const patterns = [
    /!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g,
    /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm,
    /<(https?:\/\/[^>\s]+)>/g,
    /\b(?:href|src)="([^"]+)"/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) links.push(match[1]);
  return links;
}

/**
 * Every link of the README either absolute or to a file in the tarball (a relative link to anything else is dead
 * on the registry's page). Absolute links into the documentation site, the repository or unpkg are checked too:
 * the page exists in the built site (when `docsPage` can tell), the file exists in the repository, the file is in
 * the tarball.
 */
export function readmeLinkProblems(markdown, pkg, { files, docsPage, repositoryFile }) {
  const problems = [];
  const shipped = new Set(files);
  const bases = linkBases(pkg);
  for (const link of markdownLinks(markdown)) {
    if (link.startsWith('#') || link.startsWith('mailto:')) continue;
    if (!/^[a-z][a-z0-9+.-]*:/i.test(link)) {
      const path = decodeURI(link.split('#')[0]).replace(/^\.\//, '');
      if (!shipped.has(path)) problems.push(`README links to ${link}, not in the package: make it absolute`);
      continue;
    }
    const unpkg = bases.unpkg.exec(link);
    if (unpkg !== null && !shipped.has(unpkg[1]))
      problems.push(`README links to ${link}: not in the package`);
    if (bases.docs !== undefined && link.startsWith(bases.docs)) {
      const page = decodeURI(link.slice(bases.docs.length).split('#')[0]);
      if (docsPage(page === '' || page.endsWith('/') ? `${page}index.html` : page) === false)
        problems.push(`README links to ${link}: no such page in the documentation site (docs/api)`);
    }
    const inRepository =
      bases.source === undefined
        ? null
        : new RegExp(`^${literal(bases.source)}/(?:blob|tree)/main/(.+)$`).exec(link);
    if (inRepository !== null) {
      const path = decodeURI(inRepository[1].split('#')[0]).replace(/\/$/, '');
      if (!repositoryFile(path)) problems.push(`README links to ${link}: no such file in the repository`);
    }
  }
  return problems;
}

/** The package names the README lists under "Runtime dependencies:" (bullets starting with a `name`). */
export function readmeDependencies(markdown) {
  const start = markdown.indexOf('Runtime dependencies:');
  if (start < 0) return [];
  const names = [];
  for (const line of markdown.slice(start).split('\n').slice(1)) {
    if (line.trim() === '' && names.length === 0) continue;
    const item = /^- `([^`]+)`/.exec(line);
    if (item === null) {
      if (line.startsWith('  ')) continue; // a bullet's second line
      break;
    }
    names.push(item[1]);
  }
  return names;
}

/** The README's list of runtime dependencies is package.json's, no more, no fewer. */
export function dependencyProblems(markdown, pkg) {
  const listed = readmeDependencies(markdown).sort();
  const actual = Object.keys(pkg.dependencies ?? {}).sort();
  return listed.join() === actual.join()
    ? []
    : [
        `README lists runtime dependencies ${listed.join(', ') || '(none)'}; package.json has ${actual.join(', ')}`,
      ];
}

/**
 * Every `$id` of the published JSON Schemas is a file of the package on unpkg (the agreed base), and that file is in
 * the tarball and carries the same `$id` (it is the schema the id names).
 */
export function schemaIdProblems(schemas, pkg, { files, shippedJson }) {
  const problems = [];
  const base = `https://unpkg.com/${pkg.name}/`;
  const shipped = new Set(files);
  for (const [name, schema] of Object.entries(schemas)) {
    const id = schema.$id;
    if (typeof id !== 'string' || !id.startsWith(base)) {
      problems.push(`the ${name} schema's $id ${id} is not under ${base}`);
      continue;
    }
    const path = id.slice(base.length);
    if (!shipped.has(path)) problems.push(`the ${name} schema's $id ${id}: ${path} is not in the package`);
    else if (shippedJson(path)?.$id !== id)
      problems.push(`${path} in the package does not carry the $id ${id}`);
  }
  return problems;
}
