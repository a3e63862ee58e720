import { describe, expect, it } from 'vitest';
import { beijingDivisions } from '../../src/divisions/beijing.js';
import { hebeiDivisions } from '../../src/divisions/hebei.js';
import { createDivisionDataset, identifyCode, lookupDivision } from '../../src/index.js';

const INFO = {
  id: 'demo',
  name: { zh: '示例', en: 'demo' },
  source: 'hand-written',
  referenceDate: '2025-06-30',
};

describe('division datasets', () => {
  it('normalise codes and list rejected records instead of dropping them silently', () => {
    const dataset = createDivisionDataset(INFO, [
      { code: '110105', name: '朝阳区' },
      { code: 'oops', name: '?' },
    ]);
    expect([...dataset.divisions.keys()]).toEqual(['110105000000']);
    expect(dataset.rejected).toEqual(['oops']);
  });

  it('look a code up: name, explicit parent, urban-rural code', () => {
    const dataset = createDivisionDataset(INFO, [
      { code: '130629400000', name: '容东片区', parent: '133100000000' },
      { code: '130629400001', name: '某社区', urbanRural: '111' },
    ]);
    expect(lookupDivision('130629400', dataset)).toMatchObject({
      success: true,
      data: {
        code: '130629400000',
        name: '容东片区',
        parent: '133100000000',
        inDataset: true,
        dataset: 'demo',
      },
    });
    expect(lookupDivision('130629400001', dataset)).toMatchObject({
      data: { urbanRural: '111', parent: '130629400000' },
    });
  });

  it('keep a parent in its 12-digit form; leave out a parent below the record and an unknown urban-rural code', () => {
    const dataset = createDivisionDataset(INFO, [
      { code: '130629400000', name: '容东片区', parent: '1331' },
      { code: '130629400001', name: '某社区', parent: '130629400001' },
      { code: '130629400002', name: '某村', urbanRural: '130' },
    ]);
    expect(lookupDivision('130629400000', dataset)).toMatchObject({ data: { parent: '133100000000' } });
    expect([...dataset.divisions.keys()]).toEqual(['130629400000']);
    expect(dataset.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_value', [1, 'parent']],
      ['invalid_format', [2, 'urbanRural']],
    ]);
    expect(dataset.issues[0]?.message.en).toBe(
      'The parent code "130629400001" is not at a level above 130629400001: left out',
    );
    expect(dataset.issues[1]?.message.zh).toBe(
      '城乡分类代码“130”不是 111、112、121、122、123、210、220 之一，未采用',
    );
  });

  it('warn — never fail — when a valid code is absent', () => {
    const result = lookupDivision('110105999001', beijingDivisions);
    expect(result.success).toBe(true);
    expect(result.success && result.data).toMatchObject({ name: null, inDataset: false });
    expect(result.success && result.warnings?.[0]).toMatchObject({
      code: 'unknown_division',
      severity: 'warning',
    });
  });

  it('fail on a structurally invalid code', () => {
    expect(lookupDivision('1101x5', beijingDivisions).success).toBe(false);
  });

  it('ship the Beijing and Hebei lists with their counts, source and date', () => {
    expect(beijingDivisions.divisions.size).toBe(7902);
    // 56 712 rows of the source file + 雄安新区, a documented supplement (issue 14 item 7).
    expect(hebeiDivisions.divisions.size).toBe(56713);
    expect(beijingDivisions.referenceDate).toBe('2023-06-30');
    expect(hebeiDivisions.source).toContain('国家统计局');
    expect(beijingDivisions.divisions.get('110101001001')?.name).toBe('多福巷社区居委会');
    expect(hebeiDivisions.divisions.get('130171000000')?.name).toBe('石家庄高新技术产业开发区');
    expect(lookupDivision('130123', hebeiDivisions)).toMatchObject({ data: { name: '正定县' } });
  });

  it('name 雄安新区 at prefecture level, and keep the empty 市辖区 rows out (issue 14 item 7)', () => {
    const xiongan = lookupDivision('133100000000', hebeiDivisions);
    expect(xiongan).toMatchObject({
      success: true,
      data: { code: '133100000000', name: '雄安新区', level: 'prefecture', inDataset: true },
    });
    expect(xiongan.success ? (xiongan.warnings ?? []) : ['failed']).toEqual([]);
    expect(lookupDivision('1331', hebeiDivisions)).toMatchObject({ data: { name: '雄安新区' } });
    const prefectures = [...hebeiDivisions.divisions.keys()].filter((code) =>
      /^13(?!00)\d\d0{8}$/.test(code),
    );
    expect(prefectures).toHaveLength(12);
    // The 市辖区 rows (130101…131101) have nothing beneath them and are not shipped.
    expect(hebeiDivisions.divisions.has('130101000000')).toBe(false);
    expect([...hebeiDivisions.divisions.values()].some((d) => d.name === '市辖区')).toBe(false);
  });
});

describe('identifyCode', () => {
  it('reads a code in every system of its shape, valid first', () => {
    expect(identifyCode('914403001922038216').map((r) => [r.system, r.result.success])).toEqual([
      ['creditCode', true],
      ['idNumber', false],
    ]);
    expect(identifyCode('11010519491231002X').map((r) => r.system)).toEqual(['idNumber', 'creditCode']);
    expect(identifyCode('110105491231002').map((r) => r.system)).toEqual(['idNumber']);
    expect(identifyCode('110105').map((r) => r.system)).toEqual(['divisionCode']);
    expect(identifyCode('220').map((r) => r.system)).toEqual(['urbanRuralCode']);
    expect(identifyCode('1')).toEqual([]);
  });
});
