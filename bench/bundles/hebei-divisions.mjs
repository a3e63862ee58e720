import { hebeiDivisions } from 'shequ/divisions/hebei';

console.log(hebeiDivisions);
