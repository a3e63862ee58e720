#!/usr/bin/env node
// Writes docs/images/trend-sample.svg: the trend chart of 农村社区综合服务设施覆盖率 from `shequ report` over the bundled
// three-year sample (hebei, as of 2026-06-30), cut out of the page as a standalone SVG. Run after `npm run build`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'shequ-trend-'));
const page = join(dir, 'report.html');
const files = [2023, 2024, 2025].map((year) => join(root, 'examples', 'data', `sample-units-${year}.csv`));
let html;
try {
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'dist', 'cli', 'index.js'),
      'report',
      ...files,
      '--profile',
      'hebei',
      '--as-of',
      '2026-06-30',
      '--out',
      page,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  html = readFileSync(page, 'utf8');
} finally {
  // The page and the CSVs beside it are only the source of the chart.
  rmSync(dir, { recursive: true, force: true });
}
const figure = html.slice(html.indexOf('<figure class="trend" data-indicator="ruralFacilityCoverage"'));
const svg = figure.slice(figure.indexOf('<svg '), figure.indexOf('</svg>') + '</svg>'.length);
if (!svg.startsWith('<svg '))
  throw new Error('make-trend-sample: no trend chart of ruralFacilityCoverage in the page');
const standalone = svg.replace(
  '<svg ',
  '<svg xmlns="http://www.w3.org/2000/svg" font-family="Noto Sans CJK SC,PingFang SC,Microsoft YaHei,sans-serif" style="background:#fff" ',
);
writeFileSync(join(root, 'docs', 'images', 'trend-sample.svg'), `${standalone}\n`);
console.log('make-trend-sample: wrote docs/images/trend-sample.svg');
