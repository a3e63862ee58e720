// Read a statistics sheet as a clerk sends it — GB18030, a title row, a bad cell — keep the good rows, and write
// the rejected ones back out with their reasons for the clerk to fix.
// Run: node examples/read-sheet.mjs
import assert from 'node:assert/strict';
import { encodeCsv, readUnitStatistics, rejectedRowsToCsv } from 'shequ/io';

const sheet = [
  '正定县社区（村）统计表 2025年',
  '统计用区划代码,名称,类型,户数,是否建有综合服务设施,综合服务设施建筑面积（平方米）',
  '130123100201,西上泽村委会,村委会,"1,212",是,２１０.３',
  '130123100202,东上泽村委会,村委会,很多,否,',
  '',
  '130123001001,诸福屯社区居民委员会,居委会,1840,是,480.5',
].join('\r\n');

const bytes = encodeCsv(sheet, { encoding: 'gb18030' }); // as Excel on a Chinese Windows machine saves it
const result = readUnitStatistics(bytes);
assert.equal(result.encoding, 'gb18030');
assert.deepEqual(result.counts, { read: 3, accepted: 2, rejected: 1, blankLines: 1, titleLines: 1 });
console.log(result.rows);
process.stdout.write(rejectedRowsToCsv(result.rejected, result.header));
