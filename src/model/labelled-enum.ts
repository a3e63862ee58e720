import * as z from 'zod';
import type { LocalizedText } from '../core/issue.js';

/** A zod enum of the keys of a label table, so that every value has a Chinese and an English label by construction. */
export function enumOf<Key extends string>(labels: Readonly<Record<Key, LocalizedText>>): z.ZodType<Key> {
  return z.enum(Object.keys(labels) as [Key, ...Key[]]);
}
