/**
 * The lines of a statistics CSV of `count` valid village rows (header first), ≈ 33 bytes a row: 8 000 rows are over
 * 256 KiB, so a file of them is read in ranges when `--workers 2` asks for two threads (the early-worker tests).
 */
export function villageLines(count: number): string[] {
  const header = '统计用区划代码,名称,类型,户数,是否建有综合服务设施';
  const rows = Array.from(
    { length: count },
    (_, i) => `1301020010${String(i % 90).padStart(2, '0')},村${i},村委会,${100 + (i % 50)},是`,
  );
  return [header, ...rows];
}
