// Streams one CSV file through the reader and an indicator accumulator, then prints time and peak RSS as JSON.
import { createIndicatorAccumulator } from 'shequ';
import { streamUnitStatisticsFile } from 'shequ/io/node';

const started = performance.now();
const accumulator = createIndicatorAccumulator();
let accepted = 0;
for await (const event of streamUnitStatisticsFile(process.argv[2])) {
  if (event.kind === 'row') {
    accepted++;
    accumulator.add(event.accepted.row);
  }
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, accepted, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
