import { PROVINCE_CODE_LIST } from './shared.js';

/** Province validity by number (0–99), for the hot loop. */
const PROVINCE = new Uint8Array(100);
for (const code of PROVINCE_CODE_LIST) PROVINCE[Number(code)] = 1;

/**
 * The township of a valid 12-digit village-level code as a number (its first 9 digits), or -1 when the code is not
 * one: the grouping key of the hot loop, computed without allocating.
 */
export function townshipKey(code: unknown): number {
  if (typeof code !== 'string' || code.length !== 12) return -1;
  let key = 0;
  for (let i = 0; i < 9; i++) {
    const c = code.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    key = key * 10 + c;
  }
  let village = 0;
  for (let i = 9; i < 12; i++) {
    const c = code.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    village = village * 10 + c;
  }
  // Village level needs every segment non-zero: province valid, prefecture, county, township, village ≠ 0.
  const province = Math.floor(key / 1e7);
  if (PROVINCE[province] !== 1 || Math.floor(key / 1e5) % 100 === 0 || Math.floor(key / 1e3) % 100 === 0)
    return -1;
  if (key % 1000 === 0 || village === 0) return -1;
  return key;
}
