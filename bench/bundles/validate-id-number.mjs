import { validateIdNumber } from 'shequ/codes';

console.log(validateIdNumber);
