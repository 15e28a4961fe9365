/* global require, module */
/*
 * <link rel="preload" as="script"> in taskpane.html for the files of a named chunk group (the
 * pane's lazy import), so that the browser fetches them while office.js loads and runs, not
 * only when runtime.js asks for them after Office.onReady. The page places the head tags
 * before office.js (src/taskpane/taskpane.html); runtime.js keeps its `defer`, so it still runs
 * after office.js.
 */
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { WebpackError } = require("webpack");

const NAME = "PreloadChunksPlugin";

class PreloadChunksPlugin {
  /** @param {{ group: string }} options the webpackChunkName of the import to preload */
  constructor(options) {
    this.group = options.group;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (data) => {
        const group = compilation.namedChunkGroups.get(this.group);
        if (!group) {
          compilation.errors.push(new WebpackError(`${NAME}: no chunk group '${this.group}'`));
          return data;
        }
        const links = group
          .getFiles()
          .filter((file) => file.endsWith(".js"))
          .map((file) =>
            HtmlWebpackPlugin.createHtmlTagObject("link", {
              rel: "preload",
              as: "script",
              href: `${data.publicPath}${file}`,
            })
          );
        data.headTags.unshift(...links);
        return data;
      });
    });
  }
}

module.exports = { PreloadChunksPlugin };
