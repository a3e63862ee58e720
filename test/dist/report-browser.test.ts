import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { INDICATOR_PROFILES } from '../../src/index.js';

// The HTML report opened in Debian's headless Chromium (installed by .ci/run; never a browser download).
const CHROMIUM = '/usr/bin/chromium';
const root = join(import.meta.dirname, '..', '..');

describe('the HTML report in a browser', () => {
  it('shows one bar per region and indicator, the known values, and fetches nothing', async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (as .ci/run does)`).toBe(
      true,
    );
    const html = join(mkdtempSync(join(tmpdir(), 'shequ-report-')), 'report.html');
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

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
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
});
