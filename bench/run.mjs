// npm run bench [-- --quick]: every benchmark of the suite. Quick mode (CI) uses small inputs and asserts nothing
// about time: it only proves that each benchmark still runs.
import { benchCli } from './cli.bench.mjs';
import { benchCodes } from './codes.bench.mjs';
import { benchCompare } from './compare.bench.mjs';
import { benchGeo } from './geo.bench.mjs';
import { benchIndicators } from './indicators.bench.mjs';
import { benchIo } from './io.bench.mjs';
import { benchJobs } from './jobs.bench.mjs';
import { benchScale } from './scale.bench.mjs';
import { benchStandards } from './standards.bench.mjs';
import { benchWriters } from './writers.bench.mjs';

const quick = process.argv.includes('--quick');
console.log(`shequ benchmarks${quick ? ' (quick mode)' : ''} — node ${process.version}, ${process.arch}`);
await benchCodes({ quick });
await benchIndicators({ quick });
await benchStandards({ quick });
await benchIo({ quick });
await benchCli({ quick });
await benchScale({ quick });
await benchCompare({ quick });
await benchJobs({ quick });
await benchWriters({ quick });
await benchGeo({ quick });
