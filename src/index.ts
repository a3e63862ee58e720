/**
 * shequ (社区): the domain model, indicators and standards of China's urban-rural community service system
 * (城乡社区服务体系). The root re-exports every module's public API; the subpaths (`shequ/codes`, `shequ/model`,
 * `shequ/indicators`, `shequ/standards`, `shequ/io`, `shequ/report`) let a bundler keep only what is used. Reference data lives on
 * `shequ/divisions/*` and test helpers on `shequ/testing`.
 *
 * @example
 * ```ts
 * import { validateIdNumber, parseDivisionCode } from 'shequ';
 * validateIdNumber('11010519491231002X').success;
 * //=> true
 * parseDivisionCode('130102001001').data?.level;
 * //=> 'village'
 * ```
 *
 * @module shequ
 */
export * from './codes/index.js';
export * from './core/index.js';
export * from './indicators/index.js';
export * from './io/index.js';
export * from './model/index.js';
export * from './report/index.js';
// The result tables are the report layer's (shequ/io keeps deprecated aliases of these four: named here, they win).
export {
  findingsTable,
  findingsToCsv,
  indicatorRowsTable,
  indicatorRowsToCsv,
} from './report/index.js';
export * from './standards/index.js';
