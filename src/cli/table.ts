/** The aligned terminal table lives in the report layer (its `table` format); re-exported for the CLI's own tables. */
export { displayWidth, formatTable } from '../report/text-table.js';
