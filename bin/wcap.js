#!/usr/bin/env node
// The wcap command line: runs the compiled CLI in dist/cli (npm run build:cli).
"use strict";

let cli;
try {
  cli = require("../dist/cli/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("dist/cli")) {
    process.stderr.write("wcap: error: the command line is not built yet; run npm run build:cli first.\n");
    process.exit(1);
  }
  throw error;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
