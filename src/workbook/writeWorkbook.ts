/**
 * Writes a Report into a copy of an .xlsx package: the same sheets, cells, tables and formats as
 * the task pane's Office.js writer (src/excel/writeReport.ts) writes from the same Report.
 *
 * The input is never loaded as a workbook model. Its zip entries are copied as they are stored
 * (same compressed bytes), except what the add-in owns or must update:
 *
 * - the parts of the owned sheets this run rewrites (their worksheet, and the tables, drawings,
 *   pictures and other parts only they use) are dropped, and the new sheets written by our own
 *   streaming XML writer (sheetXml.ts); a replaced sheet keeps its part, tab position, colour,
 *   visibility and id (`xr:uid`), new sheets are added after the last tab;
 * - `xl/workbook.xml` (new sheets, recalculation on opening), its relationships, the content
 *   types, the styles (the report's cell formats appended; existing indexes unchanged), the
 *   custom XML parts (the owned-sheet registry and the setup) and the calculation chain (dropped:
 *   Excel rebuilds it).
 *
 * So sheets the add-in does not own come out byte for byte, with whatever they hold (charts,
 * pivot tables, comments …). Layout rules:
 *
 * - A user's sheet with a report sheet's name, or the sheet holding the input, is passed over for
 *   "… (2)" (src/engine/workbookParts/ownership.ts).
 * - Each block at its position: a title (bold, 14 pt), KPI rows (label | value | note, labels
 *   bold), tables; a captioned table has the caption (bold) in its first row and the table below.
 *   An empty table is written with one blank body row.
 * - Tables are Excel tables (TableStyleMedium2, banded rows, filter buttons) with the report's
 *   names (a name another table or a defined name has gets "_2", "_3", …).
 * - Number formats per column; text columns, KPI labels and notes, titles and captions "@". Text
 *   is written as string cells, so "=SUM(A1)" stays text, without apostrophe.
 * - Frozen header row on table sheets, fitted column widths, three-colour scales for the heat map.
 * - Charts: drawn as PNG pictures (chartImage.ts) placed at their cell with their size; a chart
 *   that cannot be drawn is skipped with a warning.
 */
import { Writable } from "node:stream";
import { Report } from "../engine/report";
import { sameSheetName } from "../engine/workbookParts/address";
import { escapeXml } from "../engine/workbookParts/customXml";
import { checkTableShape, uniqueTableNames } from "../engine/workbookParts/layout";
import {
  OwnedSheet,
  Redirect,
  SheetTarget,
  planSheetTargets,
  redirectsOf,
} from "../engine/workbookParts/ownership";
import { WorkbookSetup } from "../engine/workbookParts/setup";
import { ChartSkipped, renderChart } from "./chartImage";
import { outputParts } from "./saveWorkbook";
import {
  DEFAULT_STYLES,
  PlacedPicture,
  REL_NS,
  SheetPlan,
  StyleBook,
  colorScaleRanges,
  drawingXml,
  planSheet,
  relsXml,
  tableXml,
  writeSheetXml,
} from "./sheetXml";
import {
  CUSTOM_XML_PROPS_TYPE,
  REL_CUSTOM_XML,
  REL_CUSTOM_XML_PROPS,
  XlsxPackage,
  ZipPackage,
  newGuid,
  newPropsXml,
  readHead,
  readRelationships,
  readText,
  relsPathOf,
  resolvePath,
} from "./xlsxPackage";
import { ZipWriter, rawData } from "./zip";

export { displayLength } from "./sheetXml";

/** The input workbook as the writer needs it (an OpenedWorkbook). */
export interface SourceWorkbook extends ZipPackage {
  pkg: XlsxPackage;
  /** The registry entries read from the file (kept for owned sheets this run does not rewrite). */
  owned: readonly OwnedSheet[];
  /** Ids of the sheets the add-in owns. */
  ownedIds: ReadonlySet<string>;
}

export interface FileWriteOptions {
  /** The sheet holding the input table: never written. */
  inputSheet?: string;
  /** The setup to store; the input's setup part is carried over when absent. */
  setup?: WorkbookSetup;
  /** Deflate level of the parts written (1 fastest … 9 smallest); 6 by default. */
  compressionLevel?: number;
  /** Progress in words: each report sheet as it is written. */
  onProgress?: (message: string) => void;
}

export interface FileWriteResult {
  /** Names of the sheets written, in report order. */
  sheets: string[];
  redirected: Redirect[];
  /** Report table name → written name, for names another table or defined name already had. */
  renamedTables: Record<string, string>;
  /** The id of every sheet that has one after the write (user sheets keep theirs; new sheets get one). */
  sheetIds: Map<string, string>;
  /** The owned-sheet registry saved with the file. */
  owned: OwnedSheet[];
  /** Charts drawn as pictures. */
  charts: number;
  /** Charts or colour scales skipped, in words. */
  warnings: string[];
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

/** One part of the output that is not copied: its text or bytes, or a streamed worksheet. */
type NewPart =
  | { name: string; content: string | Uint8Array }
  | { name: string; sheet: SheetPlan; extras: Parameters<typeof writeSheetXml>[1] };

/** Row lengths must match the columns: a malformed report fails before anything is written. */
function validateTables(report: Report): void {
  for (const sheet of report.sheets) {
    for (const block of sheet.blocks) if (block.kind === "table") checkTableShape(block.table);
  }
}

/** Every part reachable from `roots` through relationships (internal targets only). */
function reachable(roots: Iterable<string>, links: ReadonlyMap<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const part = stack.pop()!;
    if (seen.has(part)) continue;
    seen.add(part);
    for (const target of links.get(part) ?? []) stack.push(target);
  }
  return seen;
}

/** The source part of a relationships part: "xl/_rels/workbook.xml.rels" → "xl/workbook.xml" ("" for the package). */
function sourceOfRels(relsPath: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsPath);
  return m ? `${m[1]}${m[2]}` : "";
}

/** A part name `prefix` + n + `suffix` no part has. */
function freshPart(used: Set<string>, prefix: string, suffix: string): string {
  for (let n = 1; ; n++) {
    const name = `${prefix}${n}${suffix}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** A path from `fromPart`'s folder to `toPart` (both zip paths). */
function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/**
 * Writes `report` into a copy of `source` on `out` (see the module comment); resolves when the
 * archive is complete. Throws before writing anything when the report is malformed.
 */
export async function writeReportToPackage(
  source: SourceWorkbook,
  report: Report,
  out: Writable,
  options: FileWriteOptions = {},
): Promise<FileWriteResult> {
  validateTables(report);
  const { pkg, ownedIds } = source;
  const targets: SheetTarget[] = planSheetTargets(
    report.sheets.map((s) => s.name),
    pkg.sheets.map((s) => ({ name: s.name, id: s.uid })),
    ownedIds,
    options.inputSheet,
  );

  // Which parts go: the replaced sheets' own parts, unless something that stays refers to them too.
  const links = new Map<string, string[]>();
  for (const name of source.entries.keys()) {
    if (!name.endsWith(".rels")) continue;
    const from = sourceOfRels(name);
    links.set(
      from,
      readRelationships(source, from)
        .filter((r) => !r.external)
        .map((r) => r.target),
    );
  }
  const replacedParts = new Map<string, string>(); // sheet name → part
  for (const target of targets) {
    if (target.reuseId === undefined) continue;
    const sheet = pkg.sheets.find((s) => sameSheetName(s.name, target.name));
    if (sheet) replacedParts.set(target.name, sheet.part);
  }
  const dropped = reachable(
    [...replacedParts.values()].flatMap((p) => links.get(p) ?? []),
    links,
  );
  for (const part of replacedParts.values()) dropped.delete(part);
  for (let changed = true; changed;) {
    changed = false;
    for (const [from, targetsOf] of links) {
      if (dropped.has(from) || [...replacedParts.values()].includes(from)) continue;
      for (const t of targetsOf) {
        if (dropped.has(t)) {
          for (const keep of reachable([t], links)) dropped.delete(keep);
          changed = true;
        }
      }
    }
  }
  for (const part of [...dropped]) dropped.add(relsPathOf(part));
  for (const part of replacedParts.values()) dropped.add(relsPathOf(part));
  // The calculation chain lists formula cells by sheet; Excel rebuilds it (fullCalcOnLoad).
  const calcChain = [...(links.get("xl/workbook.xml") ?? [])].find((t) => t.endsWith("calcChain.xml"));
  if (calcChain) dropped.add(calcChain);
  for (const part of source.entries.keys()) if (part.startsWith("customXml/")) dropped.add(part);

  const used = new Set([...source.entries.keys()].filter((n) => !dropped.has(n)));

  // Table names and ids are workbook-wide; defined names share the names' namespace.
  const workbookXml = readText(source, "xl/workbook.xml") ?? "";
  const taken: string[] = [];
  let maxTableId = 0;
  for (const name of used) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(name) || [...replacedParts.values()].includes(name)) continue;
    const head = /<(?:\w+:)?table\s[^>]*>/.exec(readText(source, name) ?? "")?.[0] ?? "";
    const tableName = /\sname="([^"]*)"/.exec(head)?.[1];
    if (tableName) taken.push(tableName);
    maxTableId = Math.max(maxTableId, Number(/\sid="(\d+)"/.exec(head)?.[1] ?? 0));
  }
  for (const m of workbookXml.matchAll(/<(?:\w+:)?definedName\s[^>]*?name="([^"]*)"/g)) taken.push(m[1]);
  const tableNames = uniqueTableNames(report, taken);

  const rels = readRelationships(source, "xl/workbook.xml");
  const stylesPart = rels.find((r) => r.type.endsWith("/styles"))?.target;
  const stylesXml = stylesPart === undefined ? undefined : readText(source, stylesPart);
  const styles = new StyleBook(stylesXml ?? DEFAULT_STYLES);

  const sheetIds = new Map<string, string>();
  for (const s of pkg.sheets) if (s.uid !== undefined) sheetIds.set(s.name, s.uid);
  const owned = new Map<string, OwnedSheet>(
    source.owned.filter((o) => ownedIds.has(o.id)).map((o) => [o.id, o]),
  );
  const warnings: string[] = [];
  let charts = 0;
  const newParts: NewPart[] = [];
  const overrides = new Map<string, string>(); // part → content type
  const newSheets: { name: string; part: string }[] = [];
  const sheetNames = new Map<string, string>(); // part → sheet name, for progress
  let media = false;

  for (const [i, spec] of report.sheets.entries()) {
    const target = targets[i];
    const id = target.reuseId ?? newGuid();
    sheetIds.set(target.name, id);
    owned.set(id, { id, name: target.name });
    const part = replacedParts.get(target.name) ?? freshPart(used, "xl/worksheets/sheet", ".xml");
    if (!replacedParts.has(target.name)) newSheets.push({ name: target.name, part });
    overrides.set(part, TYPES.worksheet);
    sheetNames.set(part, target.name);
    const plan = planSheet(spec, tableNames, styles);
    const sheetRels: { id: string; type: string; target: string }[] = [];
    const nextRid = () => `rId${sheetRels.length + 1}`;

    const tableRids: string[] = [];
    for (const layout of plan.tables) {
      const tablePart = freshPart(used, "xl/tables/table", ".xml");
      const rid = nextRid();
      sheetRels.push({ id: rid, type: `${REL}/table`, target: relativeTarget(part, tablePart) });
      tableRids.push(rid);
      newParts.push({ name: tablePart, content: tableXml(layout, ++maxTableId) });
      overrides.set(tablePart, TYPES.table);
    }

    const colorScales: string[] = [];
    for (const scale of spec.colorScales) {
      const layout = plan.tables.find((t) => t.table.name === scale.table);
      const missing = layout
        ? scale.columns.filter((k) => !layout.table.columns.some((c) => c.key === k))
        : [];
      if (layout === undefined || missing.length > 0) {
        warnings.push(
          `A colour scale on ${target.name} was skipped: ${layout ? `no column ${missing.join(", ")}` : `no table ${scale.table}`} there.`,
        );
        continue;
      }
      colorScales.push(...colorScaleRanges(layout, scale.columns));
    }

    const pictures: PlacedPicture[] = [];
    const drawingRels: { id: string; type: string; target: string }[] = [];
    const byName = new Map(plan.tables.map((t) => [t.table.name, t.table]));
    let drawingPart: string | undefined;
    for (const chart of spec.charts) {
      try {
        const picture = renderChart(chart, byName);
        drawingPart ??= freshPart(used, "xl/drawings/drawing", ".xml");
        const imagePart = freshPart(used, "xl/media/image", ".png");
        const rid = `rId${drawingRels.length + 1}`;
        drawingRels.push({ id: rid, type: `${REL}/image`, target: relativeTarget(drawingPart, imagePart) });
        newParts.push({ name: imagePart, content: picture.png });
        pictures.push({
          row: chart.at.row,
          column: chart.at.column,
          widthPx: picture.width,
          heightPx: picture.height,
          rid,
        });
        media = true;
        charts++;
      } catch (error) {
        const reason =
          error instanceof ChartSkipped ? error.message : `it could not be drawn (${String(error)})`;
        warnings.push(`Chart "${chart.title}" on ${target.name} was skipped: ${reason}.`);
      }
    }
    let drawingRid: string | undefined;
    if (drawingPart !== undefined) {
      drawingRid = nextRid();
      sheetRels.push({ id: drawingRid, type: `${REL}/drawing`, target: relativeTarget(part, drawingPart) });
      newParts.push({ name: drawingPart, content: drawingXml(pictures) });
      newParts.push({ name: relsPathOf(drawingPart), content: relsXml(drawingRels) });
      overrides.set(drawingPart, TYPES.drawing);
    }
    if (sheetRels.length > 0) newParts.push({ name: relsPathOf(part), content: relsXml(sheetRels) });

    const old = pkg.sheets.find((s) => s.part === part);
    const tabColor = old ? await tabColorOf(source, old.part) : undefined;
    newParts.push({
      name: part,
      sheet: plan,
      extras: { uid: id, tabColor, colorScales, drawingRid, tableRids },
    });
  }

  // Custom XML parts: the input's, the add-in's own rewritten (outputParts).
  const customParts = outputParts({
    inputParts: pkg.customXml,
    owned: [...owned.values()],
    setup: options.setup,
    sheetIds,
  });
  const customRels: { id: string; type: string; target: string }[] = [];
  const usedRids = new Set(
    rels.filter((r) => !r.type.endsWith("/customXml") && r.target !== calcChain).map((r) => r.id),
  );
  const freshRid = () => {
    for (let n = 1; ; n++) {
      if (!usedRids.has(`rId${n}`)) {
        usedRids.add(`rId${n}`);
        return `rId${n}`;
      }
    }
  };
  customParts.forEach((p, i) => {
    const n = i + 1;
    newParts.push({ name: `customXml/item${n}.xml`, content: p.itemBytes });
    newParts.push({
      name: `customXml/itemProps${n}.xml`,
      content: p.propsBytes ?? newPropsXml(rootNamespaceOf(p.itemBytes)),
    });
    newParts.push({
      name: `customXml/_rels/item${n}.xml.rels`,
      content: relsXml([{ id: "rId1", type: REL_CUSTOM_XML_PROPS, target: `itemProps${n}.xml` }]),
    });
    overrides.set(`customXml/itemProps${n}.xml`, CUSTOM_XML_PROPS_TYPE);
    customRels.push({ id: freshRid(), type: REL_CUSTOM_XML, target: `../customXml/item${n}.xml` });
  });

  // The workbook part, its relationships, the styles, the content types.
  const sheetRels = newSheets.map((s) => ({ ...s, rid: freshRid() }));
  let workbookRels = readText(source, "xl/_rels/workbook.xml.rels") ?? relsXml([]);
  workbookRels = workbookRels.replace(
    /<(?:\w+:)?Relationship\s[^>]*?\/>|<(?:\w+:)?Relationship\s[^>]*>[\s\S]*?<\/(?:\w+:)?Relationship>/g,
    (m) => {
      const type = /\sType="([^"]*)"/.exec(m)?.[1] ?? "";
      const targetText = /\sTarget="([^"]*)"/.exec(m)?.[1] ?? "";
      const resolved = resolvePath("xl/workbook.xml", targetText);
      return type.endsWith("/customXml") || resolved === calcChain ? "" : m;
    },
  );
  const addedRels = [
    ...sheetRels.map((s) => ({
      id: s.rid,
      type: `${REL}/worksheet`,
      target: relativeTarget("xl/workbook.xml", s.part),
    })),
    ...customRels,
  ];
  let stylesTarget = stylesPart;
  if (stylesTarget === undefined) {
    stylesTarget = freshPart(used, "xl/styles", ".xml");
    addedRels.push({
      id: freshRid(),
      type: `${REL}/styles`,
      target: relativeTarget("xl/workbook.xml", stylesTarget),
    });
  }
  overrides.set(stylesTarget, TYPES.styles);
  workbookRels = workbookRels.replace(
    /<\/((?:\w+:)?)Relationships>\s*$/,
    (_, p: string) =>
      addedRels
        .map((r) => `<${p}Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
        .join("") + `</${p}Relationships>`,
  );
  newParts.push({ name: "xl/_rels/workbook.xml.rels", content: workbookRels });
  newParts.push({ name: "xl/workbook.xml", content: updatedWorkbookXml(workbookXml, sheetRels) });
  newParts.push({ name: stylesTarget, content: styles.toXml() });

  const typesXml = updatedContentTypes(
    readText(source, "[Content_Types].xml") ?? "",
    dropped,
    overrides,
    media,
  );

  // Write: content types first, then the copied parts in their order, then the new ones.
  const written = new Set(newParts.map((p) => p.name));
  const zip = new ZipWriter(out, options.compressionLevel ?? 6);
  await zip.add("[Content_Types].xml", typesXml);
  for (const entry of source.entries.values()) {
    if (entry.name === "[Content_Types].xml" || dropped.has(entry.name) || written.has(entry.name)) continue;
    if (entry.name.endsWith("/")) continue;
    await zip.copy(entry, rawData(source.bytes, entry));
  }
  for (const part of newParts) {
    if ("sheet" in part) {
      const rows = part.sheet.tables.reduce((n, t) => n + t.table.rows.length, 0);
      options.onProgress?.(
        `Writing sheet "${sheetNames.get(part.name) ?? part.name}" (${rows.toLocaleString("en-US")} table rows) …`,
      );
      await zip.addStreamed(part.name, (sink) => writeSheetXml(part.sheet, part.extras, sink));
    } else await zip.add(part.name, part.content);
  }
  await zip.finish();

  return {
    sheets: targets.map((t) => t.name),
    redirected: redirectsOf(targets),
    renamedTables: Object.fromEntries([...tableNames].filter(([from, to]) => from !== to)),
    sheetIds,
    owned: [...owned.values()],
    charts,
    warnings,
  };
}

function rootNamespaceOf(bytes: Uint8Array): string | undefined {
  const text = new TextDecoder().decode(bytes.subarray(0, 2000));
  return /<[A-Za-z_][\w.-]*\s[^>]*?xmlns="([^"]*)"/.exec(text.replace(/<\?[^>]*\?>/g, ""))?.[1];
}

/** The `<tabColor …/>` in the `<sheetPr>` of a worksheet part (read from its first bytes only). */
async function tabColorOf(source: ZipPackage, part: string): Promise<string | undefined> {
  const head = (await readHead(source, part, /<(?:\w+:)?sheetData[\s>/]/)) ?? "";
  const color = /<(?:\w+:)?tabColor\s[^>]*?\/>/.exec(head.split(/<(?:\w+:)?sheetData[\s>]/)[0]);
  return color?.[0].replace(/^<\w+:/, "<");
}

/** The workbook part with the new sheets added after the last tab and a full recalculation on opening. */
function updatedWorkbookXml(xml: string, added: readonly { name: string; rid: string }[]): string {
  const sheetIds = [...xml.matchAll(/<(?:\w+:)?sheet\s[^>]*?sheetId="(\d+)"/g)].map((m) => Number(m[1]));
  let nextId = Math.max(0, ...sheetIds) + 1;
  const relPrefix = new RegExp(`xmlns:(\\w+)="${REL_NS}"`).exec(xml)?.[1];
  const rAttr = relPrefix ?? "r";
  const declare = relPrefix === undefined ? ` xmlns:r="${REL_NS}"` : "";
  let out = xml.replace(/<\/((?:\w+:)?)sheets>/, (_, p: string) => {
    const items = added
      .map(
        (s) =>
          `<${p}sheet name="${escapeXml(s.name)}" sheetId="${nextId++}" ${rAttr}:id="${s.rid}"${declare}/>`,
      )
      .join("");
    return `${items}</${p}sheets>`;
  });
  const calcPr = /<((?:\w+:)?)calcPr(\s[^>]*?)?\/>/.exec(out);
  if (calcPr) {
    const attributes = (calcPr[2] ?? "").replace(/\s+fullCalcOnLoad="[^"]*"/, "");
    out = out.replace(calcPr[0], `<${calcPr[1]}calcPr${attributes} fullCalcOnLoad="1"/>`);
  } else {
    const prefix = /<(\w+:)?workbook[\s>]/.exec(out)?.[1] ?? "";
    // CT_Workbook: calcPr follows sheets, functionGroups, externalReferences and definedNames.
    const after = [`</${prefix}definedNames>`, `</${prefix}externalReferences>`, `</${prefix}sheets>`]
      .map((tag) => ({ tag, at: out.indexOf(tag) }))
      .find((t) => t.at >= 0);
    if (after) {
      const at = after.at + after.tag.length;
      out = `${out.slice(0, at)}<${prefix}calcPr fullCalcOnLoad="1"/>${out.slice(at)}`;
    }
  }
  return out;
}

/** Content types with the dropped parts' overrides removed and the new parts' added. */
function updatedContentTypes(
  xml: string,
  dropped: ReadonlySet<string>,
  overrides: ReadonlyMap<string, string>,
  png: boolean,
): string {
  let out = xml.replace(/<(?:\w+:)?Override\s[^>]*?\/>/g, (m) => {
    const part = /\sPartName="\/?([^"]*)"/.exec(m)?.[1] ?? "";
    return dropped.has(part) || overrides.has(part) ? "" : m;
  });
  const items = [...overrides].map(
    ([part, type]) => `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`,
  );
  if (png && !/<(?:\w+:)?Default\s[^>]*Extension="png"/i.test(out))
    items.unshift('<Default Extension="png" ContentType="image/png"/>');
  out = out.replace(/<\/((?:\w+:)?)Types>\s*$/, `${items.join("")}</$1Types>`);
  return out;
}
