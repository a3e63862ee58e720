import { shijiazhuangDivisions } from 'shequ/divisions/hebei/1301';

console.log(shijiazhuangDivisions);
