/**
 * The .xlsx file as a zip package: telling an .xlsx from an encrypted or legacy file before
 * parsing, the worksheets in tab order with their parts and ids (`xr:uid`), and the custom XML
 * parts that hold the add-in's registry and setup.
 *
 * Worksheet ids: the task pane records owned sheets by Office.js `Worksheet.id`. Excel persists a
 * worksheet's identity in the file as the `xr:uid` attribute of its `<worksheet>` element
 * (namespace http://schemas.microsoft.com/office/spreadsheetml/2014/revision), and that GUID is
 * what the file side records; the writer gives each sheet it writes one.
 *
 * Custom XML parts (ECMA-376 Part 1, §22.5): `customXml/itemN.xml` holds the XML,
 * `customXml/itemPropsN.xml` its id, `customXml/_rels/itemN.xml.rels` links the two, and the
 * workbook part points at the item.
 */
import { randomUUID } from "node:crypto";
import { StringDecoder } from "node:string_decoder";
import { attributesOf, rootNamespace } from "../engine/workbookParts/customXml";
import { WorkbookError } from "./errors";
import { ZipEntry, entryBytes, entryStream, zipEntries } from "./zip";

/** A worksheet of the package. */
export interface PackageSheet {
  name: string;
  /** Zip path of its part, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
  /** Its relationship id in the workbook part. */
  rid: string;
  /** Its `xr:uid` ("{GUID}"), when the file has one. */
  uid?: string;
}

/** A custom XML part as stored. */
export interface CustomXmlPart {
  /** Zip path of the item, e.g. "customXml/item1.xml". */
  item: string;
  itemBytes: Uint8Array;
  /** Zip path and bytes of its properties part, when present. */
  props?: { path: string; bytes: Uint8Array };
  /** The item's XML text (decoded from UTF-8 or UTF-16). */
  xml: string;
  /** Namespace of its document element. */
  namespace?: string;
}

export interface XlsxPackage {
  sheets: PackageSheet[];
  customXml: CustomXmlPart[];
}

/** An opened zip package: its bytes and its entries by name. */
export interface ZipPackage {
  bytes: Buffer;
  entries: Map<string, ZipEntry>;
}

const REVISION_NS = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision";
export const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
export const REL_CUSTOM_XML_PROPS =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
export const CUSTOM_XML_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const DATASTORE_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_SIGNATURE = [0x50, 0x4b, 0x05, 0x06];
/** OLE compound file (MS-CFB): encrypted OOXML and legacy .xls both start with it. */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** True when an OLE file holds an encrypted OOXML package (MS-OFFCRYPTO: EncryptionInfo + EncryptedPackage streams). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const needle = Buffer.from("EncryptedPackage", "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/**
 * Checks the bytes of `name` are an .xlsx package, with a one-line reason when not: an
 * encrypted workbook, a legacy .xls, an .xlsb, an .ods, or not a zip at all.
 */
export function openPackageZip(bytes: Buffer, name: string): ZipPackage {
  if (bytes.length === 0) throw new WorkbookError(`${name} is empty, not an .xlsx workbook.`);
  if (startsWith(bytes, CFB_SIGNATURE)) {
    if (isEncryptedPackage(bytes)) {
      throw new WorkbookError(
        `${name} is password-protected (encrypted): save a copy without a password (Excel: File > Info > Protect Workbook) and run again.`,
      );
    }
    throw new WorkbookError(
      `${name} is an Excel 97-2003 (.xls) or other OLE file, not an .xlsx: save it as an Excel Workbook (.xlsx) first.`,
    );
  }
  if (!startsWith(bytes, ZIP_SIGNATURE) && !startsWith(bytes, EMPTY_ZIP_SIGNATURE)) {
    throw new WorkbookError(
      `${name} is not an .xlsx workbook (not a zip package; a CSV or .xls must be saved as .xlsx first).`,
    );
  }
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(bytes);
  } catch (error) {
    throw new WorkbookError(`${name} is damaged: it cannot be read as a zip package (${oneLine(error)}).`);
  }
  const pkg = { bytes, entries };
  if (!entries.has("xl/workbook.xml")) {
    if (entries.has("xl/workbook.bin"))
      throw new WorkbookError(
        `${name} is a binary workbook (.xlsb), not an .xlsx: save it as an Excel Workbook (.xlsx) first.`,
      );
    if (readText(pkg, "mimetype")?.includes("opendocument"))
      throw new WorkbookError(
        `${name} is an OpenDocument file (.ods), not an .xlsx: save it as an Excel Workbook (.xlsx) first.`,
      );
    throw new WorkbookError(`${name} is a zip file but not an Excel workbook (it has no xl/workbook.xml).`);
  }
  return pkg;
}

/** The first line of an error's message. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split(/\r?\n/)[0].trim();
}

export interface Relationship {
  id: string;
  type: string;
  /** Resolved zip path (external targets keep their text). */
  target: string;
  external: boolean;
}

/** Zip path of `target` relative to the folder of `fromPart` (absolute targets start at the root). */
export function resolvePath(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A part's text, or undefined when there is no such part. */
export function readText(pkg: ZipPackage, path: string): string | undefined {
  const entry = pkg.entries.get(path);
  return entry === undefined ? undefined : decodeXml(entryBytes(pkg.bytes, entry));
}

/** The beginning of a worksheet's start tag: where its id is. */
const WORKSHEET_START = /<(?:\w+:)?worksheet[\s>][^>]*>/;

/**
 * The beginning of a part, inflated only until `until` matches (by default the end of a
 * worksheet's start tag, where its id is), so a large sheet is not read whole.
 */
export async function readHead(
  pkg: ZipPackage,
  path: string,
  until: RegExp = WORKSHEET_START,
): Promise<string | undefined> {
  const entry = pkg.entries.get(path);
  if (entry === undefined) return undefined;
  const stream = entryStream(pkg.bytes, entry);
  let decoder: StringDecoder | undefined;
  let text = "";
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (decoder === undefined) {
        const utf16 = chunk[0] === 0xff && chunk[1] === 0xfe;
        decoder = new StringDecoder(utf16 ? "utf16le" : "utf8");
        text += decoder.write(utf16 ? chunk.subarray(2) : chunk);
      } else text += decoder.write(chunk);
      if (until.test(text) || text.length > 1 << 20) break;
    }
  } finally {
    stream.destroy();
  }
  return text;
}

/** XML bytes as text: UTF-16 (with its byte-order mark) or UTF-8. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
}

/** The relationships of a part, targets resolved to zip paths. */
export function readRelationships(pkg: ZipPackage, part: string): Relationship[] {
  const xml = readText(pkg, relsPathOf(part));
  if (xml === undefined) return [];
  return [...xml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)].map((m) => {
    const a = attributesOf(m[0]);
    const external = a.TargetMode === "External";
    return {
      id: a.Id ?? "",
      type: a.Type ?? "",
      target: external ? (a.Target ?? "") : resolvePath(part, a.Target ?? ""),
      external,
    };
  });
}

/** Sheets of the workbook part in tab order: name, relationship id. */
export function sheetEntries(workbookXml: string): { name: string; rid: string }[] {
  return [...workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)].map((m) => {
    const a = attributesOf(m[0]);
    return {
      name: a.name ?? "",
      rid: a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1] ?? "",
    };
  });
}

export const relType = (r: Relationship, kind: string) => r.type.endsWith(`/${kind}`);

/** Reads the package's worksheets (tab order, parts, ids) and custom XML parts. */
export async function readPackage(pkg: ZipPackage): Promise<XlsxPackage> {
  const workbookPart = "xl/workbook.xml";
  const workbookXml = readText(pkg, workbookPart) ?? "";
  const workbookRels = readRelationships(pkg, workbookPart);
  const byId = new Map(workbookRels.map((r) => [r.id, r]));

  const sheets: PackageSheet[] = [];
  for (const entry of sheetEntries(workbookXml)) {
    const rel = byId.get(entry.rid);
    if (rel === undefined || !relType(rel, "worksheet")) continue;
    const xml = (await readHead(pkg, rel.target)) ?? "";
    const root = /<(?:\w+:)?worksheet\s[^>]*>/.exec(xml);
    const attributes = root ? attributesOf(root[0]) : {};
    const uidKey = Object.keys(attributes).find(
      (k) => k.endsWith(":uid") && attributes[`xmlns:${k.split(":")[0]}`] === REVISION_NS,
    );
    sheets.push({
      name: entry.name,
      part: rel.target,
      rid: entry.rid,
      uid: uidKey === undefined ? undefined : attributes[uidKey],
    });
  }

  const customXml: CustomXmlPart[] = [];
  for (const rel of workbookRels.filter((r) => relType(r, "customXml") && !r.external)) {
    const entry = pkg.entries.get(rel.target);
    if (entry === undefined) continue;
    const itemBytes = entryBytes(pkg.bytes, entry);
    const propsRel = readRelationships(pkg, rel.target).find((r) => relType(r, "customXmlProps"));
    const propsEntry = propsRel === undefined ? undefined : pkg.entries.get(propsRel.target);
    const xml = decodeXml(itemBytes);
    customXml.push({
      item: rel.target,
      itemBytes,
      props:
        propsRel && propsEntry
          ? { path: propsRel.target, bytes: entryBytes(pkg.bytes, propsEntry) }
          : undefined,
      xml,
      namespace: rootNamespace(xml),
    });
  }
  return { sheets, customXml };
}

/** A custom XML part to write: its XML, and the properties part it had (so its id stays). */
export interface PartToWrite {
  itemBytes: Uint8Array;
  propsBytes?: Uint8Array;
}

/** New `{GUID}` in the upper-case form Excel writes. */
export function newGuid(): string {
  return `{${randomUUID().toUpperCase()}}`;
}

/** A properties part for a new custom XML part. */
export function newPropsXml(namespace: string | undefined): string {
  const refs = namespace
    ? `<ds:schemaRefs><ds:schemaRef ds:uri="${namespace}"/></ds:schemaRefs>`
    : "<ds:schemaRefs/>";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
    `<ds:datastoreItem ds:itemID="${newGuid()}" xmlns:ds="${DATASTORE_NS}">${refs}</ds:datastoreItem>`
  );
}
