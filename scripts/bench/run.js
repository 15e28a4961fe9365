/* eslint-disable no-undef */
require("./tsHook");

/* `npm run bench`: every benchmark, one table, written to docs/BENCHMARKS.md. */

require("./bench.ts")
  .main()
  .then((failed) => {
    process.exitCode = failed ? 1 : 0;
  })
  .catch((e) => {
    console.error(e);
    process.exitCode = 2;
  });
