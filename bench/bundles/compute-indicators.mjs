import { computeIndicators } from 'shequ/indicators';

console.log(computeIndicators);
