/** Text as HTML text or attribute value: `& < > " '` escaped, every ID-shaped run masked. */
import { maskIdNumbersInText } from '../../core/mask.js';
import { LONE_SURROGATE } from '../../io/xstring.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML (text or a quoted attribute value).
 *
 * @param text - the text
 * @returns the escaped text
 *
 * @example
 * ```ts
 * escapeHtml('<b title="x">&</b>');
 * //=> '&lt;b title=&quot;x&quot;&gt;&amp;&lt;/b&gt;'
 * ```
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] as string);

/** Escaped and masked: what every value written into a page goes through. */
export const htmlText = (text: string): string => escapeHtml(maskIdNumbersInText(text));

/**
 * A number as page text, masked as every value is: a figure whose digits are shaped like an ID number (an 18-digit
 * sum, a caller's own figure) loses its birth date, as `jsonNumberText` masks it in JSON. Numbers written side by
 * side with a separator between them (`low–high`) are masked as one text instead ({@link htmlText}), as the masker
 * reads them.
 *
 * @param value - the number
 * @returns its text, masked
 *
 * @example
 * ```ts
 * [htmlNumber(26.5), htmlNumber(110105194912310020)];
 * //=> ['26.5', '110105********0020']
 * ```
 */
export const htmlNumber = (value: number): string => htmlText(String(value));

/** A class name made safe (letters, digits, `-`, `_` and spaces only). */
export const htmlClass = (text: string): string => text.replace(/[^A-Za-z0-9 _-]/g, '');

/** Lone surrogates, which `encodeURIComponent` refuses (a URIError): written as U+FFFD. */
const LONE_SURROGATES = new RegExp(LONE_SURROGATE, 'g');

/**
 * A link to a file beside the page, by its relative path: each segment percent-encoded (so `#`, `?` and `%` in a name
 * stay part of it, not a fragment or a query), `\` read as a separator (a Windows path), text masked and escaped.
 *
 * @param file - the path, relative to the page
 * @returns the `<a>` element
 *
 * @example
 * ```ts
 * fileLink('out\\r#1.csv');
 * //=> '<a href="out/r%231.csv">out\\r#1.csv</a>'
 * ```
 */
export function fileLink(file: string): string {
  const href = file
    .replace(LONE_SURROGATES, '\ufffd')
    .split(/[/\\]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return `<a href="${htmlText(href)}">${htmlText(file)}</a>`;
}
