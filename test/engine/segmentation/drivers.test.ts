/**
 * Driver columns (promotion flags and prices per period) in the SKU table: detection next to the
 * demand history, the mapping in words, and the values prepareItems reads. ISO week Mondays from
 * ISO 8601 (2024-W01 starts 2024-01-01); serials are Excel's (DATE(2024,1,1) = 45292).
 */
import { CellValue } from "../../../src/engine/report";
import { autoMap, describeDrivers, describeMapping } from "../../../src/engine/segmentation/mapping";
import { prepareItems } from "../../../src/engine/segmentation/prepare";
import {
  detectDrivers,
  detectHistory,
  isDriverHeader,
  parseDriverHeader,
} from "../../../src/engine/segmentation/periods";

const weeks = (n: number, from = 0) =>
  Array.from({ length: n }, (_, t) => {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * (t + from)));
    return d.toISOString().slice(0, 10);
  });

describe("parseDriverHeader", () => {
  it.each([
    ["Promo 2024-01-01", "promo", "2024-01-01"],
    ["promo_2024-01-08", "promo", "2024-01-08"],
    ["Promotion: Jan 2024", "promo", "2024-01"],
    ["Promo Flag W01", "promo", "W01"],
    ["On Promo - 2024-W05", "promo", "2024-W05"],
    ["Deal/2024-03", "promo", "2024-03"],
    ["2024-01 Price", "price", "2024-01"],
    ["price_2024-W05", "price", "2024-W05"],
    ["Net Price P07", "price", "P07"],
    ["2024-01-01 Selling Price", "price", "2024-01-01"],
    ["W02 sell price", "price", "W02"],
    ["Price 45292", "price", "2024-01-01"],
  ])("%s is a %s column for %s", (header, kind, label) => {
    expect(parseDriverHeader(header)).toMatchObject({ kind, period: { label } });
  });

  it.each([
    "Unit Price",
    "Price",
    "Promo",
    "Promo Notes",
    "Price List 2",
    "2024-01-01",
    "Promotional 2024-01",
    45292,
  ])("%s is not a driver column", (header) => {
    expect(parseDriverHeader(header)).toBeNull();
    expect(isDriverHeader(header)).toBe(false);
  });

  it("driver columns are never read as demand history", () => {
    const headers = [
      "SKU",
      ...weeks(4),
      ...weeks(4).map((w) => `Promo ${w}`),
      ...weeks(6).map((w) => `Price ${w}`),
    ];
    const history = detectHistory(headers);
    expect(history.columns).toEqual([1, 2, 3, 4]);
    expect(history.warnings).toEqual([]);
  });

  it("driver columns between the period columns (week by week) do not break the history", () => {
    const headers = [
      "SKU",
      ...weeks(3).flatMap((w) => [w, `Promo ${w}`, `Price ${w}`]),
      `Promo ${weeks(1, 3)[0]}`,
    ];
    const history = detectHistory(headers);
    expect(history.columns).toEqual([1, 4, 7]);
    expect(history.warnings).toEqual([]);
    expect(detectDrivers(headers, history.columns)).toEqual({
      promo: { history: [2, 5, 8], future: [10] },
      price: { history: [3, 6, 9], future: [] },
      warnings: [],
    });
  });
});

describe("detectDrivers", () => {
  it("lines up prefix and suffix blocks of weekly ISO dates, with future columns", () => {
    const h = weeks(4);
    const headers = ["SKU", ...h, ...weeks(6).map((w) => `Promo ${w}`), ...weeks(5).map((w) => `${w} Price`)];
    const d = detectDrivers(headers, [1, 2, 3, 4]);
    expect(d.promo).toEqual({ history: [5, 6, 7, 8], future: [9, 10] });
    expect(d.price).toEqual({ history: [11, 12, 13, 14], future: [15] });
    expect(d.warnings).toEqual([]);
  });

  it("matches real date headers (serial numbers) with ISO date labels", () => {
    const headers = ["SKU", "45292", "45299", "Promo 2024-01-01", "Promo 2024-01-08", "Promo 2024-01-15"];
    expect(detectDrivers(headers, [1, 2]).promo).toEqual({ history: [3, 4], future: [5] });
  });

  it("matches by period, not by position: a missing period is −1, sheet order does not matter", () => {
    const headers = [
      "SKU",
      "2024-01",
      "2024-02",
      "2024-03",
      "Price 2024-03",
      "Price Jan 2024",
      "Price 2024-04",
    ];
    const d = detectDrivers(headers, [1, 2, 3]);
    expect(d.price).toEqual({ history: [5, -1, 4], future: [6] });
    expect(d.promo).toBeUndefined();
    expect(d.warnings).toEqual([]);
  });

  it("months: December runs into January of the next year", () => {
    const headers = [
      "2024-11",
      "2024-12",
      "Promo 2024-11",
      "Promo 2024-12",
      "Promo 2025-01",
      "Promo 2025-02",
    ];
    expect(detectDrivers(headers, [0, 1]).promo).toEqual({ history: [2, 3], future: [4, 5] });
  });

  it("generic yearless labels match by label, the k-th repeat with the k-th history period", () => {
    const history = ["W51", "W52", "W01", "W02"];
    const headers = [...history, ...["W51", "W52", "W01", "W02", "W03", "W04"].map((w) => `Promo ${w}`)];
    const d = detectDrivers(headers, detectHistory(headers).columns);
    expect(d.promo).toEqual({ history: [4, 5, 6, 7], future: [8, 9] });
    expect(d.warnings).toEqual([]);
  });

  it("generic periods P01 … with future P05", () => {
    const headers = [
      "P01",
      "P02",
      "P03",
      "P04",
      "P01 Price",
      "P02 Price",
      "P03 Price",
      "P04 Price",
      "P05 Price",
    ];
    expect(detectDrivers(headers, [0, 1, 2, 3]).price).toEqual({ history: [4, 5, 6, 7], future: [8] });
  });

  it("a future label that is not consecutive with the history is ignored with a warning", () => {
    const headers = ["SKU", ...weeks(3), ...weeks(4).map((w) => `Promo ${w}`), `Promo ${weeks(1, 6)[0]}`];
    const d = detectDrivers(headers, [1, 2, 3]);
    expect(d.promo).toEqual({ history: [4, 5, 6], future: [7] });
    expect(d.warnings).toEqual([
      "1 promotion column(s) name no history period and no period right after the history (“Promo 2024-02-12”) and are not used.",
    ]);
  });

  it("a label before the history is ignored with a warning", () => {
    const headers = ["2024-02", "2024-03", "Price 2023-12", "Price 2024-02"];
    const d = detectDrivers(headers, [0, 1]);
    expect(d.price).toEqual({ history: [3, -1], future: [] });
    expect(d.warnings).toHaveLength(1);
  });

  it("labels of another style than the history are ignored with a warning", () => {
    const headers = ["SKU", ...weeks(2), "Promo 2024-W01", "Promo 2024-W02", "Price 2024-01-01"];
    const d = detectDrivers(headers, [1, 2]);
    expect(d.promo).toBeUndefined();
    expect(d.price).toEqual({ history: [5, -1], future: [] });
    expect(d.warnings).toEqual([
      "2 promotion column(s) name periods in another style than the demand history (“Promo 2024-W01”, “Promo 2024-W02”) and are not used.",
    ]);
  });

  it("a second column for the same period is ignored with a warning", () => {
    const headers = ["2024-01", "2024-02", "Deal 2024-01", "Promo 2024-01"];
    const d = detectDrivers(headers, [0, 1]);
    expect(d.promo).toEqual({ history: [2, -1], future: [] });
    expect(d.warnings[0]).toMatch(/^1 promotion column\(s\) repeat an earlier column's period/);
  });

  it("without history the driver columns are not used (with a warning); without them nothing is said", () => {
    expect(detectDrivers(["SKU", "Promo 2024-01"], [])).toEqual({
      warnings: [expect.stringMatching(/^1 promotion or price column\(s\) \(“Promo 2024-01”\) are not used/)],
    });
    expect(detectDrivers(["SKU", "2024-01", "2024-02", "Unit Price"], [1, 2])).toEqual({ warnings: [] });
  });
});

describe("autoMap and describeMapping with driver columns", () => {
  const headers = [
    "SKU",
    "Unit Cost",
    "Unit Price",
    "On Hand",
    "LT",
    ...weeks(3),
    ...weeks(5).map((w) => `Promo ${w}`),
    ...weeks(3).map((w) => `Price ${w}`),
    "Promo 2025-06-02",
  ];

  it("maps Unit Price as the unit price, never a driver column as a field or unmapped, and warns of the unused one", () => {
    const { mapping, unmapped, warnings } = autoMap(headers);
    expect(mapping.columns.unitPrice).toBe(2);
    expect(mapping.history).toEqual([5, 6, 7]);
    expect(unmapped).toEqual([]);
    expect(warnings).toContain(
      "1 promotion column(s) name no history period and no period right after the history (“Promo 2025-06-02”) and are not used.",
    );
  });

  it("adds a line per driver block", () => {
    const { mapping } = autoMap(headers);
    const lines = describeMapping(mapping, headers);
    const history = lines.indexOf("Demand history: 3 weekly periods, “2024-01-01” to “2024-01-15”");
    expect(history).toBeGreaterThanOrEqual(0);
    expect(lines.slice(history + 1, history + 3)).toEqual([
      "Promotions: 3 of 3 history periods + 2 ahead (Promo 2024-01-01 … Promo 2024-01-29)",
      "Prices: 3 of 3 history periods (Price 2024-01-01 … Price 2024-01-15)",
    ]);
  });

  it("counts the history periods a block covers", () => {
    const h = ["2024-01", "2024-02", "2024-03", "Price 2024-02"];
    expect(
      describeDrivers({ columns: {}, history: [0, 1, 2], periodUnit: "month", leadTimeUnit: "period" }, h),
    ).toEqual(["Prices: 1 of 3 history periods (Price 2024-02)"]);
    expect(
      describeDrivers({ columns: {}, history: [], periodUnit: "month", leadTimeUnit: "period" }, h),
    ).toEqual([]);
  });
});

describe("prepareItems reads the driver blocks", () => {
  const headers = [
    "SKU",
    "Unit Cost",
    "On Hand",
    "Lead Time",
    "2024-01",
    "2024-02",
    "2024-03",
    "Promo 2024-01",
    "Promo 2024-03",
    "Promo 2024-04",
    "Promo 2024-05",
    "2024-01 Price",
    "2024-02 Price",
    "2024-03 Price",
    "2024-04 Price",
  ];
  const rows: CellValue[][] = [
    ["A", 1, 10, 1, 5, 6, 7, 1, 0, "Y", "x", 9.5, 9, "n/a", 8],
    ["B", null, 10, 1, 5, 6, 7, 1, 1, 1, 1, 1, 1, 1, 1], // no unit cost: an exception
    ["C", 2, 10, 1, 5, 6, 7, "yes", "N", null, "maybe", "#N/A", null, 10, true],
    ["D", 2, 10, 1, 5, 6, 7, true, false, "FALSE", 0.5, 7, 7, 7, 7],
  ];
  const input = { headers, rows };

  it("in item order, NaN for blanks, text and missing periods; yes/no words and TRUE/FALSE as promotion flags", () => {
    const mapping = autoMap(headers).mapping;
    const { items, exceptions } = prepareItems(input, mapping, 10);
    expect(exceptions.map((e) => e.sku)).toEqual(["B"]);
    expect(items.sku).toEqual(["A", "C", "D"]);
    const drivers = items.drivers!;
    // Promotions reach two periods ahead, prices one: both blocks are cut to one.
    expect(drivers.horizon).toBe(1);
    expect(Array.from(drivers.promo!)).toEqual([1, NaN, 0, 1, 1, NaN, 0, NaN, 1, NaN, 0, 0]);
    expect(Array.from(drivers.price!)).toEqual([9.5, 9, NaN, 8, NaN, NaN, 10, NaN, 7, 7, 7, 7]);
  });

  it("is null without driver blocks or without history", () => {
    const plain = { headers: headers.slice(0, 7), rows: rows.map((r) => r.slice(0, 7)) };
    expect(prepareItems(plain, autoMap(plain.headers).mapping, 10).items.drivers).toBeNull();
    const noHistory = {
      ...autoMap(headers).mapping,
      history: [],
      columns: { ...autoMap(headers).mapping.columns },
    };
    expect(prepareItems(input, noHistory, 10).items.drivers).toBeNull();
  });

  it("one block alone keeps its whole future", () => {
    const only = { headers: headers.slice(0, 11), rows: rows.map((r) => r.slice(0, 11)) };
    const drivers = prepareItems(only, autoMap(only.headers).mapping, 10).items.drivers!;
    expect(drivers.horizon).toBe(2);
    expect(drivers.price).toBeNull();
    expect(drivers.promo).toHaveLength(3 * 5);
  });
});
