import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { runMain } from '../helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';

// The page is what a clerk opens: when rows of the file were rejected, the page says how many (and where they are),
// not only standard error — a file of rejected rows alone gave a page of "0 units, no findings".
const dir = useTempDir('report-rejected');
const EN = { LANG: 'C.UTF-8' };
const sample = join(import.meta.dirname, '..', '..', 'examples', 'data', 'sample-units.csv');
const [header, ...lines] = readFileSync(sample, 'utf8').trim().split('\n');

let pages = 0;
describe('report of a file with rejected rows', () => {
  test.prop([fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom('zh', 'en')], {
    numRuns: 10,
  })('the page states the rows rejected, exactly when there are some', async (good, bad, lang) => {
    const rows = [...lines.slice(0, good), ...lines.slice(0, bad).map((line) => `x${line}`)];
    const file = join(dir, `f${pages}.csv`);
    const out = join(dir, `p${pages++}.html`);
    writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
    const rejects = bad > 0 ? ['--rejects', join(dir, `r${pages}.csv`)] : [];
    const run = await runMain(['report', file, '--out', out, '--lang', lang, ...rejects], EN);
    expect(run.code, run.stderr).toBe(bad > 0 ? 1 : 0);
    const meta = /<p class="meta">(.*?)<\/p>/.exec(readFileSync(out, 'utf8'))?.[1] ?? '';
    const stated = /(\d+) (?:行被拒收|rows rejected)/.exec(meta);
    expect(stated === null ? 0 : Number(stated[1]), meta).toBe(bad);
    if (bad > 0) expect(meta).toContain(`r${pages}.csv`);
  });
});
