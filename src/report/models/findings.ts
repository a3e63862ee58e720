/**
 * The column model of findings — the one list of their columns. The data view is the findings CSV that has always
 * been written (`unit,rule,…,quote`, messages in one language); the people view is the terminal and Markdown table.
 */
import type { Finding } from '../../standards/validate.js';
import type { Column, ColumnModel } from '../columns.js';
import { SEVERITY_LABELS } from '../labels.js';

const column = (
  key: string,
  zh: string,
  en: string,
  value: Column<Finding>['value'],
  more: Omit<Column<Finding>, 'key' | 'header' | 'value'> = {},
): Column<Finding> => ({ key, header: { zh, en }, value, ...more });

const COLUMNS: readonly Column<Finding>[] = [
  column('unit', '单位', 'unit', (f) => f.unit),
  column('rule', '规则', 'rule', (f) => f.rule),
  column('ruleTitle', '规则名称', 'rule title', (f) => f.rule, { text: (f, c) => c.ruleTitle(f.rule) }),
  column('severity', '级别', 'severity', (f) => f.severity, {
    text: (f, c) => SEVERITY_LABELS[f.severity][c.lang],
    cellClass: (f) => `severity s-${f.severity}`,
  }),
  column('path', '位置', 'path', (f) => f.path.join('.')),
  column('message', '问题', 'finding', (f, lang) => f.message[lang]),
  column('expected', '要求', 'expected', (f) => f.expected),
  column('actual', '实际', 'actual', (f) => f.actual),
  column('document', '文件', 'document', (f) => f.source.document),
  column('section', '条款', 'section', (f) => f.source.section),
  column('quote', '原文', 'quote', (f) => f.source.quote),
  column('source', '出处', 'source', (f) => `${f.source.document} ${f.source.section}`),
];

/**
 * The column model of findings with their sources.
 *
 * @example
 * ```ts
 * FINDING_MODEL.views.data.join(',');
 * //=> 'unit,rule,severity,path,message,expected,actual,document,section,quote'
 * FINDING_MODEL.views.people.join(',');
 * //=> 'unit,severity,rule,message,source'
 * ```
 */
export const FINDING_MODEL: ColumnModel<Finding> = {
  id: 'findings',
  title: { zh: '校验发现', en: 'Findings' },
  columns: COLUMNS,
  views: {
    data: [
      'unit',
      'rule',
      'severity',
      'path',
      'message',
      'expected',
      'actual',
      'document',
      'section',
      'quote',
    ],
    people: ['unit', 'severity', 'rule', 'message', 'source'],
  },
  rowHeader: 'unit',
  rowData: (finding) => ({ unit: finding.unit, rule: finding.rule, severity: finding.severity }),
  wholeRowJson: { constantKeys: ['source'] },
};
