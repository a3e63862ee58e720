/** The one escapeHtml of the CLI's HTML pages (report, circle): the report layer's. */
export { escapeHtml } from '../report/html/escape.js';
