// Mixed valid and invalid ID numbers and credit codes for the code benchmarks.
import { creditCodeCheckCharacter, idNumberCheckCharacter, organizationCodeCheckCharacter } from 'shequ';
import { MAINLAND_PROVINCES, seededRandom } from './random.mjs';

const PROVINCES = MAINLAND_PROVINCES;
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function digits(random, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(random() * 10);
  return s;
}

function birthDate(random) {
  const year = 1930 + Math.floor(random() * 90);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/** ID numbers: 50 % valid (some with lower-case x), 20 % wrong check, 10 % bad date, 10 % bad format, 10 % 15-digit. */
export function idNumberInputs(count, seed = 11) {
  const random = seededRandom(seed);
  const out = new Array(count);
  for (let i = 0; i < count; i++) {
    const province = PROVINCES[Math.floor(random() * PROVINCES.length)];
    const first17 = `${province}${digits(random, 4)}${birthDate(random)}${digits(random, 3)}`;
    const check = idNumberCheckCharacter(first17);
    const kind = random();
    if (kind < 0.5) out[i] = check === 'X' && random() < 0.5 ? `${first17}x` : first17 + check;
    else if (kind < 0.7) out[i] = first17 + (check === '0' ? '1' : '0');
    else if (kind < 0.8) out[i] = `${first17.slice(0, 10)}13${first17.slice(12)}${check}`;
    else if (kind < 0.9) out[i] = `${first17.slice(0, 9)}A${first17.slice(10)}${check}`;
    else out[i] = `${first17.slice(0, 6)}${first17.slice(8, 17)}`;
  }
  return out;
}

/** Credit codes: 50 % valid, 25 % wrong check, 15 % a character outside the alphabet, 10 % wrong length. */
export function creditCodeInputs(count, seed = 13) {
  const random = seededRandom(seed);
  const prefixes = ['91', '92', '93', '51', '52', '53', '11', '12', 'N2'];
  const out = new Array(count);
  for (let i = 0; i < count; i++) {
    let body = '';
    for (let j = 0; j < 8; j++) body += ALPHABET[Math.floor(random() * ALPHABET.length)];
    const prefix = prefixes[Math.floor(random() * prefixes.length)];
    const first17 = `${prefix}${PROVINCES[Math.floor(random() * PROVINCES.length)]}${digits(random, 4)}${body}${organizationCodeCheckCharacter(body)}`;
    const check = creditCodeCheckCharacter(first17);
    const kind = random();
    if (kind < 0.5) out[i] = first17 + check;
    else if (kind < 0.75) out[i] = first17 + (check === '0' ? '1' : '0');
    else if (kind < 0.9) out[i] = `${first17.slice(0, 10)}I${first17.slice(11)}${check}`;
    else out[i] = first17;
  }
  return out;
}
