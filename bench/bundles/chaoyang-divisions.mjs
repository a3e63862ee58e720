import { chaoyangDivisions } from 'shequ/divisions/beijing/110105';

console.log(chaoyangDivisions);
