import { readFileSync } from "fs";
import * as path from "path";
import * as vm from "vm";
import { CustomFunction, makeStub } from "./customFunctionsStub";

export { ErrorCode, ExcelErrorStub } from "./customFunctionsStub";

export const DIST = path.resolve(__dirname, "../../dist");

/**
 * Loads the built dist/functions.js exactly as Excel's runtime would, in a fresh global scope whose
 * only add-in-specific global is `CustomFunctions`, and returns every function it associated.
 * What the tests call is what ships.
 */
export function loadFunctions(): Map<string, CustomFunction> {
  const registry = new Map<string, CustomFunction>();
  const code = readFileSync(path.join(DIST, "functions.js"), "utf8");
  const context = vm.createContext({ CustomFunctions: makeStub(registry) });
  vm.runInContext(code, context, { filename: "functions.js" });
  return registry;
}

/** The generated metadata, dist/functions.json. */
export function loadMetadata(): {
  allowErrorForDataTypeAny?: boolean;
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters: {
      name: string;
      description?: string;
      type: string;
      dimensionality?: string;
      optional?: boolean;
    }[];
    result: { type?: string; dimensionality?: string };
  }[];
} {
  return JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8"));
}
