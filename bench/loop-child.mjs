// The hand-written single pass over the national CSV, for the side-by-side benchmark (compare.bench.mjs):
// node loop-child.mjs IN.csv OUT.csv. Lines split on commas (the generated file has no quoted cells; a line with a
// quote is counted as skipped, never guessed at), sums per township (hand-loop.mjs, the same rules as the engine),
// roll-up, ratios rounded half-up to one decimal. Writes region,level and the seven values (empty = null); prints
// {"rows","skipped","regions"} as JSON on stdout.
import { createReadStream, writeFileSync } from 'node:fs';
import { addUnit, NATIONAL_INDICATORS, nationalValues, rollUpTownships, townshipSums } from './hand-loop.mjs';

/** Chinese header → field of the row object, for the columns the national seven read. */
const COLUMNS = {
  统计用区划代码: 'code',
  类型: 'kind',
  户数: 'households',
  常住人口: 'residents',
  是否建有综合服务设施: 'hasFacility',
  综合服务设施建筑面积: 'facilityArea',
  居民活动区域面积: 'activityArea',
  是否新建社区: 'newlyBuilt',
  社区总建筑面积: 'totalFloorArea',
  商业和综合服务设施面积: 'commercialServiceArea',
  是否配备政务通用自助服务设备: 'selfServiceTerminal',
  社区工作者人数: 'communityWorkers',
};
const FLAGS = new Set(['hasFacility', 'newlyBuilt', 'selfServiceTerminal']);
const KINDS = { 居委会: 'community', 村委会: 'village' };

/** Column index of each field, from the header line. */
function columnsOf(header) {
  const index = {};
  header.split(',').forEach((name, i) => {
    const field = COLUMNS[name.trim()];
    if (field !== undefined) index[field] = i;
  });
  for (const field of Object.values(COLUMNS))
    if (index[field] === undefined) throw new Error(`loop-child: no column for ${field}`);
  return Object.entries(index).filter(([field]) => field !== 'code' && field !== 'kind');
}

/** Fills `row` from one line's cells; false when a cell cannot be read (the row is skipped, as a reject). */
function fill(row, cells, code, kind, measures) {
  row.code = cells[code];
  row.kind = KINDS[cells[kind]];
  if (row.kind === undefined || row.code.length !== 12) return false;
  for (let m = 0; m < measures.length; m++) {
    const [field, at] = measures[m];
    const cell = cells[at];
    if (cell === '') row[field] = undefined;
    else if (FLAGS.has(field)) {
      if (cell !== '是' && cell !== '否') return false;
      row[field] = cell === '是';
    } else {
      const value = Number(cell);
      if (!Number.isFinite(value)) return false;
      row[field] = value;
    }
  }
  return true;
}

async function sumFile(path) {
  const townships = new Map();
  const row = {};
  let measures;
  let code;
  let kind;
  let rows = 0;
  let skipped = 0;
  let pending = '';
  const take = (line) => {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (measures === undefined) {
      const header = line.replace(/^\ufeff/, '');
      measures = columnsOf(header);
      const names = header.split(',').map((name) => COLUMNS[name.trim()]);
      code = names.indexOf('code');
      kind = names.indexOf('kind');
      return;
    }
    if (line === '') return;
    rows++;
    if (line.includes('"') || !fill(row, line.split(','), code, kind, measures)) {
      skipped++;
      return;
    }
    addUnit(townshipSums(townships, row.code.slice(0, 9)), row);
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = pending + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      take(text.slice(start, end));
      start = end + 1;
    }
    pending = text.slice(start);
  }
  if (pending !== '') take(pending);
  return { townships, rows, skipped };
}

function writeValues(path, levels) {
  const lines = [`region,level,${NATIONAL_INDICATORS.join(',')}\n`];
  let regions = 0;
  for (const [level, byRegion] of Object.entries(levels)) {
    for (const [region, sums] of byRegion) {
      regions++;
      lines.push(
        `${region},${level},${nationalValues(sums)
          .map((v) => v ?? '')
          .join(',')}\n`,
      );
    }
  }
  writeFileSync(path, lines.join(''));
  return regions;
}

const [input, output] = process.argv.slice(2);
const { townships, rows, skipped } = await sumFile(input);
const regions = writeValues(output, rollUpTownships(townships));
console.log(JSON.stringify({ rows, skipped, regions }));
