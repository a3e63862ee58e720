/**
 * The shipped lists' parts (issue 16: a Hebei city, a Beijing district on its own subpath): each part holds exactly
 * the province list's records under its prefix, the parts together are the province list but its top rows, and a
 * lookup in a part answers what the province list answers for its codes and nothing for the others.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { DivisionDataset } from '../../src/codes/division-dataset.js';
import { beijingDivisions } from '../../src/divisions/beijing.js';
import { hebeiDivisions } from '../../src/divisions/hebei.js';
import { lookupDivision } from '../../src/index.js';

const DIVISIONS = join(import.meta.dirname, '..', '..', 'src', 'divisions');

interface Part {
  readonly prefix: string;
  readonly exports: Record<string, unknown>;
  readonly dataset: DivisionDataset;
}

/** Every part module of a list, imported by file name as the package exports them (`<list>/<prefix>`). */
async function partsOf(list: string): Promise<Part[]> {
  const files = readdirSync(join(DIVISIONS, list)).filter((file) => file.endsWith('.ts'));
  return Promise.all(
    files.map(async (file) => {
      const exports = (await import(join(DIVISIONS, list, file))) as Record<string, unknown>;
      const [dataset] = Object.values(exports) as DivisionDataset[];
      return { prefix: file.slice(0, -3), exports, dataset: dataset as DivisionDataset };
    }),
  );
}

const LISTS = [
  { list: 'hebei', province: hebeiDivisions, parts: await partsOf('hebei'), top: ['130000000000'] },
  {
    list: 'beijing',
    province: beijingDivisions,
    parts: await partsOf('beijing'),
    top: ['110000000000', '110100000000'],
  },
] as const;

describe.each(LISTS)('the parts of the $list list', ({ list, province, parts, top }) => {
  const provinceCodes = [...province.divisions.keys()];

  it('are one per prefecture (Hebei) or district (Beijing), each exporting one dataset and nothing else', () => {
    const expected = list === 'hebei' ? 12 : 16;
    expect(parts.length).toBe(expected);
    for (const { prefix, exports, dataset } of parts) {
      expect(Object.keys(exports)).toHaveLength(1);
      expect(Object.keys(exports)[0]).toMatch(/^[a-z]+Divisions$/);
      // A dataset, not a function: nothing for test/fuzz/classification.ts to classify.
      expect(typeof dataset).toBe('object');
      expect(dataset.id).toBe(`stats-2023-${list}-${prefix}`);
      expect(dataset.referenceDate).toBe(province.referenceDate);
      expect(dataset.source).toBe(province.source);
      expect(dataset.name.zh).toMatch(/^(河北省|北京市).+统计用区划代码（2023）$/);
    }
  });

  it("each holds exactly the province's records under its prefix, in code order", () => {
    for (const { prefix, dataset } of parts) {
      const expected = provinceCodes.filter((code) => code.startsWith(prefix));
      expect([...dataset.divisions.keys()]).toEqual(expected);
      expect([...dataset.divisions.values()]).toEqual(expected.map((code) => province.divisions.get(code)));
      expect(dataset.divisions.size).toBe(expected.length);
      // Its first record is its own row: the city or district itself.
      expect(expected[0]).toBe(prefix.padEnd(12, '0'));
    }
  });

  it('together are the province list but its top rows, with no record in two parts', () => {
    const joined = parts.flatMap(({ dataset }) => [...dataset.divisions.keys()]);
    expect(new Set(joined).size).toBe(joined.length);
    expect([...top, ...joined].sort()).toEqual(provinceCodes);
  });

  const allParts = fc.constantFrom(...parts);
  test.prop([allParts, fc.nat({ max: provinceCodes.length - 1 }).map((i) => provinceCodes[i] as string)])(
    "answers a province code as the province list does if it is under the part's prefix, else not at all",
    ({ prefix, dataset }, code) => {
      const inside = code.startsWith(prefix);
      expect(dataset.divisions.get(code)).toEqual(inside ? province.divisions.get(code) : undefined);
      expect(dataset.divisions.has(code)).toBe(inside);
      const looked = lookupDivision(code, dataset);
      expect(looked.success && looked.data.inDataset).toBe(inside);
      expect(looked.success && looked.warnings?.map((w) => w.code)).toEqual(
        inside ? undefined : ['unknown_division'],
      );
    },
  );

  test.prop([allParts, fc.stringMatching(/^[0-9]{12}$/)])(
    'answers any 12-digit code as a map would',
    (part, code) => {
      const expected = code.startsWith(part.prefix) ? province.divisions.get(code) : undefined;
      expect(part.dataset.divisions.get(code)).toEqual(expected);
    },
  );
});

describe('a part, worked by hand', () => {
  it('Shijiazhuang (1301) names its districts and villages and not Tangshan nor the province', async () => {
    const { shijiazhuangDivisions } = await import('../../src/divisions/hebei/1301.js');
    expect(shijiazhuangDivisions.divisions.get('130100000000')?.name).toBe('石家庄市');
    expect(shijiazhuangDivisions.divisions.get('130102000000')?.name).toBe('长安区');
    const village = lookupDivision('130123100201', shijiazhuangDivisions);
    expect(village.success && village.data.name).toBe(hebeiDivisions.divisions.get('130123100201')?.name);
    expect(shijiazhuangDivisions.divisions.get('130202000000')).toBeUndefined(); // 路南区, 唐山市
    expect(shijiazhuangDivisions.divisions.has('130000000000')).toBe(false);
    expect(shijiazhuangDivisions.name.en).toBe('Shijiazhuang, Hebei statistical division codes (2023)');
  });

  it("雄安新区 (1331) holds its one row: its areas keep 保定市's county codes", async () => {
    const { xionganDivisions } = await import('../../src/divisions/hebei/1331.js');
    const { baodingDivisions } = await import('../../src/divisions/hebei/1306.js');
    expect([...xionganDivisions.divisions.values()]).toEqual([{ code: '133100000000', name: '雄安新区' }]);
    expect(baodingDivisions.divisions.get('130629400000')?.name).toBe('容东片区');
  });

  it('Chaoyang (110105) is a Beijing district list: 朝阳区 and what is beneath it', async () => {
    const { chaoyangDivisions } = await import('../../src/divisions/beijing/110105.js');
    expect(chaoyangDivisions.divisions.get('110105000000')?.name).toBe('朝阳区');
    expect(chaoyangDivisions.divisions.has('110100000000')).toBe(false);
    expect(chaoyangDivisions.divisions.has('110101000000')).toBe(false);
    expect([...chaoyangDivisions.divisions.keys()].every((code) => code.startsWith('110105'))).toBe(true);
  });
});
