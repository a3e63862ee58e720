import { parseUnitStatistics } from 'shequ/model';

console.log(parseUnitStatistics);
