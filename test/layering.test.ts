/**
 * The one-way imports of DESIGN §1 / STYLE.md are enforced by ESLint: a wrong arrow fails lint.
 * Lints small in-memory files placed (virtually) in each layer with the project's own config.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const root = path.resolve(__dirname, "..");
const eslintBin = path.join(root, "node_modules/eslint/bin/eslint.js");

/** Runs the real `eslint` CLI (its ESM config cannot load inside jest's VM) on code given on stdin. */
async function restrictedImports(file: string, code: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [eslintBin, "--stdin", "--stdin-filename", file, "--format", "json"],
    {
      cwd: root,
      input: code,
      encoding: "utf8",
    },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

test.each([
  ["src/engine/x.ts", 'import { excelCall } from "../functions/errors";'],
  ["src/engine/x.ts", 'import { makeStyles } from "@fluentui/react-components";'],
  ["src/engine/x.ts", 'import { writeReport } from "../excel/writeReport";'],
  ["src/functions/x.ts", 'import { writeReport } from "../excel/writeReport";'],
  ["src/functions/x.ts", 'import { App } from "../taskpane/App";'],
  ["src/excel/x.ts", 'import { App } from "../taskpane/App";'],
  ["src/excel/x.ts", 'import { useState } from "react";'],
  ["src/taskpane/x.ts", 'import { excelCall } from "../functions/errors";'],
])(
  "%s may not: %s",
  async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const used = 1;\n`)).toHaveLength(1);
  },
  30_000,
);

test.each([
  ["src/functions/x.ts", 'import { normSInv } from "../engine/normal";'],
  ["src/excel/x.ts", 'import { Report } from "../engine/report";'],
  ["src/taskpane/x.ts", 'import { writeReport } from "../excel/writeReport";'],
  ["src/taskpane/x.ts", 'import { segment } from "../engine/segmentation/segment";'],
])(
  "%s may: %s",
  async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const used = 1;\n`)).toEqual([]);
  },
  30_000,
);
