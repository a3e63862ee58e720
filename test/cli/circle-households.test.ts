import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';

// `shequ circle` sums households exactly: the summary line adds them in BigInt (three estates of 2^53 − 1 households
// each are 27021597764222973, which a double rounds), and a unit whose households pass 2^53 − 1 ends the command
// with its issue, never with an empty or rounded list of verdicts.

const shequ = (args: readonly string[]) => runMain(args);
const dir = useTempDir('circle-households');
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const SERVICES = file(
  'services.csv',
  '名称,类型,经度,纬度\n包子铺,早餐,116.401,39.9\n家政站,家政,116.405,39.9\n',
);
const KINDS = ['--kinds', '早餐,家政'];
const MAX = '9007199254740991';

describe('shequ circle: households summed exactly', () => {
  it('worked by hand: three estates of 2^53 − 1 households (no unit) are 27021597764222973 in the summary', async () => {
    const estates = file(
      'big.csv',
      `小区名称,经度,纬度,户数\nA,116.400,39.9,${MAX}\nB,116.400,39.9,${MAX}\nC,116.430,39.9,${MAX}\n`,
    );
    const run = await shequ(['circle', estates, SERVICES, '--crs', 'wgs84', ...KINDS, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('18014398509481982 / 27021597764222973 户 households');
  });

  it('a unit whose households pass 2^53 − 1: exit 2 with the issue, no verdicts written', async () => {
    const estates = file(
      'overflow.csv',
      `小区名称,经度,纬度,户数,代码\nA,116.400,39.9,${MAX},110101006006\nB,116.410,39.9,1,110101006006\n`,
    );
    const run = await shequ(['circle', estates, SERVICES, '--crs', 'wgs84', ...KINDS, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('单位 110101006006 的户数合计超过 9007199254740991');
  });
});
