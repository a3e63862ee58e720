/**
 * The CLI's tables for people, through the report layer: one column model per result type (shequ/report), so the
 * terminal table, the Markdown and the HTML page show the same columns.
 */
import type { Finding, IndicatorRow, RuleProfile, RuleProfileName } from 'shequ';
import {
  baselineText,
  defaultRenderContext,
  FINDING_MODEL,
  type IndicatorRowsTableOptions,
  indicatorRowModel,
  markdownCell,
  renderRows,
  STATUS_LABELS,
  targetText,
} from 'shequ/report';
import { maskIdNumbersInText } from '../core/mask.js';

export type Lang = 'zh' | 'en';

export { baselineText, targetText };

/** An indicator's name in a language (the id for a caller's own indicator). */
export const indicatorName = (id: string, lang: Lang): string => defaultRenderContext(lang).indicatorName(id);

/** The rule profile findings were checked against: its rules are titled as it states them (default: the catalogue's). */
type TitledBy = RuleProfile | RuleProfileName | undefined;

/** A rule's title in a language, as the profile in force states it. */
export const ruleTitle = (id: string, lang: Lang, rules?: TitledBy): string =>
  defaultRenderContext(lang, undefined, rules).ruleTitle(id);

export const statusLabel = (status: IndicatorRow['status'], lang: Lang): string =>
  STATUS_LABELS[status][lang];

/** The unit of a row's value in a language: the catalogue's (`人`, `个`) for its indicators, else the row's. */
export const unitLabel = (row: IndicatorRow, lang: Lang): string =>
  defaultRenderContext(lang).indicatorUnit(row.indicator, row.unit);

/** Indicator rows as an aligned terminal table (CJK double width). */
export const indicatorTable = (
  rows: Iterable<IndicatorRow>,
  lang: Lang,
  options: IndicatorRowsTableOptions = {},
): string => renderRows('table', indicatorRowModel(options), rows, { lang });

/** Indicator rows as a Markdown table. */
export const indicatorMarkdown = (
  rows: Iterable<IndicatorRow>,
  lang: Lang,
  options: IndicatorRowsTableOptions = {},
): string => renderRows('md', indicatorRowModel(options), rows, { lang });

/** Findings as an aligned terminal table, their rules titled as the profile in force states them. */
export const findingTable = (findings: Iterable<Finding>, lang: Lang, rules?: TitledBy): string =>
  renderRows('table', FINDING_MODEL, findings, { context: defaultRenderContext(lang, undefined, rules) });

/** Findings as a Markdown table, their rules titled as the profile in force states them. */
export const findingMarkdown = (findings: Iterable<Finding>, lang: Lang, rules?: TitledBy): string =>
  renderRows('md', FINDING_MODEL, findings, { context: defaultRenderContext(lang, undefined, rules) });

/** A Markdown table cell: `|` escaped, line breaks as `<br>`, ID numbers masked. */
export const mdCell = markdownCell;

/**
 * A JSON.stringify replacer that masks every string before it is escaped: a tab inside an ID number becomes `\t` in
 * JSON, which a reader turns back into a tab, so masking the JSON text alone would not be enough.
 */
export const maskStrings = (_key: string, value: unknown) =>
  typeof value === 'string' ? maskIdNumbersInText(value) : value;
