/**
 * The last step of a refresh: the workbook's bytes with the add-in's parts, written to the output
 * path so that the path holds either the previous file or the complete new one, never half a file.
 */
import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { OWNED_SHEETS_NAMESPACE, OwnedSheet, serializeOwnership } from "../engine/workbookParts/ownership";
import { SETTINGS_NAMESPACE, WorkbookSetup, serializeSetup } from "../engine/workbookParts/setup";
import { WorkbookError } from "./errors";
import { CustomXmlPart, PartToWrite, finalizePackage, oneLine } from "./xlsxPackage";

export interface SaveParts {
  /** The custom XML parts of the input file, carried over (other add-ins' parts untouched). */
  inputParts: readonly CustomXmlPart[];
  /** The owned-sheet registry to store. */
  owned: readonly OwnedSheet[];
  /** The setup to store; the input's setup part is carried over when absent. */
  setup?: WorkbookSetup;
  /** Sheet name → id (`xr:uid`). */
  sheetIds: ReadonlyMap<string, string>;
}

/**
 * The custom XML parts of the output: the input's parts in their order, the add-in's own
 * rewritten in place (keeping their part ids; a duplicate left by two panes writing at once is
 * dropped) or added at the end.
 */
export function outputParts(parts: SaveParts): PartToWrite[] {
  const own: Record<string, string | undefined> = {
    [OWNED_SHEETS_NAMESPACE]: serializeOwnership(parts.owned),
    [SETTINGS_NAMESPACE]: parts.setup ? serializeSetup(parts.setup) : undefined,
  };
  const out: PartToWrite[] = [];
  const done = new Set<string>();
  for (const part of parts.inputParts) {
    const ns = part.namespace ?? "";
    const replacement = own[ns];
    if (replacement === undefined) {
      out.push({ itemBytes: part.itemBytes, propsBytes: part.props?.bytes });
    } else if (!done.has(ns)) {
      out.push({ itemBytes: utf8(replacement), propsBytes: part.props?.bytes });
      done.add(ns);
    }
  }
  for (const [ns, xml] of Object.entries(own)) {
    if (xml !== undefined && !done.has(ns)) out.push({ itemBytes: utf8(xml) });
  }
  return out;
}

function utf8(xml: string): Uint8Array {
  return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${xml}`);
}

/** The workbook as .xlsx bytes, with sheet ids and custom XML parts in place. */
export async function workbookBytes(workbook: ExcelJS.Workbook, parts: SaveParts): Promise<Buffer> {
  const written = await workbook.xlsx.writeBuffer();
  return finalizePackage(new Uint8Array(written as ArrayBuffer), parts.sheetIds, outputParts(parts));
}

/**
 * Writes `bytes` to `path` through a temporary file in the same folder (flushed to disk), then
 * renames it over `path`: a failure at any point leaves no partial file behind.
 */
export async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const target = resolve(path);
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`,
  );
  let created = false;
  try {
    const handle = await open(temp, "wx");
    created = true;
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    if (created) await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookError(`Cannot write ${path}: its folder does not exist.`);
    if (code === "EACCES" || code === "EPERM" || code === "EBUSY") {
      throw new WorkbookError(
        `Cannot write ${path} (${code === "EBUSY" ? "it is in use, perhaps open in Excel" : "permission denied"}).`,
      );
    }
    if (code === "EISDIR") throw new WorkbookError(`Cannot write ${path}: it is a folder.`);
    throw new WorkbookError(`Cannot write ${path} (${oneLine(error)}).`);
  }
}
