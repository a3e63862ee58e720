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
  /** The items, or how many there are and how to fetch a page of them (from the worker, which keeps them). */
  readonly items:
    | readonly T[]
    | { readonly total: number; readonly page: (start: number, count: number) => Promise<readonly T[]> };
  /** The cells of one item, as HTML (already escaped). */
  readonly cells: (item: T) => readonly string[];
  readonly id: string;
}

function pageOf<T>(items: PagedTable<T>['items'], start: number): Promise<readonly T[]> | readonly T[] {
  return Array.isArray(items)
    ? (items as readonly T[]).slice(start, start + PAGE_SIZE)
    : (items as Exclude<PagedTable<T>['items'], readonly T[]>).page(start, PAGE_SIZE);
}

/** Renders page `page` (0-based) of a table into `host`, with its pager. */
export async function renderPaged<T>(
  host: HTMLElement,
  table: PagedTable<T>,
  lang: Lang,
  page = 0,
): Promise<void> {
  const total = Array.isArray(table.items) ? table.items.length : (table.items as { total: number }).total;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const items = await pageOf(table.items, current * PAGE_SIZE);
  const body = items.map(
    (item) =>
      `<tr>${table
        .cells(item)
        .map((cell) => `<td>${cell}</td>`)
        .join('')}</tr>`,
  );
  const pager =
    pages <= 1
      ? ''
      : `<div class="pager"><button type="button" data-page="${current - 1}" ${current === 0 ? 'disabled' : ''}>${escapeXml(word('previous', lang))}</button><span class="page-info">${escapeXml(word('page', lang, { p: current + 1, n: pages, c: formatNumber(total, lang) }))}</span><button type="button" data-page="${current + 1}" ${current === pages - 1 ? 'disabled' : ''}>${escapeXml(word('next', lang))}</button></div>`;
  host.innerHTML = `<table id="${table.id}"><thead><tr>${table.header.map((h) => `<th scope="col">${escapeXml(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>${pager}`;
  for (const button of Array.from(host.querySelectorAll<HTMLButtonElement>('.pager button')))
    button.addEventListener('click', () => void renderPaged(host, table, lang, Number(button.dataset.page)));
}
