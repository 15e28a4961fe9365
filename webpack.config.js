/* eslint-disable no-undef */
require("./scripts/ajv-peer-shim");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DutchFunctionsPlugin } = require("./scripts/functions-nl");

/*
 * One page, taskpane.html, is the shared runtime: office.js (copied from the npm package, never
 * a CDN), then runtime.js (the UP.* functions and the ribbon command), then the pane as a lazy
 * chunk. Set UP_BASE_URL to publish the manifest for a server other than https://localhost:3000/.
 */

const DEV_URL = "https://localhost:3000/";

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const baseUrl = process.env.UP_BASE_URL || DEV_URL;
  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      runtime: "./src/runtime/runtime.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`; ES modules here let webpack split the pane off.
              transpileOnly: true,
              compilerOptions: { module: "esnext", sourceMap: dev },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new DutchFunctionsPlugin({ input: "functions.json", output: "functions.nl.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["runtime"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              dev ? content : content.toString().split(DEV_URL).join(baseUrl),
          },
          {
            // Thousands of files: already minified, so Terser must not touch them.
            from: "node_modules/@microsoft/office-js/dist",
            to: "office",
            info: { minimized: true },
            globOptions: { ignore: ["**/*.debug.js", "**/office-vsdoc.js"] },
          },
        ],
      }),
    ],
  };
  if (serving) {
    const devCerts = require("office-addin-dev-certs");
    config.devServer = {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
      static: false,
      hot: false,
    };
  }
  return config;
};
