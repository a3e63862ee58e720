#!/usr/bin/env node
// Writes examples/data/dongsi-estates.csv and dongsi-services.csv, the points of `shequ demo`'s circle computation:
// residential estates in the six communities of 北京市东城区东四街道 (real 统计用区划代码 2023 and names) and the
// six kinds of Beijing's basic convenience outlets, in GCJ-02 (as Amap gives them). The places are SYNTHETIC: shaped
// like the hutongs east of 东四北大街 (头条 to 十条), drawn by a seeded generator, with two kinds (家政, 便民维修) kept
// scarce in the south so that the northern communities fall outside their reach. Deterministic. `--check` fails when the committed files
// differ from what this script writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'examples', 'data');
const check = process.argv.includes('--check');

// mulberry32: a tiny seeded PRNG, so the points are the same on every machine.
let seed = 20221108;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (min, max) => min + Math.floor(random() * (max - min + 1));
/** A coordinate jittered by up to ±spread degrees, written with 6 decimals (≈ 0.1 m). */
const jitter = (value, spread) => (value + (random() * 2 - 1) * spread).toFixed(6);

// The communities of 东四街道 (codes and names: 统计用区划代码 2023) and a synthetic centre for each (GCJ-02).
const COMMUNITIES = [
  ['110101006003', '二条', 116.4225, 39.9275],
  ['110101006001', '南门仓', 116.43, 39.928],
  ['110101006006', '六条', 116.423, 39.932],
  ['110101006008', '八条', 116.4235, 39.9345],
  ['110101006007', '豆瓣', 116.421, 39.9385],
  ['110101006009', '总院', 116.426, 39.94],
];

const estates = ['小区名称,经度,纬度,户数,人口,代码'];
for (const [code, name, lng, lat] of COMMUNITIES) {
  for (let n = 1; n <= 4; n++) {
    const households = between(120, 900);
    const residents = Math.round(households * (2 + random()));
    estates.push(
      `${name}${n}号院,${jitter(lng, 0.0025)},${jitter(lat, 0.002)},${households},${residents},${code}`,
    );
  }
}

// Outlets: [kind, count, centre, spread]; 家政 has two shops in the south, 便民维修 two in the south.
const OUTLETS = [
  ['蔬菜零售', ['菜站', '鲜果蔬菜'], 4, [116.422, 39.933], 0.006],
  ['便利店（社区超市）', ['便利店', '社区超市'], 6, [116.422, 39.933], 0.007],
  ['早餐', ['包子铺', '早餐店'], 5, [116.421, 39.932], 0.006],
  ['美容美发', ['理发店', '美发'], 4, [116.422, 39.933], 0.006],
  ['便民维修', ['修鞋配钥匙', '家电维修'], 2, [116.42, 39.927], 0.002],
  ['家政', ['家政服务站'], 2, [116.4215, 39.9285], 0.006],
];
const services = ['名称,类型,经度,纬度'];
for (const [kind, names, count, [lng, lat], spread] of OUTLETS) {
  for (let n = 1; n <= count; n++) {
    const name = `${names[n % names.length]}${n}`;
    services.push(`${name},${kind},${jitter(lng, spread)},${jitter(lat, spread * 0.8)}`);
  }
}

const files = {
  'dongsi-estates.csv': `${estates.join('\n')}\n`,
  'dongsi-services.csv': `${services.join('\n')}\n`,
};
let stale = false;
for (const [file, text] of Object.entries(files)) {
  const path = join(outDir, file);
  if (check) {
    let committed = '';
    try {
      committed = readFileSync(path, 'utf8');
    } catch {}
    if (committed !== text) {
      console.error(`make-circle-data: examples/data/${file} is not what the script writes; run it.`);
      stale = true;
    }
  } else writeFileSync(path, text);
}
if (stale) process.exit(1);
