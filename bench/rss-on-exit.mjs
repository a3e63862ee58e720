// Preloaded with `node --import` to report a process's peak resident memory and its CPU time (user + system, the
// whole process from its start) when it exits: CPU time is what a shared machine still measures fairly. `--import`
// is preloaded into worker threads too, and a worker's own `exit` comes first: only the main thread reports (a
// worker's report, read first, gave the figures of the moment it ended — before session 6's fix, the two-thread rows
// of the benches under-reported CPU and peak RSS).
import { isMainThread } from 'node:worker_threads';

if (isMainThread)
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    process.stderr.write(
      `\nSHEQU_MAX_RSS_MB=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\nSHEQU_CPU_MS=${((user + system) / 1000).toFixed(1)}\n`,
    );
  });
