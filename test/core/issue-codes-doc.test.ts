import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ISSUE_CODES } from '../../src/index.js';

it('docs/issue-codes.md lists every issue code with its titles, and no other', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'issue-codes.md'), 'utf8');
  const rows = doc.matchAll(/^\|\s*`([a-z_]+)`\s*\|([^|]+)\|([^|]+)\|/gm);
  const listed = [...rows].map((m) => [m[1], m[2]?.trim(), m[3]?.trim()]);
  expect(listed).toEqual(Object.entries(ISSUE_CODES).map(([code, title]) => [code, title.zh, title.en]));
});
