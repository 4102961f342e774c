// Before the end-to-end run: check that `npm run build` ran, bundle the fake Office.js
// (webpack.fake.config.js) into test-output/e2e/, and remove the screenshots of the last run.
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const config = require("./webpack.fake.config.js");

const root = path.resolve(__dirname, "../..");
const output = path.join(root, "test-output/e2e");

module.exports = async function globalSetup() {
  // E2E_DIST: test another build's output folder instead of dist/.
  const dist = path.resolve(root, process.env.E2E_DIST || "dist");
  for (const file of ["taskpane.html", "taskpane.js", "functions.js", "functions.json"]) {
    if (!fs.existsSync(path.join(dist, file))) {
      throw new Error(`${path.join(dist, file)} is missing: run \`npm run build\` before \`npm run e2e\`.`);
    }
  }
  warnIfStale(dist);
  fs.mkdirSync(output, { recursive: true });
  for (const name of fs.readdirSync(output)) {
    if (name.endsWith(".png")) fs.rmSync(path.join(output, name));
  }
  const stats = await new Promise((resolve, reject) =>
    webpack(config, (error, result) => (error ? reject(error) : resolve(result))),
  );
  if (stats.hasErrors()) {
    throw new Error(`Bundling the fake Office.js failed:\n${stats.toString("errors-only")}`);
  }
};

/** The newest modification time of the files under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : fs.statSync(file).mtimeMs);
  }
  return latest;
}

/** The run tests the build, not the sources: say so when src/ changed after the last build. */
function warnIfStale(dist) {
  const built = fs.statSync(path.join(dist, "taskpane.js")).mtimeMs;
  if (newest(path.join(root, "src")) > built) {
    process.stdout.write(
      `\ne2e: ${path.relative(root, dist) || dist} is older than src/; run \`npm run build\` to test the current code.\n`,
    );
  }
}
