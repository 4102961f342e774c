// `npm run e2e`: the built task pane in headless Chromium against the fake Excel (test/e2e/).
// A config of its own, so plain `jest` (npm test) never launches a browser: its files end in
// .e2e.ts, which the main config's testMatch does not pick up.
const base = require("../../jest.config.js");

module.exports = {
  rootDir: "../..",
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: base.transform,
  globalSetup: "<rootDir>/test/e2e/globalSetup.js",
  // One browser, steps in order; a step may wait for a full segmentation run.
  maxWorkers: 1,
  testTimeout: 120_000,
  verbose: true,
};
