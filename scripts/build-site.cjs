// Builds the offline page: site/ → dist-site/ (index.html, app.js with its worker inside, style inlined).
// `node scripts/build-site.cjs [--out DIR]`. Bundled with esbuild (tsup's own) from the library's source, as the
// browser build is: the same modules, no UI framework. The page's worker is bundled on its own first and carried
// inside app.js as text, started from a Blob URL: a page opened from disk (file://) cannot start a worker from a file.
const esbuild = require('esbuild');
const { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(root, 'dist-site');

/** `shequ` and `shequ/<subpath>` from the source (the CLI modules the page reuses import the package by name). */
const shequFromSource = {
  name: 'shequ-from-source',
  setup(build) {
    build.onResolve({ filter: /^shequ(\/.*)?$/ }, (args) => {
      const sub = args.path.slice('shequ'.length).replace(/^\//, '');
      const candidates = sub === '' ? ['src/index.ts'] : [`src/${sub}/index.ts`, `src/${sub}.ts`];
      const found = candidates.map((c) => join(root, c)).find((p) => existsSync(p) && statSync(p).isFile());
      return found === undefined ? undefined : { path: found };
    });
  },
};

const common = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome109', 'firefox115', 'safari15'],
  minify: true,
  legalComments: 'none',
  write: false,
  absWorkingDir: root,
  plugins: [shequFromSource],
  logLevel: 'error',
};

/** The region names of the shipped lists (province to township), computed here in Node from the source. */
async function regionNames() {
  const built = await esbuild.build({
    ...common,
    format: 'cjs',
    platform: 'node',
    minify: false,
    entryPoints: [join(root, 'site/src/region-names.ts')],
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, require);
  return module.exports.regionNames();
}

async function main() {
  const started = Date.now();
  const names = await regionNames();
  const worker = await esbuild.build({
    ...common,
    entryPoints: [join(root, 'site/src/worker.ts')],
    define: { __REGION_NAMES__: JSON.stringify(names) },
  });
  const workerText = worker.outputFiles[0].text;
  const app = await esbuild.build({
    ...common,
    entryPoints: [join(root, 'site/src/main.ts')],
    define: { __WORKER_SOURCE__: JSON.stringify(workerText) },
  });
  const appText = app.outputFiles[0].text;
  const css = readFileSync(join(root, 'site/style.css'), 'utf8');
  const html = readFileSync(join(root, 'site/index.html'), 'utf8').replace(
    '<!--STYLE-->',
    `<style>${css}</style>`,
  );
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'index.html'), html);
  writeFileSync(join(out, 'app.js'), appText);
  const kb = (n) => `${Math.round(n / 1024)} KB`;
  console.log(
    `dist-site: index.html ${kb(html.length)}, app.js ${kb(appText.length)} (worker ${kb(workerText.length)}) in ${Date.now() - started} ms`,
  );
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
