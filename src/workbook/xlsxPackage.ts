/**
 * The .xlsx file as a zip package, for what exceljs does not model: telling an .xlsx from an
 * encrypted or legacy file before parsing, the worksheets' ids (`xr:uid`), the custom XML parts
 * that hold the add-in's registry and setup, and the features exceljs cannot carry over.
 *
 * Worksheet ids: the task pane records owned sheets by Office.js `Worksheet.id`. Excel persists a
 * worksheet's identity in the file as the `xr:uid` attribute of its `<worksheet>` element
 * (namespace http://schemas.microsoft.com/office/spreadsheetml/2014/revision), and that GUID is
 * what the file side records. exceljs drops `xr:uid` when it writes, so `finalizePackage` puts
 * every sheet's id back (and gives new owned sheets one).
 *
 * Custom XML parts (ECMA-376 Part 1, §22.5): `customXml/itemN.xml` holds the XML,
 * `customXml/itemPropsN.xml` its id, `customXml/_rels/itemN.xml.rels` links the two, and the
 * workbook part points at the item. exceljs neither reads nor writes them, so they are copied
 * from the input package and the add-in's own parts rewritten, after exceljs has written.
 */
import { randomUUID } from "node:crypto";
import JSZip from "jszip";
import { attributesOf, rootNamespace } from "../engine/workbookParts/customXml";
import { WorkbookError } from "./errors";

/** A worksheet of the package. */
export interface PackageSheet {
  name: string;
  /** Zip path of its part, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
  /** Its `xr:uid` ("{GUID}"), when the file has one. */
  uid?: string;
  /** Native charts, pivot tables and slicers on it: exceljs cannot carry them over. */
  unsupported: string[];
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
  /** Workbook-level features exceljs cannot carry over (macros, links, data model, …). */
  unsupported: string[];
}

const REVISION_NS = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision";
const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_CUSTOM_XML_PROPS =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const CUSTOM_XML_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
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
export async function openPackageZip(bytes: Uint8Array, name: string): Promise<JSZip> {
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
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new WorkbookError(`${name} is damaged: it cannot be read as a zip package (${oneLine(error)}).`);
  }
  if (zip.file("xl/workbook.xml") === null) {
    if (zip.file("xl/workbook.bin") !== null)
      throw new WorkbookError(
        `${name} is a binary workbook (.xlsb), not an .xlsx: save it as an Excel Workbook (.xlsx) first.`,
      );
    const mimetype = await zip.file("mimetype")?.async("string");
    if (mimetype?.includes("opendocument"))
      throw new WorkbookError(
        `${name} is an OpenDocument file (.ods), not an .xlsx: save it as an Excel Workbook (.xlsx) first.`,
      );
    throw new WorkbookError(`${name} is a zip file but not an Excel workbook (it has no xl/workbook.xml).`);
  }
  return zip;
}

/** The first line of an error's message. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split(/\r?\n/)[0].trim();
}

interface Relationship {
  id: string;
  type: string;
  /** Resolved zip path (external targets keep their text). */
  target: string;
  external: boolean;
}

/** Zip path of `target` relative to the folder of `fromPart` (absolute targets start at the root). */
function resolvePath(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

async function readText(zip: JSZip, path: string): Promise<string | undefined> {
  const file = zip.file(path);
  return file === null ? undefined : decodeXml(await file.async("uint8array"));
}

/** XML bytes as text: UTF-16 (with its byte-order mark) or UTF-8. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
}

async function readRelationships(zip: JSZip, part: string): Promise<Relationship[]> {
  const xml = await readText(zip, relsPathOf(part));
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
function sheetEntries(workbookXml: string): { name: string; rid: string }[] {
  return [...workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)].map((m) => {
    const a = attributesOf(m[0]);
    return {
      name: a.name ?? "",
      rid: a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1] ?? "",
    };
  });
}

const relType = (r: Relationship, kind: string) => r.type.endsWith(`/${kind}`);

/** Reads what the package holds beyond exceljs's model. */
export async function readPackage(zip: JSZip): Promise<XlsxPackage> {
  const workbookPart = "xl/workbook.xml";
  const workbookXml = (await readText(zip, workbookPart)) ?? "";
  const workbookRels = await readRelationships(zip, workbookPart);
  const byId = new Map(workbookRels.map((r) => [r.id, r]));

  const sheets: PackageSheet[] = [];
  for (const entry of sheetEntries(workbookXml)) {
    const rel = byId.get(entry.rid);
    if (rel === undefined || !relType(rel, "worksheet")) continue;
    const xml = (await readText(zip, rel.target)) ?? "";
    const root = /<(?:\w+:)?worksheet\s[^>]*>/.exec(xml);
    const attributes = root ? attributesOf(root[0]) : {};
    const uidKey = Object.keys(attributes).find(
      (k) => k.endsWith(":uid") && attributes[`xmlns:${k.split(":")[0]}`] === REVISION_NS,
    );
    sheets.push({
      name: entry.name,
      part: rel.target,
      uid: uidKey === undefined ? undefined : attributes[uidKey],
      unsupported: await sheetFeatures(zip, rel.target),
    });
  }

  const customXml: CustomXmlPart[] = [];
  for (const rel of workbookRels.filter((r) => relType(r, "customXml") && !r.external)) {
    const file = zip.file(rel.target);
    if (file === null) continue;
    const itemBytes = await file.async("uint8array");
    const propsRel = (await readRelationships(zip, rel.target)).find((r) => relType(r, "customXmlProps"));
    const propsFile = propsRel === undefined ? null : zip.file(propsRel.target);
    const xml = decodeXml(itemBytes);
    customXml.push({
      item: rel.target,
      itemBytes,
      props:
        propsRel && propsFile
          ? { path: propsRel.target, bytes: await propsFile.async("uint8array") }
          : undefined,
      xml,
      namespace: rootNamespace(xml),
    });
  }

  const unsupported: string[] = [];
  const has = (prefix: string) => Object.keys(zip.files).some((p) => p.startsWith(prefix));
  if (zip.file("xl/vbaProject.bin") !== null) unsupported.push("macros (VBA)");
  if (has("xl/externalLinks/")) unsupported.push("links to other workbooks");
  if (zip.file("xl/connections.xml") !== null || has("xl/queryTables/"))
    unsupported.push("data connections and queries");
  if (has("xl/model/")) unsupported.push("the data model (Power Pivot)");
  if (has("xl/pivotCache/")) unsupported.push("pivot caches");
  return { sheets, customXml, unsupported };
}

/** Native charts, pivot tables, slicers and threaded comments on a sheet. */
async function sheetFeatures(zip: JSZip, part: string): Promise<string[]> {
  const features: string[] = [];
  let charts = 0;
  for (const rel of await readRelationships(zip, part)) {
    if (relType(rel, "drawing"))
      charts += (await readRelationships(zip, rel.target)).filter((r) => relType(r, "chart")).length;
    else if (relType(rel, "pivotTable")) features.push("a pivot table");
    else if (rel.type.endsWith("/slicer")) features.push("slicers");
    else if (rel.type.endsWith("/threadedComment")) features.push("threaded comments");
  }
  if (charts > 0) features.unshift(charts === 1 ? "a chart" : `${charts} charts`);
  return features;
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
function newPropsXml(namespace: string | undefined): string {
  const refs = namespace
    ? `<ds:schemaRefs><ds:schemaRef ds:uri="${namespace}"/></ds:schemaRefs>`
    : "<ds:schemaRefs/>";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
    `<ds:datastoreItem ds:itemID="${newGuid()}" xmlns:ds="${DATASTORE_NS}">${refs}</ds:datastoreItem>`
  );
}

/** Sets `xr:uid` on a worksheet part's root element, declaring the namespace as Excel does. */
export function withWorksheetUid(xml: string, uid: string): string {
  return xml.replace(/<worksheet(\s[^>]*)?>/, (start, attrs: string | undefined) => {
    let a = (attrs ?? "").replace(/\s+xr:uid="[^"]*"/, "");
    if (!/\sxmlns:xr=/.test(a)) a += ` xmlns:xr="${REVISION_NS}"`;
    if (/\smc:Ignorable="/.test(a)) {
      a = a.replace(/\smc:Ignorable="([^"]*)"/, (m, list: string) =>
        list.split(/\s+/).includes("xr") ? m : ` mc:Ignorable="${`${list} xr`.trim()}"`,
      );
    } else {
      if (!/\sxmlns:mc=/.test(a)) a += ` xmlns:mc="${MC_NS}"`;
      a += ` mc:Ignorable="xr"`;
    }
    return `<worksheet${a} xr:uid="${uid}">`;
  });
}

/**
 * Completes a package exceljs wrote: every sheet named in `uids` gets that `xr:uid`, and the
 * custom XML parts are added (`customXml/itemN.xml`, its properties and relationships, the
 * workbook's relationship and the content type). Returns the final bytes.
 */
export async function finalizePackage(
  written: Uint8Array,
  uids: ReadonlyMap<string, string>,
  parts: readonly PartToWrite[],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(written);
  const workbookXml = (await readText(zip, "xl/workbook.xml")) ?? "";
  const rels = await readRelationships(zip, "xl/workbook.xml");
  const byId = new Map(rels.map((r) => [r.id, r]));
  for (const { name, rid } of sheetEntries(workbookXml)) {
    const uid = uids.get(name);
    const part = byId.get(rid)?.target;
    if (uid === undefined || part === undefined) continue;
    const xml = await readText(zip, part);
    if (xml !== undefined) zip.file(part, withWorksheetUid(xml, uid));
  }

  if (parts.length > 0) {
    for (const path of Object.keys(zip.files)) if (path.startsWith("customXml/")) zip.remove(path);
    const relsPath = "xl/_rels/workbook.xml.rels";
    let relsXml = (await readText(zip, relsPath)) ?? "";
    let typesXml = (await readText(zip, "[Content_Types].xml")) ?? "";
    const usedIds = new Set(rels.map((r) => r.id));
    let nextId = 1;
    const freshId = () => {
      while (usedIds.has(`rId${nextId}`)) nextId++;
      usedIds.add(`rId${nextId}`);
      return `rId${nextId}`;
    };
    const newRels: string[] = [];
    const overrides: string[] = [];
    parts.forEach((p, i) => {
      const n = i + 1;
      const namespace = rootNamespace(decodeXml(p.itemBytes));
      zip.file(`customXml/item${n}.xml`, p.itemBytes);
      zip.file(`customXml/itemProps${n}.xml`, p.propsBytes ?? newPropsXml(namespace));
      zip.file(
        `customXml/_rels/item${n}.xml.rels`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
      );
      newRels.push(
        `<Relationship Id="${freshId()}" Type="${REL_CUSTOM_XML}" Target="../customXml/item${n}.xml"/>`,
      );
      overrides.push(
        `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${CUSTOM_XML_PROPS_TYPE}"/>`,
      );
    });
    relsXml = relsXml.replace(/<\/Relationships>\s*$/, `${newRels.join("")}</Relationships>`);
    typesXml = typesXml.replace(/<\/Types>\s*$/, `${overrides.join("")}</Types>`);
    zip.file(relsPath, relsXml);
    zip.file("[Content_Types].xml", typesXml);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
