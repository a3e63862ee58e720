/**
 * A paged table: every item is reachable (first, previous, next, last page), only one page is in the DOM, so a
 * list of 600 000 rejected rows or findings costs what 100 rows cost.
 */
import { escapeXml } from './charts.js';
import { formatNumber, word } from './i18n.js';
import type { Lang } from './protocol.js';

export const PAGE_SIZE = 100;

export interface PagedTable<T> {
  readonly header: readonly string[];
  readonly items: readonly T[];
  /** The cells of one item, as HTML (already escaped). */
  readonly cells: (item: T) => readonly string[];
  readonly id: string;
}

/** Renders page `page` (0-based) of a table into `host`, with its pager. */
export function renderPaged<T>(host: HTMLElement, table: PagedTable<T>, lang: Lang, page = 0): void {
  const pages = Math.max(1, Math.ceil(table.items.length / PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const start = current * PAGE_SIZE;
  const body: string[] = [];
  for (let i = start; i < Math.min(table.items.length, start + PAGE_SIZE); i++) {
    const item = table.items[i] as T;
    body.push(
      `<tr>${table
        .cells(item)
        .map((cell) => `<td>${cell}</td>`)
        .join('')}</tr>`,
    );
  }
  const pager =
    pages <= 1
      ? ''
      : `<div class="pager"><button type="button" data-page="${current - 1}" ${current === 0 ? 'disabled' : ''}>${escapeXml(word('previous', lang))}</button><span class="page-info">${escapeXml(word('page', lang, { p: current + 1, n: pages, c: formatNumber(table.items.length, lang) }))}</span><button type="button" data-page="${current + 1}" ${current === pages - 1 ? 'disabled' : ''}>${escapeXml(word('next', lang))}</button></div>`;
  host.innerHTML = `<table id="${table.id}"><thead><tr>${table.header.map((h) => `<th scope="col">${escapeXml(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>${pager}`;
  for (const button of Array.from(host.querySelectorAll<HTMLButtonElement>('.pager button')))
    button.addEventListener('click', () => renderPaged(host, table, lang, Number(button.dataset.page)));
}
