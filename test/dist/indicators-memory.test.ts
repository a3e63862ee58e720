/**
 * `shequ indicators` of the built CLI writes its rows as it makes them (issue 13): 200 000 statistics rows give
 * ≈ 80 000 indicator rows, which as objects (or as one JSON text) need more than the 32 MB heap given here; every
 * streaming format goes through in that heap, in one thread, with the same rows. Run after `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the bench helpers are plain JavaScript modules
import { nationalCsv } from '../../bench/io.bench.mjs';
import { useTempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const dir = useTempDir('indicators-memory');

function indicatorsTo(format: 'json' | 'ndjson' | 'csv'): {
  code: number | null;
  stderr: string;
  text: string;
} {
  const out = join(dir, `indicators.${format}`);
  const input = nationalCsv(200_000) as string;
  const run = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=32',
      bin,
      'indicators',
      input,
      ...['--format', format, '--out', out, '--as-of', '2025-12-31', '--workers', '1'],
    ],
    { cwd: root, encoding: 'utf8' },
  );
  return { code: run.status, stderr: run.stderr, text: run.status === 0 ? readFileSync(out, 'utf8') : '' };
}

describe('indicators: memory flat in the rows, every streaming format', () => {
  it('json, ndjson and csv each go through a 32 MB heap with the same rows', () => {
    const ndjson = indicatorsTo('ndjson');
    expect(ndjson.stderr).toContain('接受 200000 accepted');
    expect(ndjson.code).toBe(0);
    const lines = ndjson.text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBeGreaterThan(50_000);
    const rows = lines.map((line) => JSON.parse(line));
    expect(new Set(rows.map((row) => row.level))).toEqual(
      new Set(['province', 'prefecture', 'county', 'township']),
    );

    const json = indicatorsTo('json');
    expect(json.code).toBe(0);
    // '[', one line per row, ']', ''
    const jsonLines = json.text.split('\n');
    expect(jsonLines.length - 3).toBe(rows.length);
    expect(JSON.parse(json.text)).toEqual(rows);

    const csv = indicatorsTo('csv');
    expect(csv.code).toBe(0);
    const csvLines = csv.text.split('\r\n');
    expect(csvLines[0]?.startsWith('\ufeffregion,level,')).toBe(true);
    // the header, one line per row, ''
    expect(csvLines.length - 2).toBe(rows.length);
    expect(csvLines[1]?.split(',')[0]).toBe(rows[0].region);
  }, 180_000);
});
