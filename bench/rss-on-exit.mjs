// Preloaded with `node --import` to report a process's peak resident memory and its CPU time (user + system, the
// whole process from its start) when it exits: CPU time is what a shared machine still measures fairly. `--import`
// is preloaded into worker threads too, and a worker's own `exit` comes first: only the main thread reports (a
// worker's report, read first, gave the figures of the moment it ended — before session 6's fix, the two-thread rows
// of the benches under-reported CPU and peak RSS).
//
// The peak is the process's own (`VmHWM` of /proc/self/status, Linux), not `process.resourceUsage().maxRSS`: Linux
// carries the high-water mark of the memory a process had before `exec` into `maxRSS`, and a child is forked from
// the bench itself, so `maxRSS` was never below the bench's own RSS at the spawn — the side-by-side bench, holding
// the 628 000-row outputs it had just cross-checked, reported 264–265 MB for the 3 000 000-row run of shequ in
// sessions 6 and 7, and once for DuckDB too (a parent of 343 MB: maxRSS 304 MB, VmHWM 39 MB for `node -e`).
import { readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/** The process's own peak resident memory in MiB: VmHWM where /proc has it, else maxRSS. */
function peakRssMiB() {
  try {
    const kib = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kib !== undefined) return Number(kib) / 1024;
  } catch {
    // not Linux: maxRSS
  }
  return process.resourceUsage().maxRSS / 1024;
}

if (isMainThread)
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    process.stderr.write(
      `\nSHEQU_MAX_RSS_MB=${peakRssMiB().toFixed(1)}\nSHEQU_CPU_MS=${((user + system) / 1000).toFixed(1)}\n`,
    );
  });
