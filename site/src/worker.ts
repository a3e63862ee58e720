/**
 * The page's worker: runs the library's two pipeline jobs on the dropped file (the indicators, then the validation,
 * each one pass over the file, progress by bytes read, cancelled through an AbortSignal), keeps the results, and
 * builds the files to download when the page asks. Nothing leaves the machine: no fetch, no import from the network.
 */
import { createDivisionDataset } from '../../src/codes/division-dataset.js';
import { maskIdNumbersInText } from '../../src/core/mask.js';
import type { Finding, IndicatorRow } from '../../src/index.js';
import { INDICATORS } from '../../src/indicators/catalogue.js';
import type { HeaderInfo, RejectedRow } from '../../src/io/index.js';
import { encodeCsv, rejectedRowsToCsv } from '../../src/io/write.js';
import { computeIndicatorsFromSource, validateSource } from '../../src/pipeline/index.js';
import { findingsToCsv, indicatorRowsToCsv } from '../../src/report/index.js';
import { findingsToXlsx, indicatorRowsToXlsx } from '../../src/report/xlsx.js';
import { RULES } from '../../src/standards/catalogue.js';
import type { ValidationSummary } from '../../src/standards/validate.js';
import { evaluationDownload, periodEndedBy } from './evaluation.js';
import { classifyUnreadable } from './file-check.js';
import type { DownloadKind, FromWorker, Lang, RunResult, RunSettings, Text, ToWorker } from './protocol.js';
import { buildReportHtml } from './report-html.js';

interface Kept {
  readonly name: string;
  /** The file itself: the evaluation table reads its rows again, only when asked for. */
  readonly file: Blob;
  readonly settings: RunSettings;
  readonly rows: readonly IndicatorRow[];
  readonly findings: readonly Finding[];
  readonly byRule: ReadonlyMap<string, readonly Finding[]>;
  readonly summary: ValidationSummary;
  readonly rejected: readonly RejectedRow[];
  readonly header: HeaderInfo | undefined;
  readonly asOf: string;
  readonly profile: string;
  readonly units: number;
}

const post = (message: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as { postMessage(m: unknown, t: Transferable[]): void }).postMessage(message, transfer);

declare const __REGION_NAMES__: readonly { code: string; name: string }[];

/** The names of the regions of the shipped Beijing and Hebei lists (province to township), as the command names them. */
const REGIONS = createDivisionDataset(
  {
    id: 'shipped-regions',
    name: { zh: '北京市、河北省（至乡镇街道）', en: 'Beijing and Hebei (to townships)' },
    source: '统计用区划代码 2023',
    referenceDate: '2023-06-30',
  },
  __REGION_NAMES__,
);

let controller: AbortController | undefined;
let kept: Kept | undefined;

/** A turn of the event loop (a task, not a microtask): lets the page's cancel message in. */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const nextTask = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

/** Time between two turns of the event loop while a job runs. */
const TURN_MS = 50;

/**
 * The file as chunks, counting the bytes read so that progress can say how far through the file the job is. A
 * Blob's chunks arrive as microtasks, so a job would never give the page's cancel message a turn: every
 * {@link TURN_MS} the source waits one task, and the abort reaches the job's signal.
 */
async function* counted(file: Blob, onBytes: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  let bytes = 0;
  let turn = performance.now();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      bytes += value.length;
      onBytes(bytes);
      if (performance.now() - turn > TURN_MS) {
        await nextTask();
        turn = performance.now();
      }
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

async function run(file: Blob, name: string, settings: RunSettings, signal: AbortSignal): Promise<RunResult> {
  const started = performance.now();
  const size = Math.max(1, file.size);
  let fraction = 0;
  const progress = (phase: 1 | 2) => (p: { read: number }) =>
    post({ type: 'progress', phase, fraction, read: p.read });
  const indicators = await computeIndicatorsFromSource(
    counted(file, (bytes) => {
      fraction = bytes / size;
    }),
    {
      profile: settings.profile,
      asOf: settings.asOf,
      groupBy: settings.groupBy,
      divisions: REGIONS,
      signal,
      onProgress: progress(1),
    },
  );
  if (!indicators.success) throw new Error(indicators.error.issues.map((i) => i.message.en).join('; '));
  const job = indicators.data;
  const rows = [...job.rows()];
  fraction = 0;
  const validation = await validateSource(
    counted(file, (bytes) => {
      fraction = bytes / size;
    }),
    { profile: settings.profile, asOf: job.asOf, signal, onProgress: progress(2) },
  );
  if (!validation.success) throw new Error(validation.error.issues.map((i) => i.message.en).join('; '));
  const { report } = validation.data;
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  const unreadable = classifyUnreadable(head, file.size, job);
  const byRule = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const list = byRule.get(finding.rule);
    if (list === undefined) byRule.set(finding.rule, [finding]);
    else list.push(finding);
  }
  kept = {
    name,
    file,
    settings,
    rows,
    findings: report.findings,
    byRule,
    summary: report.summary,
    rejected: job.rejected,
    header: job.header,
    asOf: job.asOf,
    profile: job.profile,
    units: job.counts.accepted,
  };
  return {
    counts: { read: job.counts.read, accepted: job.counts.accepted, rejected: job.counts.rejected },
    encoding: job.encoding,
    problems: job.issues.map((issue) => ({ severity: issue.severity, message: issue.message })),
    ...(unreadable === undefined ? {} : { unreadable }),
    header: job.header?.columns.map((column) => maskIdNumbersInText(column.header)) ?? [],
    rejected: job.rejected.map((row) => ({
      line: row.line,
      reasons: row.issues.map((issue) => issue.message),
      cells: row.cells.map((cell) => maskIdNumbersInText(cell)),
    })),
    rows,
    findingCounts: [...byRule].map(([rule, list]) => ({ rule, count: list.length })),
    summary: report.summary,
    asOf: job.asOf,
    profile: job.profile,
    seconds: (performance.now() - started) / 1000,
    ...evaluationOffer(job.asOf),
    labels: labelsOf(rows, report.summary),
  };
}

/** The evaluation the page offers: the latest plan period ended by the as-of date, if any. */
function evaluationOffer(asOf: string): Pick<RunResult, 'evaluation'> {
  const period = periodEndedBy(asOf);
  return period === undefined ? {} : { evaluation: { period: period.id, name: period.name } };
}

const CATALOGUE = INDICATORS as Readonly<Record<string, { name: Text; unit: Text } | undefined>>;

/** The names the page shows for the indicators and rules of a run (the page itself carries no catalogue). */
function labelsOf(rows: readonly IndicatorRow[], summary: ValidationSummary): RunResult['labels'] {
  const indicators: Record<string, { name: Text; unit: Text }> = {};
  for (const row of rows) {
    const known = CATALOGUE[row.indicator];
    // Only the texts: a definition also holds functions, which cannot be posted.
    indicators[row.indicator] =
      known === undefined
        ? { name: { zh: row.indicator, en: row.indicator }, unit: { zh: row.unit, en: row.unit } }
        : { name: { zh: known.name.zh, en: known.name.en }, unit: { zh: known.unit.zh, en: known.unit.en } };
  }
  const titles = new Map<string, Text>();
  for (const rule of Object.values(RULES).flat()) titles.set(rule.id, rule.title);
  const rules: Record<string, Text> = {};
  for (const id of Object.keys(summary.byRule)) rules[id] = titles.get(id) ?? { zh: id, en: id };
  return { indicators, rules };
}

const BASE = (name: string) => name.replace(/\.[^.]*$/, '') || 'shequ';

/** The bytes, file name and type of a download, built from the kept results. */
async function download(kind: DownloadKind, lang: Lang, from: Kept) {
  const base = BASE(from.name);
  switch (kind) {
    case 'rejects-csv':
      return {
        name: `${base}-rejected.csv`,
        mime: 'text/csv',
        bytes: encodeCsv(rejectedRowsToCsv(from.rejected, from.header, { lang })),
      };
    case 'indicators-csv':
      return {
        name: `${base}-indicators.csv`,
        mime: 'text/csv',
        bytes: encodeCsv(indicatorRowsToCsv(from.rows)),
      };
    case 'findings-csv':
      return {
        name: `${base}-findings.csv`,
        mime: 'text/csv',
        bytes: encodeCsv(findingsToCsv(from.findings, { lang })),
      };
    case 'indicators-xlsx':
      return {
        name: `${base}-indicators.xlsx`,
        mime: XLSX,
        bytes: await indicatorRowsToXlsx(from.rows, { lang }),
      };
    case 'findings-xlsx':
      return {
        name: `${base}-findings.xlsx`,
        mime: XLSX,
        bytes: await findingsToXlsx(from.findings, { lang, summary: from.summary }),
      };
    case 'evaluation-xlsx':
    case 'evaluation-csv':
      return evaluationDownload(kind, lang, {
        file: from.file,
        name: from.name,
        base,
        asOf: from.asOf,
        profile: from.settings.profile,
        divisions: REGIONS,
      });
    case 'report-html': {
      const html = buildReportHtml(
        from.rows,
        from.findings,
        { asOf: from.asOf, profile: from.profile, units: from.units },
        lang,
      );
      return { name: `${base}-report.html`, mime: 'text/html', bytes: new TextEncoder().encode(html) };
    }
  }
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const failure = (error: unknown) => {
  const name = error instanceof Error ? error.message : String(error);
  return {
    zh: `处理失败：${maskIdNumbersInText(name)}`,
    en: `Processing failed: ${maskIdNumbersInText(name)}`,
  };
};

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') {
    controller?.abort(new DOMException('cancelled', 'AbortError'));
    return;
  }
  if (message.type === 'findings') {
    const list = kept?.byRule.get(message.rule) ?? [];
    post({
      type: 'findings',
      id: message.id,
      items: list.slice(message.start, message.start + message.count),
    });
    return;
  }
  if (message.type === 'download') {
    if (kept === undefined) return;
    try {
      const file = await download(message.kind, message.lang, kept);
      post({ type: 'file', ...file }, [file.bytes.buffer as ArrayBuffer]);
    } catch (error) {
      post({ type: 'failed', message: failure(error) });
    }
    return;
  }
  controller?.abort();
  controller = new AbortController();
  const signal = controller.signal;
  kept = undefined;
  try {
    post({ type: 'done', result: await run(message.file, message.name, message.settings, signal) });
  } catch (error) {
    if (signal.aborted) post({ type: 'cancelled' });
    else post({ type: 'failed', message: failure(error) });
  }
};
