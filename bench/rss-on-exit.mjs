// Preloaded with `node --import` to report a process's peak resident memory when it exits.
process.on('exit', () => {
  process.stderr.write(`\nSHEQU_MAX_RSS_MB=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}\n`);
});
