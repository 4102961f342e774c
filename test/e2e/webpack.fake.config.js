// The fake Office.js for the end-to-end run (test/e2e/fakeOffice.ts) as one browser script, served
// by the e2e test in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js.
//   npx webpack --config test/e2e/webpack.fake.config.js
const path = require("path");

const root = path.resolve(__dirname, "../..");

module.exports = {
  mode: "development",
  // No eval() wrappers: the page's stack traces point at real lines of the bundle.
  devtool: "inline-source-map",
  target: ["web", "es2020"],
  context: root,
  entry: { "fake-office": "./test/e2e/fakeOffice.ts" },
  output: {
    path: path.join(root, "test-output/e2e"),
    filename: "[name].js",
    // A classic script (like office.js), not a module: the globals must exist before the next script tag.
    iife: true,
  },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        // Type checking is lint's job (tsc --noEmit covers test/); here only transpile.
        use: { loader: "ts-loader", options: { transpileOnly: true, onlyCompileBundledFiles: true } },
      },
    ],
  },
  performance: { hints: false },
};
