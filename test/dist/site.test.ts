/**
 * The offline page (site/ → dist-site/) in Debian's headless Chromium, opened from disk (file://): the bundled sample
 * dropped gives the counts and the indicator values of the command line on the same file, a download equals the
 * command's CSV byte for byte, an .xlsx download reads back, bad rows are listed with their reasons, unreadable files
 * are explained, the language switches, and the page makes no request but file:, blob: and data:. A second test drops
 * a national-size file (620 000 rows, generated) and waits for the end, printing the time (not asserted).
 * Screenshots go to test-artifacts/ (gitignored).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { readBackWorkbook } from '../report/xlsx-read-back.js';

const root = join(import.meta.dirname, '..', '..');
const sample = join(root, 'examples', 'data', 'sample-units.csv');
const artifacts = join(root, 'test-artifacts');
const dir = useTempDir('site');
const site = join(dir, 'site');
const AS_OF = '2025-12-31';

function node(args: string[]) {
  return spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** The command line on the same file and settings as the page. */
function cli(command: string, file: string, extra: string[]) {
  return node([join(root, 'dist', 'cli', 'index.js'), command, file, '--as-of', AS_OF, ...extra]);
}

let browser: Browser;

beforeAll(() => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (as .ci/run does)`).toBe(
    true,
  );
  // Built fresh into a temporary folder (about 2 s): the page tested is the page of this source.
  const build = node([join(root, 'scripts', 'build-site.cjs'), '--out', site]);
  expect(build.status, build.stderr).toBe(0);
  mkdirSync(artifacts, { recursive: true });
});

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens the page from disk, recording every request that is not file:, blob: or data:. */
async function openPage(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (!/^(file|blob|data):/.test(request.url())) requests.push(request.url());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(join(site, 'index.html')).href);
  await page.fill('#as-of', AS_OF);
  return { page, requests, errors };
}

async function dropFile(page: Page, file: string, timeout = 60_000): Promise<void> {
  await page.setInputFiles('#file', file);
  await page.waitForSelector('#count-read, #unreadable', { timeout });
}

async function downloaded(page: Page, kind: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`[data-download="${kind}"]`),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

const count = (page: Page, id: string) => page.getAttribute(`#${id}`, 'data-count').then(Number);

describe('the offline page', () => {
  it('reads the sample as the command does, downloads its tables, switches language, fetches nothing', async () => {
    const { page, requests, errors } = await openPage();
    await dropFile(page, sample);
    const json = cli('indicators', sample, ['--group-by', 'county', '--format', 'json']);
    const stats = /读取 (\d+) 行 read · 接受 (\d+) accepted · 拒收 (\d+) rejected/.exec(json.stderr);
    expect(stats).not.toBeNull();
    expect(await count(page, 'count-read')).toBe(Number(stats?.[1]));
    expect(await count(page, 'count-accepted')).toBe(Number(stats?.[2]));
    expect(await count(page, 'count-rejected')).toBe(Number(stats?.[3]));
    expect(await count(page, 'count-read')).toBe(243);
    // The indicator table shows the values of the command, row for row.
    const rows = JSON.parse(json.stdout) as { value: number | null }[];
    const shown = await page.$$eval('#indicator-table tbody tr td:nth-child(4) .num', (cells) =>
      cells.map((cell) => cell.textContent),
    );
    expect(shown).toEqual(rows.slice(0, 100).map((row) => (row.value === null ? '—' : String(row.value))));
    // The download equals the command's CSV byte for byte.
    const csv = await downloaded(page, 'indicators-csv');
    expect(csv.name).toBe('sample-units-indicators.csv');
    const command = cli('indicators', sample, ['--group-by', 'county', '--format', 'csv']);
    expect(csv.bytes.toString('utf8')).toBe(command.stdout);
    const xlsx = await downloaded(page, 'indicators-xlsx');
    const [sheet] = readBackWorkbook(new Uint8Array(xlsx.bytes));
    expect(sheet?.rows.length).toBe(rows.length + 1);
    const findingsXlsx = readBackWorkbook(new Uint8Array((await downloaded(page, 'findings-xlsx')).bytes));
    expect(findingsXlsx[0]?.name).toBe('汇总');
    const report = (await downloaded(page, 'report-html')).bytes.toString('utf8');
    expect(report).toContain('<svg');
    // The 十四五 has ended by the as-of date: its evaluation table (终期评估) is offered, equal to the command's.
    const evaluation = await downloaded(page, 'evaluation-csv');
    expect(evaluation.name).toBe('sample-units-evaluation-14th.csv');
    const evaluated = cli('evaluate', sample, ['--period', '14th', '--year', '2025', '--format', 'csv']);
    expect(evaluated.status).toBe(0);
    expect(evaluation.bytes.toString('utf8').replace(/^\ufeff/, '')).toBe(
      evaluated.stdout.replace(/^\ufeff/, ''),
    );
    const evaluationXlsx = readBackWorkbook(
      new Uint8Array((await downloaded(page, 'evaluation-xlsx')).bytes),
    );
    expect(evaluationXlsx[0]?.rows[0]).toContain('完成情况');
    // The findings of a rule, paged from the worker, are the command's findings of that rule, in its order.
    const validation = JSON.parse(cli('validate', sample, ['--format', 'json']).stdout) as {
      findings: { rule: string; unit: string }[];
    };
    const rule = validation.findings[0]?.rule ?? '';
    await page.click(`button[data-rule="${rule}"]`);
    await page.waitForSelector('#findings-table');
    const units = await page.$$eval('#findings-table tbody tr td:first-child', (cells) =>
      cells.map((cell) => cell.textContent),
    );
    expect(units).toEqual(
      validation.findings
        .filter((f) => f.rule === rule)
        .slice(0, 100)
        .map((f) => f.unit),
    );
    await page.screenshot({ path: join(artifacts, 'site-sample-zh.png'), fullPage: true });
    await page.click('#lang');
    expect(await page.textContent('h1')).toBe('Community statistics check');
    expect(await page.textContent('#indicator-table thead th')).toBe('Region');
    await page.screenshot({ path: join(artifacts, 'site-sample-en.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('lists every bad row with its reasons and explains unreadable files', async () => {
    const { page, requests } = await openPage();
    const header = readFileSync(sample, 'utf8').split(/\r?\n/)[0];
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      `${header}\n130123100201,甲村,村委会,111,很多\n130123100000,乙村,村委会,111,5\n130123100203,丙村,村委会,111,6\n`,
    );
    await dropFile(page, bad);
    const cliRun = cli('indicators', bad, ['--group-by', 'county', '--format', 'json']);
    const rejected = Number(/拒收 (\d+) rejected/.exec(cliRun.stderr)?.[1]);
    expect(await count(page, 'count-rejected')).toBe(rejected);
    expect(rejected).toBe(2);
    const lines = await page.$$eval('#rejected-table tbody tr td:first-child', (cells) =>
      cells.map((c) => c.textContent),
    );
    expect(lines).toEqual(['2', '3']);
    expect(await page.textContent('#rejected-table tbody')).toContain('很多');
    const rejects = await downloaded(page, 'rejects-csv');
    expect(rejects.bytes.toString('utf8')).toContain('很多');
    await page.screenshot({ path: join(artifacts, 'site-rejected.png'), fullPage: true });
    // An .xlsx workbook of the sample, dropped (a drop event, as a mouse gives it): the same counts as the CSV.
    const { readUnitStatistics } = await import('../../src/io/index.js');
    const { unitStatisticsToXlsx } = await import('../../src/io/xlsx.js');
    const workbook = await unitStatisticsToXlsx(readUnitStatistics(readFileSync(sample)).rows);
    await page.evaluate(
      async (bytes) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], 'sample.xlsx'));
        document
          .getElementById('drop')
          ?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
      },
      [...workbook],
    );
    await page.waitForFunction(
      () => document.querySelector('#count-read')?.getAttribute('data-count') === '243',
    );
    expect(await count(page, 'count-rejected')).toBe(0);
    // The sample in GB18030 (as WPS and older Excel save it): the same counts, the encoding named.
    const { encodeCsv } = await import('../../src/io/index.js');
    const gb = join(dir, 'sample-gb18030.csv');
    writeFileSync(
      gb,
      encodeCsv(readFileSync(sample, 'utf8').replace(/^\ufeff/, ''), { encoding: 'gb18030' }),
    );
    await page.setInputFiles('#file', gb);
    await page.waitForFunction(() => document.querySelector('#results')?.textContent?.includes('gb18030'));
    expect(await count(page, 'count-read')).toBe(243);
    expect(await count(page, 'count-rejected')).toBe(0);
    const cases: [string, Uint8Array, RegExp][] = [
      ['empty.csv', new Uint8Array(0), /空的/],
      ['not-xlsx.xlsx', zipSync({ 'a.txt': new TextEncoder().encode('hello') }), /不是 \.xlsx 工作簿/],
      ['picture.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /PNG/],
      ['prose.csv', new TextEncoder().encode('hello\nthis is not a sheet\n'), /没有找到表头/],
    ];
    for (const [name, bytes, expected] of cases) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      await dropFile(page, file);
      expect(await page.textContent('#unreadable'), name).toMatch(expected);
    }
    await page.screenshot({ path: join(artifacts, 'site-unreadable.png') });
    expect(requests).toEqual([]);
    await page.close();
  });

  it('completes a national-size file (620 000 rows) in the page, and cancels', {
    timeout: 900_000,
  }, async () => {
    const national = join(dir, 'national.csv');
    const generated = node([
      join(root, 'bench', 'generate.mjs'),
      '--rows',
      '620000',
      '--bad',
      '0.001',
      '--out',
      national,
    ]);
    expect(generated.status, generated.stderr).toBe(0);
    const { page, requests, errors } = await openPage();
    // Cancel: the job stops between batches and says so.
    await page.setInputFiles('#file', national);
    await page.waitForSelector('#progress:not([hidden])');
    await page.click('#cancel');
    await page.waitForSelector('#message.info', { timeout: 60_000 });
    const started = Date.now();
    await dropFile(page, national, 840_000);
    const seconds = (Date.now() - started) / 1000;
    const megabytes = statSync(national).size / 1024 / 1024;
    console.log(
      `site: national file (620 000 rows, ${megabytes.toFixed(0)} MB) read, computed and checked in ${seconds.toFixed(1)} s in headless Chromium`,
    );
    expect(await count(page, 'count-read')).toBe(620_000);
    expect(await count(page, 'count-rejected')).toBeGreaterThan(0);
    expect(await page.$$eval('#rejected-table tbody tr', (rows) => rows.length)).toBe(100);
    await page.screenshot({ path: join(artifacts, 'site-national.png') });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
