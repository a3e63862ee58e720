import { computeIndicators } from 'shequ';

console.log(computeIndicators);
