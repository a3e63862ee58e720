/**
 * The jobs, from a source to results: read a statistics sheet (CSV in any encoding, .xlsx, a `File`, a stream) in
 * batches and compute its indicators or validate it, with progress and cancellation. The command line, the worker
 * threads and the browser page run these, and so can your scripts. Works in browsers.
 *
 * @module shequ/pipeline
 */
export type { IndicatorsFromSource, IndicatorsFromSourceOptions } from './indicators.js';
export { computeIndicatorsFromSource } from './indicators.js';
export type { JobInput, JobOptions, JobProgress } from './job.js';
export { readSource } from './job.js';
export type { SheetReadOptions, SheetSource } from './source.js';
export type {
  StreamedValidation,
  ValidatedSource,
  ValidateSourceOptions,
  ValidateSourceStreamingOptions,
} from './validate.js';
export { validateSource, validateSourceStreaming } from './validate.js';
