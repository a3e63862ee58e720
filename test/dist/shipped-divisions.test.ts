import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { SHIPPED_PROVINCES, shippedDivisionLists } from '../../src/cli/shipped-divisions.js';
import type { DivisionDataset } from '../../src/codes/division-dataset.js';
import { testTempDir } from '../helpers/temp-dir.js';

// The command line reads a shipped list a part at a time (a Hebei prefecture, a Beijing district) as codes are looked
// up, with the rows above the parts written in src/cli/shipped-divisions.ts: every lookup must answer what the whole
// list (the built `shequ/divisions/<province>`) answers.

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));
const wholeLists = SHIPPED_PROVINCES.map(
  (province) =>
    Object.values(require(province.subpath) as Record<string, DivisionDataset>)[0] as DivisionDataset,
);

describe('the shipped lists of the command line, read a part at a time', () => {
  it('answer every code of the whole lists with its record, and the rows above the parts alike', () => {
    const lists = shippedDivisionLists();
    SHIPPED_PROVINCES.forEach((province, i) => {
      const whole = wholeLists[i] as DivisionDataset;
      const lazy = lists[i] as DivisionDataset;
      const differing: string[] = [];
      for (const [code, record] of whole.divisions) {
        const found = lazy.divisions.get(code);
        if (found?.code !== record.code || found?.name !== record.name || !lazy.divisions.has(code))
          differing.push(code);
      }
      expect(differing).toEqual([]);
      for (const row of province.ownRows) expect(whole.divisions.get(row.code)).toEqual(row);
      expect(lazy.divisions.size).toBe(whole.divisions.size);
      expect(lazy.id).toBe(whole.id);
    });
  });

  test.prop([fc.constantFrom(0, 1), fc.stringMatching(/^\d{10}$/), fc.string({ maxLength: 14 })])(
    'answer any other code (a neighbour of a real one, any text) as the whole list does',
    (i, digits, text) => {
      const province = SHIPPED_PROVINCES[i] as (typeof SHIPPED_PROVINCES)[number];
      const whole = (wholeLists[i] as DivisionDataset).divisions;
      const lazy = (shippedDivisionLists()[i] as DivisionDataset).divisions;
      for (const code of [
        `${province.prefix}${digits}`,
        text,
        `${province.prefix}${digits.slice(0, 4)}000000`,
      ]) {
        expect(lazy.get(code)).toEqual(whole.get(code));
        expect(lazy.has(code)).toBe(whole.has(code));
      }
    },
  );
});

describe('shequ indicators on one Hebei county', () => {
  it('reads the list of its prefecture only, and names every level', () => {
    const dir = testTempDir('lists');
    const file = join(dir, 'one-row.csv');
    const log = join(dir, 'required.txt');
    writeFileSync(file, '统计用区划代码,类型,户数\n130123100201,村委会,120\n');
    const run = spawnSync(
      process.execPath,
      [
        '--require',
        join(root, 'test', 'fixtures', 'require-log.cjs'),
        join(root, 'dist', 'cli', 'index.js'),
      ].concat(['indicators', file, '--format', 'json']),
      { cwd: root, encoding: 'utf8', env: { ...process.env, SHEQU_REQUIRE_LOG: log } },
    );
    expect(run.status).toBe(0);
    const required = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    const lists = required.filter((path) => /[/\\]dist[/\\]divisions[/\\]/.test(path));
    expect(lists.some((path) => /data[/\\]hebei[/\\]1301\.cjs$/.test(path))).toBe(true);
    expect(
      lists.filter((path) => /data[/\\]hebei[/\\]13(0[2-9]|1\d|31)\.cjs$|hebei\.cjs$/.test(path)),
    ).toEqual([]);
    const names = new Map<string, string>(
      JSON.parse(run.stdout).map((row: { region: string; name: string }) => [row.region, row.name]),
    );
    const whole = (wholeLists[0] as DivisionDataset).divisions;
    expect([...names.entries()].slice(0, 3)).toEqual([
      ['130000000000', '河北省'],
      ['130100000000', '石家庄市'],
      ['130123000000', '正定县'],
    ]);
    for (const [code, name] of names) expect(name).toBe(whole.get(code)?.name);
  });
});
