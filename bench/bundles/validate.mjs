import { validate } from 'shequ';

console.log(validate);
