/* eslint-disable no-undef */
/*
 * Preloaded (`node -r`) into each process the start-up benchmark runs: at exit it writes the
 * process's CPU time (user + system, all threads, in ms) to file descriptor 3, which the
 * benchmark reads. Every measured command, `node -e 0` included, carries this same hook.
 */
process.on("exit", () => {
  const u = process.cpuUsage();
  require("node:fs").writeSync(3, `${(u.user + u.system) / 1000}\n`);
});
