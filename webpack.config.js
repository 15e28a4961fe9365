/* eslint-disable no-undef */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DefinePlugin } = require("webpack");
const { DutchFunctionsPlugin } = require("./scripts/functions-nl");
const { MinifiedChunkPlugin } = require("./scripts/minified-chunk");
const { PreloadChunksPlugin } = require("./scripts/preload-chunks");

/*
 * One page, taskpane.html, is the shared runtime: office.js, then runtime.js (the UP.* functions
 * and the ribbon command), then the pane as a lazy chunk. `npm run build -- --env host=https://their.host/up/`
 * publishes the manifest for that server (docs/DEPLOYMENT.md); without it the manifest keeps the
 * dev server, https://localhost:3000/. office.js is copied from the npm package into the build
 * (nothing loads from elsewhere, the tests run offline); `--env officejs=cdn` references
 * Microsoft's CDN instead, which AppSource requires.
 */

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const DEV_ORIGIN = "https://localhost:3000";

/**
 * The `--env host=` URL the add-in will be served from, with its trailing slash. Office loads
 * add-ins over HTTPS only, so anything else stops the build rather than giving IT a manifest
 * Office refuses.
 */
function hostUrl(value) {
  const host = typeof value === "string" ? value : "";
  const wrong = (why) => {
    const error = new Error(
      `--env host=${host}: ${why}, e.g. --env host=https://gemeente.example/up/`
    );
    // webpack-cli prints the stack; the message is all that helps.
    error.stack = `Error: ${error.message}`;
    return error;
  };
  let url;
  try {
    url = new URL(host);
  } catch {
    throw wrong("not an absolute URL");
  }
  if (url.protocol !== "https:") throw wrong("Office loads add-ins over https only");
  if (url.search || url.hash || url.username || url.password)
    throw wrong("a folder URL without query, fragment or user name is needed");
  if (url.hostname === "localhost")
    throw wrong("localhost is each user's own computer, not a server");
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** `--env officejs=`: "local" (the default, the copy in the build) or "cdn". */
function officeJsSource(value) {
  if (value === undefined || value === "local") return "local";
  if (value === "cdn") return "cdn";
  const error = new Error(
    `--env officejs=${value}: use officejs=cdn (Microsoft's CDN) or officejs=local`
  );
  error.stack = `Error: ${error.message}`;
  throw error;
}

/**
 * The office-addin-dev-certs certificate for https://localhost:3000. Generating it also tries
 * to trust its CA, which needs sudo; where that fails the certificate still serves (Excel then
 * needs the CA trusted by hand: npx office-addin-dev-certs install).
 */
async function httpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { cert: path.join(dir, "localhost.crt"), key: path.join(dir, "localhost.key") };
  const read = () => ({ cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) });
  if (fs.existsSync(files.cert) && fs.existsSync(files.key)) return read();
  try {
    return await require("office-addin-dev-certs").getHttpsServerOptions();
  } catch (e) {
    if (!fs.existsSync(files.cert)) throw e;
    console.warn(`Serving with an untrusted development certificate: ${e.message}`);
    return read();
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const host = env && env.host !== undefined ? hostUrl(env.host) : DEV_URL;
  const officeJs = officeJsSource(env && env.officejs);
  if (!dev && host === DEV_URL) {
    console.warn(
      "No --env host=…: the built manifest.xml points at the dev server https://localhost:3000/. " +
        "For a web server: npm run build -- --env host=https://their.host/up/"
    );
  }
  const config = {
    // package.json's browserslist: Safari 14 (Excel on older Macs) sets the floor for webpack's own code.
    target: "browserslist",
    devtool: dev ? "source-map" : false,
    entry: {
      runtime: "./src/runtime/runtime.ts",
      // The browser page reads a picked workbook in this Web Worker (src/taskpane/read).
      readWorker: "./src/taskpane/read/readWorker.ts",
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
        {
          // Dependencies newer than ES2021 are transpiled down for Safari 14 (scripts/es2021-loader.js).
          test: /\.[cm]?js$/,
          include: /node_modules/,
          use: path.resolve(__dirname, "scripts/es2021-loader.js"),
        },
      ],
    },
    performance: { hints: false },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // ExcelJS's single-file build, a chunk of its own, loaded when a file is opened.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/]/,
            name: "exceljs",
            chunks: "async",
            enforce: true,
          },
        },
      },
    },
    plugins: [
      new MinifiedChunkPlugin({ chunk: "exceljs" }),
      // Safari 14 has no Object.hasOwn (15.4); dependencies that call it get the ES5 equivalent.
      new DefinePlugin({
        "Object.hasOwn": "(function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); })",
      }),
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
        // The template places the tags itself: before office.js, so they load while it runs.
        inject: false,
        templateParameters: {
          officeJs: officeJs === "cdn" ? OFFICE_JS_CDN : "office/office.js",
          scriptSrc: officeJs === "cdn" ? `'self' ${new URL(OFFICE_JS_CDN).origin}` : "'self'",
        },
      }),
      new PreloadChunksPlugin({ group: "pane" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // Page and scripts use relative URLs; only the manifest names the host. AppDomain
            // is an origin, without the trailing slash.
            transform: (content) =>
              content
                .toString()
                .split(DEV_URL)
                .join(host)
                .split(DEV_ORIGIN)
                .join(new URL(host).origin),
          },
          ...(officeJs === "local"
            ? [
                {
                  // Thousands of files: already minified, so Terser must not touch them.
                  from: "node_modules/@microsoft/office-js/dist",
                  to: "office",
                  info: { minimized: true },
                  globOptions: { ignore: ["**/*.debug.js", "**/office-vsdoc.js"] },
                },
              ]
            : []),
        ],
      }),
    ],
  };
  if (serving) {
    config.devServer = {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await httpsOptions() },
      static: false,
      hot: false,
    };
  }
  return config;
};
