/* global require, module */
/*
 * Marks the files of a named chunk as minified, so that Terser leaves them alone. The ExcelJS
 * chunk is ExcelJS's own minified single-file build: Terser took about a third of the
 * production build's CPU time on it, for half a percent of its size.
 */
const { Compilation } = require("webpack");

const NAME = "MinifiedChunkPlugin";

class MinifiedChunkPlugin {
  /** @param {{ chunk: string }} options the name of the chunk (a splitChunks cache group) */
  constructor(options) {
    this.chunk = options.chunk;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 },
        () => {
          for (const chunk of compilation.chunks) {
            if (chunk.name !== this.chunk) continue;
            for (const file of chunk.files) {
              compilation.updateAsset(file, (source) => source, { minimized: true });
            }
          }
        }
      );
    });
  }
}

module.exports = { MinifiedChunkPlugin };
