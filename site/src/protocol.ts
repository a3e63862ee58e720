/**
 * The messages between the page and its worker. The page sends the file and the settings; the worker reads the file
 * with the library's pipeline jobs, reports progress, and answers with plain data (every text already masked); files
 * to download are built in the worker on request, from the results it keeps.
 */
import type { GroupLevel, IndicatorRow } from '../../src/index.js';
import type { Finding, ValidationSummary } from '../../src/standards/validate.js';

export type Lang = 'zh' | 'en';
export type Text = { readonly zh: string; readonly en: string };

/** What the clerk chose. */
export interface RunSettings {
  readonly profile: 'national' | 'hebei' | 'beijing';
  readonly asOf: string;
  readonly groupBy: readonly GroupLevel[];
}

/** A file the page can offer for download. */
export type DownloadKind =
  | 'rejects-csv'
  | 'indicators-csv'
  | 'indicators-xlsx'
  | 'findings-csv'
  | 'findings-xlsx'
  | 'report-html'
  | 'evaluation-xlsx'
  | 'evaluation-csv';

export type ToWorker =
  | { readonly type: 'run'; readonly file: Blob; readonly name: string; readonly settings: RunSettings }
  | { readonly type: 'cancel' }
  | { readonly type: 'download'; readonly kind: DownloadKind; readonly lang: Lang }
  | {
      readonly type: 'findings';
      readonly id: number;
      readonly rule: string;
      readonly start: number;
      readonly count: number;
    };

/** A rejected row as the page shows it: its line, its reasons, its cells (masked). */
export interface ShownRejected {
  readonly line: number;
  readonly reasons: readonly Text[];
  readonly cells: readonly string[];
}

/** What a run found. */
export interface RunResult {
  readonly counts: { readonly read: number; readonly accepted: number; readonly rejected: number };
  readonly encoding: string;
  /** File-level problems (an error means the file was not read to its end, or not at all). */
  readonly problems: readonly { readonly severity: string; readonly message: Text }[];
  /** What is wrong with the file as a whole, when nothing could be read from it. */
  readonly unreadable?: Text;
  readonly header: readonly string[];
  readonly rejected: readonly ShownRejected[];
  readonly rows: readonly IndicatorRow[];
  /** Findings per rule, in report order of the rules; the findings stay in the worker (`findings` messages page them). */
  readonly findingCounts: readonly { readonly rule: string; readonly count: number }[];
  readonly summary: ValidationSummary;
  readonly asOf: string;
  readonly profile: string;
  readonly seconds: number;
  /** The plan period that has ended by the as-of date, whose evaluation table (终期评估) can be downloaded. */
  readonly evaluation?: { readonly period: string; readonly name: Text };
  /** Names of the indicators (and their units) and titles of the rules met, in both languages. */
  readonly labels: {
    readonly indicators: Readonly<Record<string, { readonly name: Text; readonly unit: Text }>>;
    readonly rules: Readonly<Record<string, Text>>;
  };
}

export type FromWorker =
  | { readonly type: 'progress'; readonly phase: 1 | 2; readonly fraction: number; readonly read: number }
  | { readonly type: 'done'; readonly result: RunResult }
  | { readonly type: 'cancelled' }
  | { readonly type: 'failed'; readonly message: Text }
  | { readonly type: 'file'; readonly name: string; readonly mime: string; readonly bytes: Uint8Array }
  | { readonly type: 'findings'; readonly id: number; readonly items: readonly Finding[] };
