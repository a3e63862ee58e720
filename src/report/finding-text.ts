/**
 * The pieces of a validation report's text in each streaming format, for a writer that puts findings in order
 * itself (the CLI sorts their final text in runs): what comes before the findings, each finding's text, what goes
 * between two findings and what comes after. Joined, they are byte for byte what {@link VALIDATION_WRITERS} write.
 */
import type { RuleSource } from '../standards/types.js';
import type { Finding, ValidationReport } from '../standards/validate.js';
import type { ByteOutput } from './byte-output.js';
import { createFindingCsvLine, findingCsvSourceTail, findingsCsvHeader } from './csv.js';
import { createCsvByteLine } from './csv-bytes.js';
import {
  createFindingJsonText,
  FINDING_CONSTANT_KEYS,
  findingJsonSourceTail,
  validationJsonHead,
} from './json.js';
import { createJsonByteWriter } from './json-bytes.js';
import { FINDING_MODEL } from './models/findings.js';
import { validationNdjsonLastLine } from './ndjson.js';

/**
 * What the head and the end of a report's text read of it: its date, profile and summary.
 *
 * @example
 * ```ts
 * const head: ReportHead = { asOf: '2025-12-31', profile: 'national', summary: report.summary };
 * ```
 */
export type ReportHead = Pick<ValidationReport, 'asOf' | 'profile' | 'summary'>;

/**
 * A format's pieces: `open(report, any) + text(f1) + separator + text(f2) + … + close(report, any)` is the report's
 * text (`any`: whether it has a finding).
 *
 * @example
 * ```ts
 * const pieces: FindingTextFormat = findingTextFormat('ndjson', 'zh');
 * ```
 */
export interface FindingTextFormat {
  /** One finding's whole text (JSON Lines and CSV: with its line end). */
  readonly text: (finding: Finding) => string;
  /**
   * Writes one finding's text as UTF-8 into `out`, byte for byte the UTF-8 of `text(finding)`, without building the
   * string; absent where a format has no byte writer.
   */
  readonly bytes?: (finding: Finding, out: ByteOutput) => void;
  /** The text that findings of a source end with when the source is their last part (checked by the caller). */
  readonly sourceTail: (source: RuleSource) => string;
  /** The text between two findings. */
  readonly separator: string;
  /** The text before the first finding. */
  open(report: ReportHead, any: boolean): string;
  /** The text after the last finding. */
  close(report: ReportHead, any: boolean): string;
}

/**
 * The pieces of a validation report's text in a streaming format.
 *
 * @param format - json, ndjson or csv
 * @param lang - the language of the CSV messages (JSON has both)
 * @returns the pieces (their text functions remember recurring texts: use one per output)
 *
 * @example
 * ```ts
 * const json = findingTextFormat('json', 'zh');
 * json.open({ asOf: '2025-12-31', profile: 'national', summary }, false) + json.close(report, false);
 * //=> '{"asOf":"2025-12-31","profile":"national","summary":{…},"findings":[]\n}\n'
 * ```
 */
export function findingTextFormat(format: 'json' | 'ndjson' | 'csv', lang: 'zh' | 'en'): FindingTextFormat {
  if (format === 'csv') {
    return {
      text: createFindingCsvLine(lang),
      // The column model's byte writer: the same cells, masked, guarded and quoted alike (a test holds the two equal).
      bytes: createCsvByteLine(FINDING_MODEL, lang),
      sourceTail: findingCsvSourceTail,
      separator: '',
      open: () => findingsCsvHeader(),
      close: () => '',
    };
  }
  const serialize = createFindingJsonText();
  const write = createJsonByteWriter({ constantKeys: FINDING_CONSTANT_KEYS });
  if (format === 'ndjson') {
    return {
      text: (finding) => `${serialize(finding)}\n`,
      bytes: (finding, out) => {
        write(finding, out);
        out.reserve(1);
        out.byte(0x0a);
      },
      sourceTail: (source) => `${findingJsonSourceTail(source)}\n`,
      separator: '',
      open: () => '',
      close: (report) => validationNdjsonLastLine(report),
    };
  }
  return {
    text: serialize,
    bytes: write,
    sourceTail: findingJsonSourceTail,
    separator: ',\n',
    open: (report, any) => `${validationJsonHead(report)}${any ? '[\n' : '[]\n'}`,
    close: (_report, any) => (any ? '\n]\n}\n' : '}\n'),
  };
}
