/**
 * The command line starts the workers of a large file before its command loads (cli/early-workers.ts), from scripts
 * whose URLs its entry point computes beside itself: they must be where the build puts them, or every run would
 * quietly start its workers late again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = new URL('../../dist/cli/index.js', import.meta.url);

describe('the early workers’ scripts', () => {
  it('are built where dist/cli/index.js looks for them', () => {
    const text = readFileSync(entry, 'utf8');
    const urls = [...text.matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g)].map(
      (match) => match[1] as string,
    );
    expect(urls).toEqual(['../pipeline/indicators-worker.js', './validate-worker.js']);
    for (const url of urls) expect(existsSync(fileURLToPath(new URL(url, entry)))).toBe(true);
  });
});
