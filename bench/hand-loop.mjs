// The hand-written reference for the national seven indicators, shared by the in-memory benchmark
// (indicators.bench.mjs) and the from-file one (loop-child.mjs): per-township sums, roll-up to the region levels,
// ratio and rounding — written as plainly as possible, independently of the library's engine.

/** Numbers kept per township: [numerator, denominator, missing] for each of the 7 national indicators. */
export const SUMS_PER_TOWNSHIP = 21;

/** The national indicators in profile order (the order of the sums). */
export const NATIONAL_INDICATORS = [
  'ruralFacilityCoverage',
  'urbanFacilityCoverage',
  'newCommercialServiceAreaShare',
  'facilityAreaPer100Households',
  'activityAreaShare',
  'urbanSelfServiceCoverage',
  'workersPer10kUrbanResidents',
];

/**
 * value = numerator sum × factor / denominator sum, on the raw sums (areas in hundredths of a m²): coverages × 100
 * (percent); area shares × 100 (hundredths over hundredths); m² per 100 households × 100 / 100 (the numerator is in
 * hundredths) = × 1; workers per 10 000 residents × 10 000.
 */
export const NATIONAL_FACTORS = [100, 100, 100, 1, 100, 100, 10_000];

/** Adds one unit (a statistics row as the library reads it) to its township's sums `s`. */
export function addUnit(s, row) {
  const community = row.kind === 'community';
  const has = row.hasFacility;
  if (!community) {
    if (has === undefined) s[2]++;
    else {
      s[0] += has ? 1 : 0;
      s[1]++;
    }
  } else {
    if (has === undefined) s[5]++;
    else {
      s[3] += has ? 1 : 0;
      s[4]++;
    }
  }
  if (row.newlyBuilt === undefined) s[8]++;
  else if (row.newlyBuilt) {
    if (row.commercialServiceArea === undefined || row.totalFloorArea === undefined) s[8]++;
    else {
      s[6] += Math.round(row.commercialServiceArea * 100);
      s[7] += Math.round(row.totalFloorArea * 100);
    }
  }
  const area = has === false ? 0 : row.facilityArea;
  if (area === undefined || row.households === undefined) s[11]++;
  else {
    s[9] += Math.round(area * 100);
    s[10] += row.households;
  }
  const activity = has === false ? 0 : row.activityArea;
  if (activity === undefined || area === undefined) s[14]++;
  else {
    s[12] += Math.round(activity * 100);
    s[13] += Math.round(area * 100);
  }
  if (community) {
    if (row.selfServiceTerminal === undefined) s[17]++;
    else {
      s[15] += row.selfServiceTerminal ? 1 : 0;
      s[16]++;
    }
    if (row.communityWorkers === undefined || row.residents === undefined) s[20]++;
    else {
      s[18] += row.communityWorkers;
      s[19] += row.residents;
    }
  }
}

/** The sums of the township with 9-digit key `key`, created on first use. */
export function townshipSums(townships, key) {
  let s = townships.get(key);
  if (s === undefined) {
    s = new Float64Array(SUMS_PER_TOWNSHIP);
    townships.set(key, s);
  }
  return s;
}

/** The national seven's sums per township (9-digit code → sums), written as plainly as possible. */
export function handWrittenLoop(rows) {
  const townships = new Map();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    addUnit(townshipSums(townships, row.code.slice(0, 9)), row);
  }
  return townships;
}

/** Digits of each level's code prefix. */
export const LEVEL_DIGITS = { province: 2, prefecture: 4, county: 6, township: 9 };

/** Township sums rolled up to every level: level → 12-digit region code → sums. */
export function rollUpTownships(townships) {
  const levels = {};
  for (const [level, digits] of Object.entries(LEVEL_DIGITS)) {
    const regions = new Map();
    for (const [key, s] of townships) {
      const code = key.slice(0, digits).padEnd(12, '0');
      let total = regions.get(code);
      if (total === undefined) {
        total = new Float64Array(SUMS_PER_TOWNSHIP);
        regions.set(code, total);
      }
      for (let i = 0; i < SUMS_PER_TOWNSHIP; i++) total[i] += s[i];
    }
    levels[level] = regions;
  }
  return levels;
}

/**
 * n × factor / d rounded half-up to one decimal, exactly (integer arithmetic; BigInt past 2^53); null when d is 0.
 * Half-up of x/10 with x = 10·n·factor/d is floor((2·10·n·factor + d) / (2·d)) / 10.
 */
export function halfUpOneDecimal(n, factor, d) {
  if (d === 0) return null;
  const twice = 20 * n * factor + d;
  const divisor = 2 * d;
  if (twice + divisor <= Number.MAX_SAFE_INTEGER) {
    let q = Math.floor(twice / divisor);
    // The float division may land one off near an integer: correct with the exact remainder.
    if (q * divisor > twice) q--;
    else if ((q + 1) * divisor <= twice) q++;
    return q / 10;
  }
  return Number((20n * BigInt(n) * BigInt(factor) + BigInt(d)) / (2n * BigInt(d))) / 10;
}

/** The seven values of one region's sums (null where the denominator is 0). */
export function nationalValues(s) {
  return NATIONAL_FACTORS.map((factor, i) => halfUpOneDecimal(s[i * 3], factor, s[i * 3 + 1]));
}
