/*
 * The install has ajv 6 at the top of node_modules (for eslint) while ajv-keywords 5, which
 * schema-utils 4 uses to validate the options of copy-webpack-plugin and webpack-dev-server,
 * needs ajv 8 as a peer: with legacy-peer-deps npm does not install it for them. Until
 * package.json lists "ajv": "^8" itself, point ajv-keywords at schema-utils' own ajv 8.
 * Does nothing when the top-level ajv is already 8.
 */
const Module = require("node:module");
const path = require("node:path");

function version(id, from) {
  try {
    return require(require.resolve(`${id}/package.json`, { paths: [from] })).version;
  } catch {
    return undefined;
  }
}

const root = path.join(__dirname, "..");
const schemaUtils = path.dirname(require.resolve("schema-utils/package.json", { paths: [root] }));
const topAjv = version("ajv", root);
const ownAjv = version("ajv", schemaUtils);

if (topAjv && topAjv.startsWith("6.") && ownAjv && ownAjv.startsWith("8.")) {
  const resolve = Module._resolveFilename;
  const keywords = `${path.sep}node_modules${path.sep}ajv-keywords${path.sep}`;
  Module._resolveFilename = function (request, parent, ...rest) {
    if ((request === "ajv" || request.startsWith("ajv/")) && parent?.filename?.includes(keywords)) {
      return require.resolve(request, { paths: [schemaUtils] });
    }
    return resolve.call(this, request, parent, ...rest);
  };
}
