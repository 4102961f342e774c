// Builds two bundles into dist/: functions.js (the WCAP custom functions, no UI code, loadable in
// plain Node with a CustomFunctions stub) and taskpane.js (React + Fluent UI), plus functions.json
// generated from the JSDoc in src/functions/index.ts.
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_PORT = 3000;
const FUNCTIONS_SOURCE = "./src/functions/index.ts";
const METADATA_FILE = "functions.json";

/**
 * Post-build step for functions.json (DESIGN §2). The metadata generator cannot express the
 * top-level `allowErrorForDataTypeAny` flag, without which Excel never passes an error value into
 * an `any` parameter (it would short-circuit the whole call instead of erroring one output cell),
 * so it is added here. The step also fails the build when the metadata is empty: the generator
 * reports JSDoc errors as compilation errors (which fail webpack), but an input with no
 * @customfunction at all would otherwise silently ship an empty catalogue.
 */
class AllowErrorsForAnyPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AllowErrorsForAnyPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AllowErrorsForAnyPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(METADATA_FILE);
          if (!asset) {
            if (compilation.errors.length === 0) {
              compilation.errors.push(new webpack.WebpackError(`${METADATA_FILE} was not generated`));
            }
            return;
          }
          const metadata = JSON.parse(asset.source.source().toString());
          if (!Array.isArray(metadata.functions) || metadata.functions.length === 0) {
            compilation.errors.push(new webpack.WebpackError(`${METADATA_FILE} lists no functions`));
            return;
          }
          const json = JSON.stringify({ allowErrorForDataTypeAny: true, ...metadata }, null, 2);
          compilation.updateAsset(METADATA_FILE, new webpack.sources.RawSource(json));
        },
      );
    });
  }
}

async function httpsOptions() {
  // Dev certificates from `npx office-addin-dev-certs install` (~/.office-addin-dev-certs/).
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = process.argv.includes("serve");
  return {
    devtool: "source-map",
    target: ["web", "es2020"],
    entry: {
      functions: FUNCTIONS_SOURCE,
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // The functions bundle must also load in plain Node (tests, benchmarks), where `self` is absent.
      globalObject: "globalThis",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      // onlyCompileBundledFiles: type-check what ships, not every test file tsconfig includes.
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: { onlyCompileBundledFiles: true },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: METADATA_FILE }),
      new AllowErrorsForAnyPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: one page hosts the custom functions and the task pane.
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }] }),
    ],
    devServer: {
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await httpsOptions() } : undefined,
      static: { directory: path.resolve(__dirname, "dist") },
      hot: dev,
    },
  };
};
