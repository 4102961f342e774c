/**
 * The last step of a refresh: the add-in's custom XML parts, and the output written to its path
 * so that the path holds either the previous file or the complete new one, never half a file.
 */
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { Writable } from "node:stream";
import { OWNED_SHEETS_NAMESPACE, OwnedSheet, serializeOwnership } from "../engine/workbookParts/ownership";
import { SETTINGS_NAMESPACE, WorkbookSetup, serializeSetup } from "../engine/workbookParts/setup";
import { WorkbookError } from "./errors";
import { CustomXmlPart, PartToWrite, oneLine } from "./xlsxPackage";

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

/**
 * Writes a file through `produce`, which writes it as a stream, into a temporary file in the same
 * folder (flushed to disk), then renames it over `path`: a failure at any point leaves no partial
 * file behind. Resolves to what `produce` returned and the size written.
 */
export async function writeFileAtomically<T>(
  path: string,
  produce: (out: Writable) => Promise<T>,
): Promise<{ result: T; bytes: number }> {
  const target = resolve(path);
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`,
  );
  let created = false;
  try {
    const out = createWriteStream(temp, { flags: "wx", highWaterMark: 1 << 20 });
    await once(out, "open");
    created = true;
    let streamError: Error | undefined;
    out.on("error", (error) => (streamError = error));
    const closed = once(out, "close");
    let result: T;
    try {
      result = await produce(out);
    } finally {
      out.destroy();
      await closed.catch(() => undefined);
    }
    if (streamError) throw streamError;
    const handle = await open(temp, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const bytes = (await stat(temp)).size;
    await rename(temp, target);
    return { result, bytes };
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
    if (error instanceof WorkbookError) throw error;
    throw error instanceof Error && code === undefined
      ? error
      : new WorkbookError(`Cannot write ${path} (${oneLine(error)}).`);
  }
}
