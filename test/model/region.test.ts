import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildRegionTree, divisionAncestors } from '../../src/index.js';
import { villageCodeArbitrary } from '../../src/testing/index.js';

describe('buildRegionTree', () => {
  const regions = [
    { code: '11', name: '北京市' },
    { code: '1101', name: '市辖区' },
    { code: '110101', name: '东城区' },
    { code: '110101001', name: '东华门街道' },
    { code: '110101002', name: '景山街道' },
  ];

  it('links regions and units by prefix and answers lookups', () => {
    const { tree, issues } = buildRegionTree(regions, [
      { code: '110101001001', name: '多福巷社区居委会' },
      { code: '110101002001', name: '隆福寺社区居委会' },
    ]);
    expect(issues).toEqual([]);
    expect(tree.roots).toEqual(['110000000000']);
    expect(tree.children('110101')).toEqual(['110101001000', '110101002000']);
    expect(tree.children('110101001')).toEqual(['110101001001']);
    expect(tree.get('110101001001')).toMatchObject({
      name: '多福巷社区居委会',
      level: 'village',
      parent: '110101001000',
    });
    expect(tree.ancestors('110101001001')).toEqual([
      '110000000000',
      '110100000000',
      '110101000000',
      '110101001000',
    ]);
    expect(tree.get('nonsense')).toBeUndefined();
    expect(tree.children('990000')).toEqual([]);
  });

  it('skips levels that are not listed', () => {
    const { tree } = buildRegionTree([{ code: '13', name: '河北省' }], [{ code: '130123100201' }]);
    expect(tree.get('130123100201')?.parent).toBe('130000000000');
  });

  it('follows explicit parents where reality differs from prefixes (雄安新区)', () => {
    const { tree, issues } = buildRegionTree(
      [
        { code: '13', name: '河北省' },
        { code: '133100', name: '雄安新区', parent: '13' },
        { code: '130629400', name: '容东片区', parent: '133100' },
        { code: '429004', name: '仙桃市', parent: null },
      ],
      [{ code: '130629400001' }],
    );
    expect(issues).toEqual([]);
    expect(tree.ancestors('130629400001')).toEqual(['130000000000', '133100000000', '130629400000']);
    expect(tree.roots).toEqual(['130000000000', '429004000000']);
  });

  it('reports duplicates, missing parents and cycles, and still builds a tree', () => {
    const { tree, issues } = buildRegionTree(
      [
        { code: '110101', name: 'A', parent: '110102' },
        { code: '110102', name: 'B', parent: '110101' },
        { code: '110101', name: 'A again' },
        { code: '110103', name: 'C', parent: '990000' },
        { code: '110104', name: 'D', parent: '110199' },
      ],
      [{ code: '110101001001' }, { code: '110101001001' }, { code: 'bad' }],
    );
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['duplicate_code', 'regions.2.code'],
      ['invalid_hierarchy', 'regions.3.parent'],
      ['duplicate_code', 'units.1.code'],
      ['invalid_hierarchy', 'regions.4.parent'],
      ['invalid_hierarchy', 'regions.0.parent'],
    ]);
    // The cycle is cut at the first region that closes it (A), which becomes a root; B stays under A.
    expect(tree.ancestors('110101001001')).toEqual(['110101000000']);
    expect(tree.get('110102')?.parent).toBe('110101000000');
  });

  test.prop([fc.uniqueArray(villageCodeArbitrary(), { maxLength: 20 })])(
    'with every ancestor listed, a unit’s tree ancestors are its code ancestors',
    (codes) => {
      const regionCodes = [...new Set(codes.flatMap((code) => divisionAncestors(code)))];
      const { tree, issues } = buildRegionTree(
        regionCodes.map((code) => ({ code, name: code })),
        codes.map((code) => ({ code })),
      );
      expect(issues).toEqual([]);
      for (const code of codes) expect(tree.ancestors(code)).toEqual(divisionAncestors(code));
      const childCount = [...tree.nodes.values()].reduce((sum, node) => sum + node.children.length, 0);
      expect(childCount + tree.roots.length).toBe(tree.nodes.size);
    },
  );
});
