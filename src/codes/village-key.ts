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

/**
 * The level index (0 province, 1 prefecture, 2 county, 3 township, 4 village) of a structurally valid 12-digit
 * division code, or -1 when it is not one (as `parseDivisionCode` decides, without allocating): the province exists,
 * and every segment above the deepest non-zero one is non-zero.
 */
export function divisionLevelIndex(code: unknown): number {
  if (typeof code !== 'string' || code.length !== 12) return -1;
  let province = 0;
  let deepest = 0;
  let zeroAbove = false;
  for (let level = 0; level < 5; level++) {
    let value = 0;
    for (let at = SEGMENT_STARTS[level] as number; at < (SEGMENT_STARTS[level + 1] as number); at++) {
      const c = code.charCodeAt(at) - 48;
      if (c < 0 || c > 9) return -1;
      value = value * 10 + c;
    }
    if (level === 0) province = value;
    else if (value !== 0) {
      if (zeroAbove) return -1; // a non-zero segment under a zero one
      deepest = level;
    } else zeroAbove = true;
  }
  return PROVINCE[province] === 1 ? deepest : -1;
}

const SEGMENT_STARTS = [0, 2, 4, 6, 9, 12] as const;

/**
 * The accumulator's slot key of a row's code, by its level: the 9-digit township key of a village- or township-level
 * code, the county's 6 digits followed by 000 for a county-level code (a district's own slot, which no township
 * shares), or -1.
 */
export function slotKeyOfCode(code: unknown): number {
  const level = divisionLevelIndex(code);
  if (level < 2) return -1;
  const key = Number((code as string).slice(0, 9));
  return level === 2 ? key - (key % 1000) : key;
}

/**
 * Whether a number is a slot key `slotKeyOfCode` can give: the 9-digit key of a township-level code, or a county's 6
 * digits followed by 000 (what `parseIndicatorParts` accepts as a township code, without building the string).
 */
export function isSlotKey(key: number): boolean {
  if (!Number.isInteger(key) || key < 0 || key > 999_999_999) return false;
  const prefecture = Math.floor(key / 1e5) % 100;
  const county = Math.floor(key / 1e3) % 100;
  return PROVINCE[Math.floor(key / 1e7)] === 1 && prefecture !== 0 && county !== 0;
}
