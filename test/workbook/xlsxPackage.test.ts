/**
 * The package layer: the zip reader and writer, the streaming XML tokenizer, worksheet ids
 * (xr:uid) and custom XML parts, and the parts of sheets the add-in does not own carried over
 * byte for byte (charts and pivot tables included).
 */
import { Writable } from "node:stream";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { OWNED_SHEETS_NAMESPACE, serializeOwnership } from "../../src/engine/workbookParts/ownership";
import { SETTINGS_NAMESPACE } from "../../src/engine/workbookParts/setup";
import { outputParts } from "../../src/workbook/saveWorkbook";
import { decodeXml } from "../../src/workbook/xlsxPackage";
import { XmlScanner, attributeValue } from "../../src/workbook/xmlScanner";
import { ZipWriter, entryBytes, entryStream, rawData, zipEntries } from "../../src/workbook/zip";
import { segmentationTable, smallReport, tableSheet } from "../excel/reportFixtures";
import { loadWorkbook, openBytes, packageOf, withPaneParts, writeToBytes } from "./helpers";

async function twoSheets(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Data").getCell("A1").value = 1;
  wb.addWorksheet("WC Summary").getCell("A1").value = 2;
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const FOREIGN = Buffer.concat([
  Buffer.from([0xff, 0xfe]),
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-16"?><props xmlns="urn:someone-else"><p>é</p></props>`,
    "utf16le",
  ),
]);

/** A writable that keeps what it is given. */
function collector(): { out: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { out, bytes: () => Buffer.concat(chunks) };
}

describe("zip", () => {
  test("entries written whole, streamed (several deflate batches) and copied read back with their CRCs checked", async () => {
    const source = await twoSheets();
    const entries = zipEntries(source);
    const big = Array.from({ length: 60_000 }, (_, i) => `<row r="${i + 1}"><c><v>${i * 1.5}</v></c></row>`);
    const { out, bytes } = collector();
    const zip = new ZipWriter(out);
    await zip.add("a.txt", "hello é");
    await zip.addStreamed("big.xml", async (sink) => {
      for (const piece of big) await sink.write(piece);
    });
    const sheet = entries.get("xl/worksheets/sheet1.xml")!;
    await zip.copy(sheet, rawData(source, sheet));
    await zip.finish();
    const written = bytes();

    const jszip = await JSZip.loadAsync(written, { checkCRC32: true });
    expect(await jszip.file("a.txt")!.async("string")).toBe("hello é");
    expect(await jszip.file("big.xml")!.async("string")).toBe(big.join(""));
    expect(await jszip.file("xl/worksheets/sheet1.xml")!.async("string")).toBe(
      entryBytes(source, sheet).toString("utf8"),
    );
    // Our own reader agrees, and the copied entry is the same compressed bytes.
    const again = zipEntries(written);
    expect([...again.keys()]).toEqual(["a.txt", "big.xml", "xl/worksheets/sheet1.xml"]);
    expect(rawData(written, again.get("xl/worksheets/sheet1.xml")!).equals(rawData(source, sheet))).toBe(
      true,
    );
    expect(again.get("big.xml")!.crc32).toBe(zlib.crc32(Buffer.from(big.join(""))));
    const chunks: Buffer[] = [];
    for await (const chunk of entryStream(written, again.get("big.xml")!)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(big.join(""));
  });

  test("a zip64 central directory (as large archives have) is read", () => {
    const name = Buffer.from("x.txt");
    const data = Buffer.from("zip64");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt32LE(zlib.crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const extra = Buffer.alloc(4 + 24);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(data.length), 4);
    extra.writeBigUInt64LE(BigInt(data.length), 12);
    extra.writeBigUInt64LE(0n, 20);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 6);
    central.writeUInt32LE(zlib.crc32(data), 16);
    central.writeUInt32LE(0xffffffff, 20);
    central.writeUInt32LE(0xffffffff, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(0xffffffff, 42);
    const cdOffset = local.length + name.length + data.length;
    const cd = Buffer.concat([central, name, extra]);
    const end64 = Buffer.alloc(56);
    end64.writeUInt32LE(0x06064b50, 0);
    end64.writeBigUInt64LE(44n, 4);
    end64.writeBigUInt64LE(1n, 24);
    end64.writeBigUInt64LE(1n, 32);
    end64.writeBigUInt64LE(BigInt(cd.length), 40);
    end64.writeBigUInt64LE(BigInt(cdOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(cdOffset + cd.length), 8);
    locator.writeUInt32LE(1, 16);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
    const archive = Buffer.concat([local, name, data, cd, end64, locator, end]);
    const entry = zipEntries(archive).get("x.txt")!;
    expect(entry).toMatchObject({ size: 5, compressedSize: 5, localHeaderOffset: 0, method: 0 });
    expect(entryBytes(archive, entry).toString()).toBe("zip64");
  });
});

describe("the streaming XML tokenizer", () => {
  const DOC =
    `<?xml version="1.0"?><!-- a > comment --><x:root xmlns:x="urn:x"><a k="1 > 0" j='it"s'>A &amp; B &#x263A;</a>` +
    `<b/><![CDATA[<not a tag> &amp;]]><c  r = "C3" >text</c></x:root>`;

  function events(chunks: string[]): string[] {
    const seen: string[] = [];
    const scanner = new XmlScanner({
      open: (name, attributes, selfClosing) =>
        seen.push(
          `open ${name}${selfClosing ? "/" : ""} k=${attributeValue(attributes, "k") ?? ""} j=${attributeValue(attributes, "j") ?? ""} r=${attributeValue(attributes, "r") ?? ""}`,
        ),
      close: (name) => seen.push(`close ${name}`),
      text: (text) => seen.push(`text ${text}`),
    });
    for (const chunk of chunks) scanner.write(chunk);
    scanner.end();
    return seen;
  }

  test("tags, attributes with > and quotes, entities, CDATA, comments; prefixes dropped", () => {
    expect(events([DOC])).toEqual([
      "open root k= j= r=",
      'open a k=1 > 0 j=it"s r=',
      "text A & B ☺",
      "close a",
      "open b/ k= j= r=",
      "text <not a tag> &amp;",
      "open c k= j= r=C3",
      "text text",
      "close c",
      "close root",
    ]);
  });

  test("the same events however the text is cut into chunks", () => {
    const whole = events([DOC]);
    for (let cut = 1; cut < DOC.length; cut++) {
      expect([cut, events([DOC.slice(0, cut), DOC.slice(cut)])]).toEqual([cut, whole]);
    }
    expect(events(DOC.split(""))).toEqual(whole);
  });

  test("a document cut off in a tag is an error", () => {
    const scanner = new XmlScanner({ open: () => undefined, close: () => undefined, text: () => undefined });
    scanner.write("<a><b x=");
    expect(() => scanner.end()).toThrow("the XML ends in the middle of a tag");
  });
});

describe("ids and custom XML parts", () => {
  test("the refresh writes sheet ids and its parts; another add-in's part is kept byte for byte", async () => {
    const input = await withPaneParts(await twoSheets(), new Map(), [FOREIGN]);
    const { result, bytes } = await writeToBytes(await openBytes(input), {
      sheets: [tableSheet("WC Exceptions", { ...segmentationTable(1), name: "WC_Exceptions" })],
    });
    const pkg = await packageOf(bytes);
    expect(pkg.sheets.map((s) => s.name)).toEqual(["Data", "WC Summary", "WC Exceptions"]);
    expect(pkg.sheets[2].uid).toBe(result.sheetIds.get("WC Exceptions"));
    expect(pkg.sheets[2].uid).toMatch(/^\{[0-9A-F-]{36}\}$/);
    expect(pkg.customXml.map((p) => [p.item, p.namespace])).toEqual([
      ["customXml/item1.xml", "urn:someone-else"],
      ["customXml/item2.xml", OWNED_SHEETS_NAMESPACE],
    ]);
    expect(Buffer.from(pkg.customXml[0].itemBytes).equals(FOREIGN)).toBe(true);
    expect(pkg.customXml[0].xml).toContain("<p>é</p>");
    expect(decodeXml(pkg.customXml[0].props!.bytes)).toContain(
      'ds:itemID="{00000000-0000-0000-0000-000000000001}"',
    );
    // A new part gets a properties part with a fresh id and its namespace.
    expect(decodeXml(pkg.customXml[1].props!.bytes)).toMatch(
      new RegExp(`ds:itemID="\\{[0-9A-F-]{36}\\}".*ds:uri="${OWNED_SHEETS_NAMESPACE}"`),
    );
    const zip = await JSZip.loadAsync(bytes);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain('<Override PartName="/customXml/itemProps2.xml"');
    expect(types).toContain('<Override PartName="/xl/worksheets/sheet3.xml"');
    // exceljs still reads the result.
    expect((await loadWorkbook(bytes)).worksheets.map((w) => w.name)).toEqual([
      "Data",
      "WC Summary",
      "WC Exceptions",
    ]);
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

describe("what the add-in does not own is carried over", () => {
  test("a user's chart and pivot table parts come out unchanged; an owned sheet's drawing goes", async () => {
    const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const zip = await JSZip.loadAsync(await twoSheets());
    zip.file(
      "xl/worksheets/_rels/sheet1.xml.rels",
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`,
    );
    zip.file(
      "xl/drawings/_rels/drawing1.xml.rels",
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    );
    zip.file("xl/drawings/drawing1.xml", "<xdr:wsDr/>");
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    zip.file("xl/pivotTables/pivotTable1.xml", "<pivotTableDefinition/>");
    // The owned WC Summary has a drawing of its own, which goes with it.
    zip.file(
      "xl/worksheets/_rels/sheet2.xml.rels",
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing2.xml"/></Relationships>`,
    );
    zip.file("xl/drawings/drawing2.xml", "<xdr:wsDr/>");
    const uid = "{0000000B-0000-0000-0000-000000000001}";
    const input = await withPaneParts(
      await zip.generateAsync({ type: "nodebuffer" }),
      new Map([["WC Summary", uid]]),
      [new TextEncoder().encode(serializeOwnership([{ id: uid, name: "WC Summary" }]))],
    );
    const { bytes } = await writeToBytes(await openBytes(input), smallReport());
    const before = await JSZip.loadAsync(input);
    const after = await JSZip.loadAsync(bytes);
    for (const part of [
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/charts/chart1.xml",
      "xl/pivotTables/pivotTable1.xml",
    ]) {
      expect([part, await after.file(part)?.async("string")]).toEqual([
        part,
        await before.file(part)!.async("string"),
      ]);
    }
    // WC Summary was rewritten in its part; its old drawing was replaced by the chart pictures' drawing.
    const summaryRels = await after.file("xl/worksheets/_rels/sheet2.xml.rels")!.async("string");
    const drawing = /Target="\.\.\/drawings\/(drawing\d+\.xml)"/.exec(summaryRels)![1];
    expect(await after.file(`xl/drawings/${drawing}`)!.async("string")).toContain("<xdr:pic>");
    expect(Object.keys(after.files).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toHaveLength(2);
  });
});
