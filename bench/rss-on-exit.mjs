// Preloaded with `node --import` to report a process's peak resident memory and its CPU time (user + system, the
// whole process from its start) when it exits: CPU time is what a shared machine still measures fairly.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(
    `\nSHEQU_MAX_RSS_MB=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\nSHEQU_CPU_MS=${((user + system) / 1000).toFixed(1)}\n`,
  );
});
