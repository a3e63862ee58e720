import { describe, expect, it } from 'vitest';
import { buildRegionTree, parseDataset } from '../../src/index.js';

describe('duplicate codes over years', () => {
  const unit = (year?: number) => ({
    code: '110101001001',
    kind: 'community' as const,
    ...(year === undefined ? {} : { year }),
  });

  it('the same unit in two years is one unit, not a duplicate code', () => {
    expect(parseDataset({ units: [unit(2021), unit(2022)] }).success).toBe(true);
    const tree = buildRegionTree([], [unit(2021), unit(2022), unit(2023)]);
    expect(tree.issues).toEqual([]);
  });

  it('the same unit twice in one year (or twice without a year) still is one', () => {
    for (const units of [
      [unit(2021), unit(2022), unit(2021)],
      [unit(), unit()],
    ]) {
      const result = parseDataset({ units });
      expect(
        result.success || result.error.issues.map((issue) => [issue.code, issue.path.join('.')]),
      ).toEqual([['duplicate_code', `units.${units.length - 1}.code`]]);
    }
  });
});
