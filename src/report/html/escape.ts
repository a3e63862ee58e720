/** Text as HTML text or attribute value: `& < > " '` escaped, every ID-shaped run masked. */
import { maskIdNumbersInText } from '../../core/mask.js';

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

/** A class name made safe (letters, digits, `-`, `_` and spaces only). */
export const htmlClass = (text: string): string => text.replace(/[^A-Za-z0-9 _-]/g, '');
