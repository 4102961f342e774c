/**
 * The package layer: worksheet ids (xr:uid) and custom XML parts survive a write through exceljs,
 * other add-ins' parts are carried over byte for byte, and features exceljs would drop are found.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { OWNED_SHEETS_NAMESPACE, serializeOwnership } from "../../src/engine/workbookParts/ownership";
import { SETTINGS_NAMESPACE } from "../../src/engine/workbookParts/setup";
import { outputParts, workbookBytes } from "../../src/workbook/saveWorkbook";
import {
  decodeXml,
  finalizePackage,
  openPackageZip,
  readPackage,
  withWorksheetUid,
} from "../../src/workbook/xlsxPackage";

async function twoSheets(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Data").getCell("A1").value = 1;
  wb.addWorksheet("WC Summary").getCell("A1").value = 2;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const FOREIGN = Buffer.concat([
  Buffer.from([0xff, 0xfe]),
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-16"?><props xmlns="urn:someone-else"><p>é</p></props>`,
    "utf16le",
  ),
]);

describe("ids and custom XML parts", () => {
  test("sheet ids and parts written after exceljs are read back; a foreign part is kept byte for byte", async () => {
    const uids = new Map([
      ["Data", "{11111111-2222-3333-4444-555555555555}"],
      ["WC Summary", "{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}"],
    ]);
    const registry = serializeOwnership([{ id: uids.get("WC Summary")!, name: "WC Summary" }]);
    const bytes = await finalizePackage(await twoSheets(), uids, [
      {
        itemBytes: FOREIGN,
        propsBytes: new TextEncoder().encode('<ds:datastoreItem ds:itemID="{F00}" xmlns:ds="x"/>'),
      },
      { itemBytes: new TextEncoder().encode(registry) },
    ]);
    const zip = await openPackageZip(bytes, "x.xlsx");
    const pkg = await readPackage(zip);
    expect(pkg.sheets.map((s) => [s.name, s.uid])).toEqual([...uids]);
    expect(pkg.customXml.map((p) => [p.item, p.namespace])).toEqual([
      ["customXml/item1.xml", "urn:someone-else"],
      ["customXml/item2.xml", OWNED_SHEETS_NAMESPACE],
    ]);
    expect(Buffer.from(pkg.customXml[0].itemBytes).equals(FOREIGN)).toBe(true);
    expect(pkg.customXml[0].xml).toContain("<p>é</p>");
    expect(decodeXml(pkg.customXml[0].props!.bytes)).toContain('ds:itemID="{F00}"');
    // A new part gets a properties part with a fresh id and its namespace.
    expect(decodeXml(pkg.customXml[1].props!.bytes)).toMatch(
      new RegExp(`ds:itemID="\\{[0-9A-F-]{36}\\}".*ds:uri="${OWNED_SHEETS_NAMESPACE}"`),
    );
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain('<Override PartName="/customXml/itemProps2.xml"');
    // exceljs still reads the result.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Data", "WC Summary"]);
  });

  test("xr:uid goes on the worksheet element with its namespace and in mc:Ignorable, replacing an old one", () => {
    const plain = '<?xml version="1.0"?><worksheet xmlns="main"><sheetData/></worksheet>';
    const once = withWorksheetUid(plain, "{A}");
    expect(once).toContain(
      '<worksheet xmlns="main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" ' +
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xr:uid="{A}">',
    );
    expect(withWorksheetUid(once, "{B}")).toBe(once.replace("{A}", "{B}"));
    expect(withWorksheetUid('<worksheet mc:Ignorable="x14ac" xmlns:mc="m">', "{C}")).toContain(
      'mc:Ignorable="x14ac xr"',
    );
  });

  test("the add-in's parts are rewritten in place (keeping their part ids), duplicates dropped, others kept", () => {
    const part = (namespace: string, text: string, props?: string) => ({
      item: "",
      itemBytes: new TextEncoder().encode(text),
      props: props ? { path: "", bytes: new TextEncoder().encode(props) } : undefined,
      xml: text,
      namespace,
    });
    const parts = outputParts({
      inputParts: [
        part("urn:other", "<o/>", "P0"),
        part(OWNED_SHEETS_NAMESPACE, "<old/>", "P1"),
        part(OWNED_SHEETS_NAMESPACE, "<duplicate/>", "P2"),
      ],
      owned: [{ id: "{1}", name: "WC Summary" }],
      setup: {
        settings: {},
        mapping: { columns: {}, history: [], periodUnit: "week", leadTimeUnit: "period" },
      },
      sheetIds: new Map(),
    });
    const text = (b?: Uint8Array) => (b ? new TextDecoder().decode(b) : undefined);
    expect(
      parts.map((p) => [
        text(p.itemBytes)
          ?.replace(/^<\?xml[^>]*>\n/, "")
          .slice(0, 30),
        text(p.propsBytes),
      ]),
    ).toEqual([
      ["<o/>", "P0"],
      [`<ownedSheets xmlns="${OWNED_SHEETS_NAMESPACE}"`.slice(0, 30), "P1"],
      [`<setup xmlns="${SETTINGS_NAMESPACE}"`.slice(0, 30), undefined],
    ]);
  });
});

describe("features the file library cannot carry over are found", () => {
  test("charts and pivot tables on a sheet, macros in the workbook", async () => {
    const zip = await JSZip.loadAsync(await twoSheets());
    zip.file(
      "xl/worksheets/_rels/sheet1.xml.rels",
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable" Target="../pivotTables/pivotTable1.xml"/>' +
        "</Relationships>",
    );
    zip.file(
      "xl/drawings/_rels/drawing1.xml.rels",
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="/xl/charts/chart2.xml"/>' +
        "</Relationships>",
    );
    zip.file("xl/vbaProject.bin", "x");
    const pkg = await readPackage(await JSZip.loadAsync(await zip.generateAsync({ type: "uint8array" })));
    expect(pkg.sheets.map((s) => [s.name, s.unsupported])).toEqual([
      ["Data", ["2 charts", "a pivot table"]],
      ["WC Summary", []],
    ]);
    expect(pkg.unsupported).toEqual(["macros (VBA)"]);
  });
});

describe("saving", () => {
  test("workbookBytes writes ids and parts in one go", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("WC Summary");
    const bytes = await workbookBytes(wb, {
      inputParts: [],
      owned: [{ id: "{X}", name: "WC Summary" }],
      sheetIds: new Map([["WC Summary", "{X}"]]),
    });
    const pkg = await readPackage(await JSZip.loadAsync(bytes));
    expect(pkg.sheets).toMatchObject([{ name: "WC Summary", uid: "{X}" }]);
    expect(pkg.customXml.map((p) => p.namespace)).toEqual([OWNED_SHEETS_NAMESPACE]);
  });
});
