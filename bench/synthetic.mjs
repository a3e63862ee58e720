// A seeded generator of realistic statistics rows at national scale: 31 provinces, real-shaped 12-digit codes
// (Beijing and Hebei from the shipped 2023 lists, generated codes elsewhere), plausible measures.
import { beijingDivisions } from 'shequ/divisions/beijing';
import { hebeiDivisions } from 'shequ/divisions/hebei';
import { MAINLAND_PROVINCES, seededRandom } from './random.mjs';

const PROVINCES = MAINLAND_PROVINCES;

function realUnits(dataset) {
  const out = [];
  for (const [code, record] of dataset.divisions) {
    const segment = Number(code.slice(9));
    if (segment === 0 || segment >= 400) continue;
    out.push({ code, name: record.name, kind: segment < 200 ? 'community' : 'village' });
  }
  return out;
}

function* generatedUnits(province, count, random) {
  let made = 0;
  for (let prefecture = 1; made < count; prefecture++) {
    for (let county = 1; county <= 20 && made < count; county++) {
      for (let township = 1; township <= 15 && made < count; township++) {
        const townshipCode = township <= 5 ? township : 100 + township;
        const units = 8 + Math.floor(random() * 20);
        for (let unit = 1; unit <= units && made < count; unit++) {
          const community = townshipCode < 100 || random() < 0.15;
          const segment = community ? unit : 200 + unit;
          const code = `${province}${String(prefecture).padStart(2, '0')}${String(county).padStart(2, '0')}${String(townshipCode).padStart(3, '0')}${String(segment).padStart(3, '0')}`;
          yield { code, kind: community ? 'community' : 'village' };
          made++;
        }
      }
    }
  }
}

/** One row with every key present (`undefined` where the input is missing): one hidden class for all rows. */
function measures(unit, random) {
  const community = unit.kind === 'community';
  const households = community ? 400 + Math.floor(random() * 3000) : 80 + Math.floor(random() * 900);
  const residents = Math.round(households * (2.2 + random()));
  const hasFacility = random() < (community ? 0.98 : 0.8);
  const facilityArea = hasFacility ? Math.round(households * (15 + random() * 30)) / 100 : undefined;
  const activityArea =
    facilityArea === undefined ? undefined : Math.round(facilityArea * (40 + random() * 40)) / 100;
  const newlyBuilt = community && random() < 0.05;
  const totalFloorArea = newlyBuilt ? households * 90 : undefined;
  return {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    households: random() < 0.02 ? undefined : households, // missing inputs happen
    residents,
    hasFacility,
    facilityArea,
    activityArea,
    newlyBuilt,
    totalFloorArea,
    commercialServiceArea:
      totalFloorArea === undefined ? undefined : Math.round(totalFloorArea * (5 + random() * 10)) / 100,
    selfServiceTerminal: random() < (community ? 0.85 : 0.4),
    communityWorkers: community ? 3 + Math.floor(random() * 12) : 3 + Math.floor(random() * 4),
    disasterOfficers: random() < 0.93 ? 1 : 0,
    secretaryIsDirector: random() < 0.76,
    has5g: random() < 0.85,
  };
}

/**
 * The rows of {@link syntheticUnits} one at a time, for files too large to hold in memory (3 000 000 rows): the same
 * rows in the same order for the same count and seed.
 */
export function* syntheticUnitStream(count = 620_000, seed = 620) {
  const random = seededRandom(seed);
  const real = [...realUnits(beijingDivisions), ...realUnits(hebeiDivisions)];
  let made = 0;
  for (const unit of real) {
    if (made >= count) break;
    made++;
    yield measures(unit, random);
  }
  const others = PROVINCES.filter((p) => p !== '11' && p !== '13');
  const perProvince = Math.ceil((count - made) / others.length);
  for (const province of others) {
    for (const unit of generatedUnits(province, Math.min(perProvince, count - made), random)) {
      made++;
      yield measures(unit, random);
    }
  }
}

/**
 * `count` rows (default 620 000) for a seed; `badShare` of them get a bad cell (for reader benchmarks).
 * Beijing and Hebei units are the real ones; the other 29 provinces share the rest evenly.
 */
export function syntheticUnits(count = 620_000, seed = 620) {
  const rows = [];
  for (const row of syntheticUnitStream(count, seed)) rows.push(row);
  return rows;
}
