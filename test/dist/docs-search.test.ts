import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';

// The API site (docs/api, built by `npm run docs`, which .ci/run and `npm run check` run before this suite) in
// Debian's headless Chromium: its search finds Chinese terms (the typedoc plugin
const site = join(import.meta.dirname, '..', '..', 'docs', 'api');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium (as .ci/run does)`).toBe(
    true,
  );
  expect(existsSync(join(site, 'index.html')), 'docs/api is missing: run npm run docs first').toBe(true);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(pathToFileURL(join(site, 'index.html')).href);
});

afterAll(async () => {
  await browser?.close();
});

/** Types `term` into the search box and returns the result links (their page paths) in order. */
async function search(term: string): Promise<string[]> {
  if (!(await page.locator('#tsd-search-input').isVisible())) await page.click('#tsd-search-trigger');
  // An empty box empties the list, so the results awaited next are this term's, not the last one's.
  await page.fill('#tsd-search-input', '');
  await page.waitForFunction(() => document.querySelector('#tsd-search-results li a') === null);
  await page.fill('#tsd-search-input', term);
  await page.waitForSelector('#tsd-search-results li a');
  return page.$$eval('#tsd-search-results li a', (links) =>
    links.map((link) => new URL((link as HTMLAnchorElement).href).pathname.split('/docs/api/')[1] ?? ''),
  );
}

describe('the API site in a browser', () => {
  it('finds 社区 and lists the statistics row among the results', async () => {
    const results = await search('社区');
    expect(results.length).toBeGreaterThan(0);
    expect(results.some((path) => /UnitStatistics\.html$/.test(path))).toBe(true);
  });

  it('finds 身份证 (the comments say 公民身份号码) and lists the ID-number functions', async () => {
    const results = await search('身份证');
    expect(results).toContain('functions/shequ_codes.validateIdNumber.html');
    expect(results).toContain('functions/shequ_codes.maskIdNumber.html');
  });

  it('finds a term inside a longer Chinese word (统计用区划代码 by 区划), the division pages first', async () => {
    const results = await search('区划');
    expect(results.length).toBeGreaterThanOrEqual(5);
    for (const path of results.slice(0, 5)) expect(path).toMatch(/division/i);
  });

  it('names modules by their import path and lists the guides in the sidebar', async () => {
    await page.keyboard.press('Escape');
    const navigation = await page
      .locator('#tsd-sidebar-links + nav, .site-menu nav.tsd-navigation:not(#tsd-sidebar-links)')
      .first()
      .innerText();
    expect(navigation).toContain('shequ/codes');
    expect(navigation).not.toMatch(/^index$/m);
    expect(navigation).toContain('Getting started 入门');
  });

  it('shows the project title once on the front page and links to the repository and the registry', async () => {
    expect(await page.locator('.col-content h1').count()).toBe(1);
    const links = await page.$$eval('#tsd-toolbar-links a', (anchors) =>
      anchors.map((a) => [a.textContent?.trim(), (a as HTMLAnchorElement).href]),
    );
    expect(links).toEqual([
      ['GitHub', 'https://github.com/shequ-js/shequ'],
      ['npm', 'https://www.npmjs.com/package/shequ'],
      ['离线网页 Page', 'https://shequ-js.github.io/shequ/site/index.html'],
    ]);
  });

  it('publishes the offline page beside the API pages (site/ under the docs root)', () => {
    for (const file of ['site/index.html', 'site/app.js'])
      expect(existsSync(join(site, file)), `${file} in the docs (npm run docs builds it)`).toBe(true);
  });
});
