import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { INDICATOR_PROFILES } from '../../src/index.js';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';
import { testTempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const artifacts = join(root, 'test-artifacts');
/** Writes the sample's report (Hebei profile, as of the end of 十四五) and returns the page's path. */
function sampleReport(lang: 'zh' | 'en' = 'zh'): string {
  const html = join(testTempDir('report'), 'report.html');
  const sample = join(root, 'examples', 'data', 'sample-units.csv');
  const cli = join(root, 'dist', 'cli', 'index.js');
  const args = [
    cli,
    'report',
    sample,
    '--profile',
    'hebei',
    '--as-of',
    '2025-12-31',
    '--lang',
    lang,
    '--out',
    html,
  ];
  expect(spawnSync(process.execPath, args, { encoding: 'utf8' }).status).toBe(0);
  return html;
}

/**
 * What a reader must find on the page, read from the DOM: the legend with all six statuses; a summary block per
 * indicator whose counts equal the statuses of that indicator's rows in the table; a chart per indicator with
 * bars; no horizontal overflow at the viewport's width.
 */
async function inspect(page: Page): Promise<void> {
  expect(await page.locator('#legend [role=listitem]').count()).toBe(6);
  expect(await page.locator('#legend').isVisible()).toBe(true);
  const marksPerChart = await page.$$eval('#charts figure svg', (svgs) =>
    svgs.map((svg) => svg.querySelectorAll('g.bar rect').length),
  );
  expect(marksPerChart.length).toBeGreaterThan(0);
  expect(marksPerChart.every((marks) => marks > 0)).toBe(true);
  for (const svg of await page.$$('svg')) {
    expect(await svg.$('title')).not.toBeNull();
    expect(await svg.$('desc')).not.toBeNull();
  }
  const summaries = await page.$$eval('#summary .summary-item', (items) =>
    items.map((item) => ({
      indicator: item.getAttribute('data-indicator'),
      counts: Object.fromEntries(
        ['met', 'on-track', 'behind', 'not-met', 'no-target', 'no-data'].map((status) => [
          status,
          Number(item.getAttribute(`data-${status}`)),
        ]),
      ),
      shown: Array.from(item.querySelectorAll('.counts b')).map((b) => Number(b.textContent)),
    })),
  );
  const table = await page.$$eval('#indicators tbody tr', (rows) =>
    rows.map((row) => ({
      indicator: row.getAttribute('data-indicator'),
      status: row.getAttribute('data-status'),
    })),
  );
  expect(summaries.length).toBe(new Set(table.map((row) => row.indicator)).size);
  for (const summary of summaries) {
    const expected: Record<string, number> = {
      met: 0,
      'on-track': 0,
      behind: 0,
      'not-met': 0,
      'no-target': 0,
      'no-data': 0,
    };
    for (const row of table)
      if (row.indicator === summary.indicator)
        expected[row.status as string] = (expected[row.status as string] ?? 0) + 1;
    expect(summary.counts, summary.indicator ?? '').toEqual(expected);
    expect(summary.shown).toEqual(Object.values(expected));
  }
  // Bars of an indicator without a target are grey, never red.
  const redWithoutTarget = await page.$$eval(
    'g.bar.s-no-target rect, g.bar.s-no-data rect',
    (rects) => rects.filter((rect) => rect.getAttribute('fill') === '#c62828').length,
  );
  expect(redWithoutTarget).toBe(0);
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

async function withBrowser(env: NodeJS.ProcessEnv | undefined, run: (browser: Browser) => Promise<void>) {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (as .ci/run does)`).toBe(
    true,
  );
  const browser = await launchChromium(env);
  try {
    await run(browser);
  } finally {
    await browser.close();
  }
}

describe('the HTML report in a browser', () => {
  it('shows one bar per region and indicator, the known values, and fetches nothing', async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (as .ci/run does)`).toBe(
      true,
    );
    const html = join(testTempDir('report'), 'report.html');
    const sample = join(root, 'examples', 'data', 'sample-units.csv');
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'dist', 'cli', 'index.js'),
        'report',
        sample,
        '--profile',
        'hebei',
        '--as-of',
        '2025-12-31',
        '--out',
        html,
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);

    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const requests: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith('file:')) requests.push(request.url());
      });
      await page.goto(pathToFileURL(html).href);
      const regions = await page.$$eval('#indicators tbody tr', (rows) => [
        ...new Set(rows.map((row) => row.getAttribute('data-region'))),
      ]);
      const indicators = await page.$$eval('#indicators tbody tr', (rows) => [
        ...new Set(rows.map((row) => row.getAttribute('data-indicator'))),
      ]);
      expect(regions).toEqual(['110101000000', '110119000000', '130123000000']);
      // Every indicator of the Hebei profile (the national seven, Hebei's own and the plan-text ones of issue 14).
      expect(indicators).toHaveLength(INDICATOR_PROFILES.hebei.indicators.length);
      expect(indicators.length).toBeGreaterThanOrEqual(11);
      expect(
        await page.$$eval('figure', (figures) => figures.map((f) => f.querySelectorAll('g.bar').length)),
      ).toEqual(indicators.map(() => regions.length));
      expect(await page.locator('g.bar').count()).toBe(regions.length * indicators.length);
      const zhengding = page.locator(
        'tr[data-region="130123000000"][data-indicator="facilityAreaPer100Households"]',
      );
      await expect(zhengding.locator('td').nth(0).textContent()).resolves.toBe('正定县');
      await expect(zhengding.locator('td').nth(2).textContent()).resolves.toBe('26.5 平方米');
      expect(await page.locator('#findings li').count()).toBeGreaterThan(0);
      expect(requests).toEqual([]);
      mkdirSync(join(root, 'test-artifacts'), { recursive: true });
      await page.screenshot({ path: join(root, 'test-artifacts', 'report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });

  it('at 1280 px: legend, summary counts equal to the table, no empty chart, no overflow (screenshots kept)', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const html = sampleReport(lang);
      await withBrowser(undefined, async (browser) => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(pathToFileURL(html).href);
        await inspect(page);
        mkdirSync(artifacts, { recursive: true });
        const shot = join(artifacts, `report-1280-${lang}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        console.log(`screenshot: ${shot}`);
        // The print sheet: A4 pages, and the page still lays out in print media.
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        writeFileSync(join(artifacts, `report-${lang}.pdf`), pdf);
      });
    }
  });

  it('with no CJK font installed (fontconfig limited to a Latin font): the page still lays out', async () => {
    const dir = testTempDir('fonts');
    const config = join(dir, 'fonts.conf');
    // Only DejaVu (Latin, Greek, Cyrillic): Chinese falls back to boxes, as on a bare Linux without fonts-noto-cjk.
    writeFileSync(
      config,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`,
    );
    const html = sampleReport('zh');
    await withBrowser({ ...process.env, FONTCONFIG_FILE: config }, async (browser) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(html).href);
      await inspect(page);
      mkdirSync(artifacts, { recursive: true });
      const shot = join(artifacts, 'report-1280-no-cjk-font.png');
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`screenshot: ${shot}`);
    });
  });
});
