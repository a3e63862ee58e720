import { validateCreditCode } from '../../codes/credit-code.js';
import { parseDivisionCode, villageKindOf } from '../../codes/division-code.js';
import { validateIdNumber } from '../../codes/id-number.js';
import { townshipKey } from '../../codes/village-key.js';
import type { PathSegment } from '../../core/issue.js';
import type { OrganisationRole } from '../../model/organisation.js';
import { failed, notApplicable, notChecked, passed } from '../outcomes.js';
import type { Rule, RuleFailure } from '../types.js';

const STATISTICS_RULE = '国统字〔2009〕91号《统计用区划代码和城乡划分代码编制规则》';

/** code.division — a valid 12-digit village-level code. */
export const division: Rule = {
  id: 'code.division',
  title: { zh: '统计用区划代码结构正确', en: 'Valid 12-digit village-level division code' },
  appliesTo: {},
  severity: 'error',
  parameters: {},
  effective: {},
  source: {
    document: STATISTICS_RULE,
    section: '代码结构',
    quote: '统计用区划代码为12位：省2位、地2位、县2位、乡3位、村3位',
  },
  check: ({ row }) => {
    if (townshipKey(row.code) >= 0) return passed; // fast path: a valid village-level code
    const parsed = parseDivisionCode(row.code);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return failed(
        ['code'],
        issue?.message ?? { zh: '代码无效', en: 'Invalid code' },
        '12-digit village-level code',
        typeof row.code === 'string' ? row.code : null,
      );
    }
    if (parsed.data.level !== 'village' || row.code.length !== 12) {
      return failed(
        ['code'],
        {
          zh: `社区（村）应为村级代码，此为${parsed.data.level}级`,
          en: `A unit needs a village-level code; this one is ${parsed.data.level}-level`,
        },
        'village level',
        parsed.data.level,
      );
    }
    return passed;
  },
};

/** code.divisionSegment — 居委会 in 001–199, 村委会 in 200–399; 400–599 is reported as info. */
export const divisionSegment: Rule = {
  id: 'code.divisionSegment',
  title: { zh: '村级代码段与单位类型一致', en: 'Village segment matches the kind of committee' },
  appliesTo: {},
  severity: 'warning',
  parameters: {},
  effective: {},
  source: {
    document: STATISTICS_RULE,
    section: '村级代码',
    quote: '001–199 居民委员会，200–399 村民委员会，400–599 类似村级单位',
  },
  check: ({ row }) => {
    if (typeof row.code !== 'string' || row.code.length !== 12) return notApplicable;
    const segment = row.code.slice(9);
    const kind = villageKindOf(segment);
    if (kind === row.kind) return passed;
    if (kind === 'other') {
      return {
        status: 'failed',
        failures: [
          {
            path: ['code'],
            message: {
              zh: `村级代码段 ${segment} 属类似村级单位`,
              en: `Village segment ${segment} is a unit like a committee (400–599)`,
            },
            expected: row.kind === 'community' ? '001–199' : '200–399',
            actual: segment,
            severity: 'info',
          },
        ],
      };
    }
    return failed(
      ['code'],
      {
        zh: `代码段 ${segment} 属于${kind === 'community' ? '居委会' : '村委会'}，与类型不符`,
        en: `Segment ${segment} is a ${kind === 'community' ? "residents'" : "villagers'"} committee's; the kind says otherwise`,
      },
      row.kind === 'community' ? '001–199' : '200–399',
      segment,
    );
  },
};

/** code.divisionKnown — present in the caller's division list (warning: lists age). */
export const divisionKnown: Rule = {
  id: 'code.divisionKnown',
  title: { zh: '区划代码在所给名单中', en: 'Division code in the given list' },
  appliesTo: {},
  severity: 'warning',
  parameters: {},
  effective: {},
  source: {
    document: STATISTICS_RULE,
    section: '(dataset supplied by the caller)',
    quote: '代码不在名单中仅作提示，名单可能过时',
  },
  check: ({ row, knownCodes }) => {
    if (knownCodes === undefined) return notChecked('未提供区划名单', 'no division list given');
    return knownCodes.has(row.code)
      ? passed
      : failed(
          ['code'],
          { zh: '代码不在所给区划名单中', en: 'Code not in the given division list' },
          'listed',
          row.code,
        );
  },
};

/** code.idNumber — every person's ID number valid (GB 11643), as of the validation date. */
export const idNumber: Rule = {
  id: 'code.idNumber',
  title: { zh: '公民身份号码有效', en: 'Valid resident ID numbers' },
  appliesTo: {},
  severity: 'error',
  parameters: {},
  effective: {},
  source: {
    document: 'GB 11643-1999《公民身份号码》',
    section: '全文',
    quote: '公民身份号码由十七位数字本体码和一位校验码组成',
  },
  check: ({ unit, asOf }) => {
    if (unit === undefined) return notChecked('无人员数据（仅完整记录）', 'no people (rich records only)');
    const people: [readonly PathSegment[], string | undefined][] = [
      ...(unit.workers ?? []).map(
        (w, i) => [['workers', i, 'idNumber'], w.idNumber] as [readonly PathSegment[], string | undefined],
      ),
      ...(unit.volunteers ?? []).map(
        (v, i) => [['volunteers', i, 'idNumber'], v.idNumber] as [readonly PathSegment[], string | undefined],
      ),
      ...(unit.twoCommittees?.members ?? []).map(
        (m, i) =>
          [['twoCommittees', 'members', i, 'idNumber'], m.idNumber] as [
            readonly PathSegment[],
            string | undefined,
          ],
      ),
    ];
    const failures: RuleFailure[] = [];
    let checked = 0;
    for (const [path, value] of people) {
      if (value === undefined) continue;
      checked++;
      const result = validateIdNumber(value, { asOf });
      // The message and the echoed value never hold the number (个人信息保护法): the reason only.
      if (!result.success) {
        const issue = result.error.issues[0];
        failures.push({
          path,
          message: issue?.message ?? { zh: '身份证号码无效', en: 'Invalid ID number' },
          expected: 'GB 11643',
          actual: issue?.code ?? 'invalid',
        });
      }
    }
    if (failures.length > 0) return { status: 'failed', failures };
    return checked > 0 ? passed : notApplicable;
  },
};

/** Which credit-code prefixes fit which member of a structure (codes.md §3). */
const PREFIXES: Partial<Record<OrganisationRole, readonly string[]>> = {
  propertyCompany: ['91'],
  economicCooperative: ['N1', 'N2', 'N3', '93'],
  residentsCommittee: ['55'],
  villagersCommittee: ['54'],
};

/** code.creditCode — every legal person's credit code valid (error); its prefix fits its type (warning). */
export const creditCode: Rule = {
  id: 'code.creditCode',
  title: {
    zh: '统一社会信用代码有效且类别相符',
    en: 'Valid credit codes whose category fits the organisation',
  },
  appliesTo: {},
  severity: 'error',
  parameters: {},
  effective: {},
  source: {
    document: 'GB 32100-2015《法人和其他组织统一社会信用代码编码规则》',
    section: '4, 5',
    quote: '统一社会信用代码由十八位的阿拉伯数字或大写英文字母组成',
  },
  check: ({ unit }) => {
    const members = unit?.organisations?.members;
    if (members === undefined)
      return notChecked('无组织数据（仅完整记录）', 'no organisations (rich records only)');
    const failures: RuleFailure[] = [];
    let checked = 0;
    for (const [role, member] of Object.entries(members) as [
      OrganisationRole,
      { creditCode?: string } | undefined,
    ][]) {
      const code = member?.creditCode;
      if (code === undefined) continue;
      checked++;
      const path = ['organisations', 'members', role, 'creditCode'];
      const result = validateCreditCode(code);
      if (!result.success) {
        const issue = result.error.issues[0];
        failures.push({
          path,
          message: issue?.message ?? { zh: '信用代码无效', en: 'Invalid credit code' },
          expected: 'GB 32100',
          actual: code,
        });
        continue;
      }
      const fits = PREFIXES[role];
      const prefix = result.data.value.slice(0, 2);
      if (fits !== undefined && !fits.includes(prefix)) {
        failures.push({
          path,
          message: {
            zh: `代码类别 ${prefix} 与组织类型不符（应为 ${fits.join('/')}）`,
            en: `Category ${prefix} does not fit this organisation (${fits.join('/')} expected)`,
          },
          expected: fits.join('/'),
          actual: prefix,
          severity: 'warning',
        });
      }
    }
    if (failures.length > 0) return { status: 'failed', failures };
    return checked > 0 ? passed : notApplicable;
  },
};
