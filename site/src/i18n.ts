/** The page's words, Chinese first. Labels of indicators and rules come from the library with the results. */
import { SEVERITY_LABELS, STATUS_LABELS } from '../../src/report/labels.js';
import type { Lang, Text } from './protocol.js';

export const WORDS = {
  title: { zh: '社区统计表检查', en: 'Community statistics check' },
  tagline: {
    zh: '计算“十四五”城乡社区服务体系指标，按规划、法规和代码标准校验统计表。',
    en: 'Computes the 14th Five-Year Plan community service indicators and checks the sheet against the plans, laws and code standards.',
  },
  privacy: {
    zh: '文件只在本机浏览器中处理，不会上传，也不联网。',
    en: 'The file is processed in this browser only: nothing is uploaded, no network is used.',
  },
  drop: {
    zh: '把统计表（CSV 或 .xlsx）拖到这里，或',
    en: 'Drop the statistics sheet (CSV or .xlsx) here, or',
  },
  choose: { zh: '选择文件…', en: 'choose a file…' },
  encodings: {
    zh: 'CSV 可以是 UTF-8、GB18030/GBK 或 UTF-16 编码；第一行之前可以有标题行。',
    en: 'CSV may be UTF-8, GB18030/GBK or UTF-16; title lines above the header are fine.',
  },
  profile: { zh: '规划口径', en: 'Profile' },
  national: { zh: '全国', en: 'National' },
  hebei: { zh: '河北省', en: 'Hebei' },
  beijing: { zh: '北京市', en: 'Beijing' },
  asOf: { zh: '评估日期', en: 'As of' },
  groupBy: { zh: '汇总层级', en: 'Group by' },
  province: { zh: '省', en: 'province' },
  prefecture: { zh: '地市', en: 'prefecture' },
  county: { zh: '县区', en: 'county' },
  township: { zh: '乡镇街道', en: 'township' },
  unit: { zh: '社区/村', en: 'unit' },
  rerun: { zh: '重新计算', en: 'Recompute' },
  cancel: { zh: '取消', en: 'Cancel' },
  cancelled: { zh: '已取消。', en: 'Cancelled.' },
  reading: { zh: '计算指标', en: 'Computing indicators' },
  checking: { zh: '校验规则', en: 'Checking rules' },
  rowsRead: { zh: '行已读', en: 'rows read' },
  unreadable: { zh: '无法读取此文件', en: 'This file cannot be read' },
  counts: { zh: '读取结果', en: 'What was read' },
  read: { zh: '读取', en: 'read' },
  accepted: { zh: '接受', en: 'accepted' },
  rejected: { zh: '拒收', en: 'rejected' },
  encoding: { zh: '编码', en: 'encoding' },
  seconds: { zh: '用时', en: 'time' },
  downloads: { zh: '下载', en: 'Downloads' },
  'rejects-csv': { zh: '拒收行 CSV', en: 'Rejected rows CSV' },
  'indicators-csv': { zh: '指标表 CSV', en: 'Indicators CSV' },
  'indicators-xlsx': { zh: '指标表 Excel', en: 'Indicators Excel' },
  'findings-csv': { zh: '校验发现 CSV', en: 'Findings CSV' },
  'findings-xlsx': { zh: '校验发现 Excel', en: 'Findings Excel' },
  'report-html': { zh: 'HTML 报告', en: 'HTML report' },
  'evaluation-xlsx': { zh: '终期评估表 Excel', en: 'Final evaluation Excel' },
  'evaluation-csv': { zh: '终期评估表 CSV', en: 'Final evaluation CSV' },
  statusSummary: { zh: '达标情况', en: 'Status summary' },
  statusHint: {
    zh: '每个指标在所选层级各地区中的状态数。',
    en: 'For each indicator, how many regions of the chosen levels are in each status.',
  },
  charts: { zh: '图表', en: 'Charts' },
  chartsHint: {
    zh: '每个地区的值；虚线为目标。',
    en: 'The value of each region; the dashed line is the target.',
  },
  moreBars: { zh: '另有 {n} 个地区未画出（见指标表）', en: '{n} more regions not drawn (see the table)' },
  indicators: { zh: '指标表', en: 'Indicators' },
  region: { zh: '地区', en: 'Region' },
  level: { zh: '层级', en: 'Level' },
  indicator: { zh: '指标', en: 'Indicator' },
  value: { zh: '值', en: 'Value' },
  fraction: { zh: '分子 / 分母', en: 'Numerator / denominator' },
  baseline: { zh: '基线', en: 'Baseline' },
  target: { zh: '目标', en: 'Target' },
  status: { zh: '状态', en: 'Status' },
  findings: { zh: '校验发现（按规则）', en: 'Findings by rule' },
  rule: { zh: '规则', en: 'Rule' },
  count: { zh: '发现', en: 'Findings' },
  checked: { zh: '检查', en: 'Checked' },
  failed: { zh: '未通过', en: 'Failed' },
  notChecked: { zh: '数据缺失未检查', en: 'Not checked (data missing)' },
  show: { zh: '查看', en: 'Show' },
  unitCode: { zh: '单位代码', en: 'Unit' },
  severity: { zh: '级别', en: 'Severity' },
  message: { zh: '问题', en: 'Finding' },
  source: { zh: '出处', en: 'Source' },
  rejectedRows: { zh: '拒收的行', en: 'Rejected rows' },
  noRejected: { zh: '没有拒收的行。', en: 'No row was rejected.' },
  noFindings: { zh: '没有校验发现。', en: 'No findings.' },
  line: { zh: '行号', en: 'Line' },
  reasons: { zh: '原因', en: 'Reasons' },
  cells: { zh: '原始内容', en: 'Cells as read' },
  page: { zh: '第 {p} / {n} 页，共 {c} 条', en: 'Page {p} of {n}, {c} in all' },
  previous: { zh: '上一页', en: 'Previous' },
  next: { zh: '下一页', en: 'Next' },
  problems: { zh: '文件提示', en: 'About the file' },
  // The statuses and severities in the library's own words (the report layer's labels).
  ...STATUS_LABELS,
  ...SEVERITY_LABELS,
  switchLang: { zh: 'English', en: '中文' },
  footer: {
    zh: 'shequ 开源工具包 · 不联网 · 数据不离开本机',
    en: 'shequ open-source toolkit · offline · the data never leave this machine',
  },
} as const satisfies Record<string, Text>;

export type WordKey = keyof typeof WORDS;

/** A word in a language, with `{name}` placeholders filled. */
export function word(key: WordKey, lang: Lang, values: Record<string, string | number> = {}): string {
  let text: string = WORDS[key][lang];
  for (const [name, value] of Object.entries(values)) text = text.replace(`{${name}}`, String(value));
  return text;
}

/** Numbers as people read them (thousands grouped). */
export const formatNumber = (n: number, lang: Lang) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
