/** Reading the JSON files the command line takes (settings, scenarios), with one-line errors. */
import { readFile } from "node:fs/promises";
import { WorkbookError } from "./errors";
import { oneLine } from "./xlsxPackage";

/**
 * The parsed content of a JSON file (a UTF-8 byte-order mark is allowed); a WorkbookError naming
 * `what` ("Settings file", "Scenarios file") when it is missing, unreadable or not valid JSON.
 */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new WorkbookError(
      code === "ENOENT"
        ? `${what} ${path}: no such file.`
        : `${what} ${path} cannot be read (${oneLine(error)}).`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new WorkbookError(`${what} ${path} is not valid JSON (${oneLine(error)}).`);
  }
}
