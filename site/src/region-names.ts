/**
 * Build-time only (run by scripts/build-site.cjs in Node): the names of the regions — province to township, not the
 * 社区/村 — of the shipped Beijing and Hebei lists, so that the page names regions as the command does without
 * carrying the 2.5 MB village-level lists.
 */
import { beijingDivisions } from '../../src/divisions/beijing.js';
import { hebeiDivisions } from '../../src/divisions/hebei.js';

export function regionNames(): { code: string; name: string }[] {
  const out: { code: string; name: string }[] = [];
  for (const list of [hebeiDivisions, beijingDivisions])
    for (const [code, record] of list.divisions)
      if (code.endsWith('000')) out.push({ code, name: record.name });
  return out;
}
