import { describe, expect, it } from 'vitest';
import {
  createIssue,
  failure,
  ISSUE_CODES,
  isAtLeastSeverity,
  prefixIssuePath,
  ShequError,
  success,
  unwrap,
} from '../../src/index.js';

describe('createIssue', () => {
  it('defaults to an error on the input itself', () => {
    expect(createIssue('invalid_type', { zh: '应为字符串', en: 'Expected a string' })).toEqual({
      code: 'invalid_type',
      path: [],
      severity: 'error',
      message: { zh: '应为字符串', en: 'Expected a string' },
    });
  });

  it('keeps path, severity and location when given', () => {
    const issue = createIssue(
      'unknown_division',
      { zh: '不在', en: 'absent' },
      { path: ['code'], severity: 'warning', position: 3, line: 7, column: '户数' },
    );
    expect(issue).toMatchObject({
      path: ['code'],
      severity: 'warning',
      position: 3,
      line: 7,
      column: '户数',
    });
  });

  it('prefixes a path without changing the rest', () => {
    const inner = createIssue('invalid_format', { zh: '格式错误', en: 'Bad format' }, { path: ['idNumber'] });
    expect(prefixIssuePath(inner, ['workers', 0])).toEqual({ ...inner, path: ['workers', 0, 'idNumber'] });
  });
});

describe('results', () => {
  const issue = createIssue('invalid_format', { zh: '格式错误', en: 'Bad format' });

  it('attach warnings only when there are some', () => {
    expect(success(1)).toEqual({ success: true, data: 1 });
    expect(success(1, [])).toEqual({ success: true, data: 1 });
    expect(success(1, [issue])).toEqual({ success: true, data: 1, warnings: [issue] });
  });

  it('wrap issues in a failure', () => {
    expect(failure([issue])).toEqual({ success: false, error: { issues: [issue] } });
  });

  it('unwrap returns data or throws a ShequError with the issues', () => {
    expect(unwrap(success('ok'))).toBe('ok');
    expect(() => unwrap(failure([issue]))).toThrowError(ShequError);
    try {
      unwrap(failure([issue]));
    } catch (error) {
      expect((error as ShequError).issues).toEqual([issue]);
      expect((error as ShequError).message).toBe('invalid_format: Bad format');
    }
    expect(new ShequError([]).message).toBe('Invalid input');
  });
});

describe('issue catalogue and severities', () => {
  it('has a Chinese and an English title for every code', () => {
    for (const [code, title] of Object.entries(ISSUE_CODES)) {
      expect(code).toMatch(/^[a-z_]+$/);
      expect(title.zh).not.toBe('');
      expect(title.en).not.toBe('');
    }
  });

  it('orders severities info < warning < error', () => {
    expect(isAtLeastSeverity('error', 'warning')).toBe(true);
    expect(isAtLeastSeverity('warning', 'warning')).toBe(true);
    expect(isAtLeastSeverity('info', 'warning')).toBe(false);
    expect(isAtLeastSeverity('warning', 'error')).toBe(false);
  });
});
