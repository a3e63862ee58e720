/**
 * fast-check arbitraries for shequ's codes and records, so that you can property-test your own code with them.
 * Requires `fast-check` (an optional peer dependency): `npm i -D fast-check`.
 *
 * @module shequ/testing
 */
export {
  creditCodeArbitrary,
  creditCodeCharacterArbitrary,
  divisionCodeArbitrary,
  idNumberArbitrary,
  villageCodeArbitrary,
} from './codes.js';
export {
  datasetArbitrary,
  facilityArbitrary,
  unitArbitrary,
  volunteerArbitrary,
  workerArbitrary,
} from './model.js';
export { statisticsRowArbitrary, unitStatisticsArbitrary } from './statistics.js';
