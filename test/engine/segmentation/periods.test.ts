/**
 * Period headers and dates. Expected serials are Excel's own (DATE(2024,1,1) = 45292,
 * DATE(1990,1,1) = 32874, DATE(2100,1,1) = 73051, DATE(9999,12,31) = 2958465; serial 60 shows as
 * 29-Feb-1900, a date that does not exist — Microsoft, "Excel incorrectly assumes that the year 1900
 * is a leap year"). ISO week Mondays from ISO 8601: 2025-W01 starts 2024-12-30, 2020-W53 on 2020-12-28.
 */
import {
  PLAUSIBLE_SERIAL_MAX,
  PLAUSIBLE_SERIAL_MIN,
  detectHistory,
  excelSerialToIso,
  isoToExcelSerial,
  parseDateCell,
  parsePeriodHeader,
} from "../../../src/engine/segmentation/periods";

const JAN_2025 = 45658; // 2025-01-01
const MON_2025_01_06 = 45663;

describe("Excel serial dates", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [32874, "1990-01-01"],
    [45292, "2024-01-01"],
    [45351, "2024-02-29"],
    [73051, "2100-01-01"],
    [2958465, "9999-12-31"],
  ])("serial %d is %s and back", (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
    expect(isoToExcelSerial(iso)).toBe(serial);
  });

  it("serial 60 is Excel's phantom 1900-02-29: no date, and no date maps to it", () => {
    expect(excelSerialToIso(60)).toBeNull();
    expect(isoToExcelSerial("1900-02-29")).toBeNull();
    expect(isoToExcelSerial("1900-02-28")! + 2).toBe(isoToExcelSerial("1900-03-01"));
  });

  it("drops the time of day and rejects what is not a date", () => {
    expect(excelSerialToIso(45292.75)).toBe("2024-01-01");
    for (const bad of [0, -1, 2958466, NaN, Infinity]) expect(excelSerialToIso(bad)).toBeNull();
    for (const bad of ["2025-02-30", "2025-13-01", "1899-12-31", "2025-1-6", "06.01.2025", ""]) {
      expect(isoToExcelSerial(bad)).toBeNull();
    }
  });

  it("round-trips every day of 1900-2100", () => {
    for (let serial = 1; serial <= PLAUSIBLE_SERIAL_MAX; serial++) {
      if (serial === 60) continue;
      expect(isoToExcelSerial(excelSerialToIso(serial)!)).toBe(serial);
    }
  });
});

describe("parseDateCell (last-movement dates)", () => {
  it.each<[unknown, number | null]>([
    [45292, 45292],
    [45292.5, 45292], // date and time
    ["2024-01-01", 45292],
    ["2024-01-01T13:45:00Z", 45292],
    ["2024-01-01 13:45", 45292],
    ["2024/01/01", 45292],
    ["01.01.2024", 45292], // day first, always, with dots
    ["31.12.2024", 45657],
    ["20240101", 45292], // SAP's yyyymmdd text
    [20240101, 45292],
    ["1-Jan-2024", 45292], // Oracle's DD-MON-YYYY
    ["01-JAN-24", 45292],
    ["Jan 1, 2024", 45292],
    [new Date(Date.UTC(2024, 0, 1)), 45292],
  ])("reads %p", (cell, serial) => {
    expect(parseDateCell(cell)).toBe(serial);
  });

  it.each<[unknown]>([
    ["01/02/2024"], // 1 February or January 2? Never guessed.
    ["2/1/2024"],
    ["45292"], // digits in a date cell are text, not a date
    ["31.02.2024"],
    ["yesterday"],
    [""],
    [null],
    [true],
    [PLAUSIBLE_SERIAL_MIN - 1], // a number outside 1990–2100 is not a date
    [PLAUSIBLE_SERIAL_MAX + 1],
    [5],
    [NaN],
    [new Date(NaN)],
  ])("does not read %p", (cell) => {
    expect(parseDateCell(cell)).toBeNull();
  });
});

describe("parsePeriodHeader", () => {
  it.each([
    "2025-01",
    "2025-1",
    "2025/01",
    "2025.01",
    "01/2025",
    "Jan-25",
    "Jan 25",
    "Jan25",
    "Jan 2025",
    "January 2025",
    "Jan-2025",
    "JAN-25",
    "2025-Jan",
    "jan'25",
  ])("%p is the month January 2025", (h) => {
    expect(parsePeriodHeader(h)).toEqual({ kind: "month", order: JAN_2025, label: "2025-01" });
  });

  it("reads every month name, Sept included, and orders months by their first day", () => {
    const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const orders = names.map((n) => parsePeriodHeader(`${n}-24`)!.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(parsePeriodHeader("Sept-24")!.label).toBe("2024-09");
    expect(parsePeriodHeader("December 2024")!.order).toBe(isoToExcelSerial("2024-12-01"));
  });

  it.each([
    "2025-W01",
    "2025 W01",
    "2025W01",
    "2025-W1",
    "2025 Wk 1",
    "W01 2025",
    "W01-2025",
    "Week 1 2025",
    "2025-KW01",
  ])("%p is ISO week 1 of 2025 (starting Monday 2024-12-30)", (h) => {
    expect(parsePeriodHeader(h)).toEqual({
      kind: "week",
      order: isoToExcelSerial("2024-12-30"),
      label: "2025-W01",
    });
  });

  it("knows 53-week ISO years", () => {
    expect(parsePeriodHeader("2020-W53")!.order).toBe(isoToExcelSerial("2020-12-28"));
    expect(parsePeriodHeader("2021-W01")!.order).toBe(isoToExcelSerial("2021-01-04"));
  });

  it.each(["W01", "W1", "Wk 1", "Wk01", "Week 1", "week 01", "CW1"])("%p is week 1 without a year", (h) => {
    expect(parsePeriodHeader(h)).toEqual({ kind: "week", order: 1, label: "W01" });
  });

  it.each<[unknown]>([
    ["2025-01-06"],
    ["2025-01-06T00:00:00"],
    ["06.01.2025"],
    ["6-Jan-2025"],
    ["Jan 6, 2025"],
    ["20250106"],
    [MON_2025_01_06],
    [String(MON_2025_01_06)],
    [new Date(Date.UTC(2025, 0, 6))],
  ])("%p is the day 2025-01-06 (a date header, numbers included)", (h) => {
    expect(parsePeriodHeader(h)).toEqual({ kind: "day", order: MON_2025_01_06, label: "2025-01-06" });
  });

  it.each<[unknown, number, string]>([
    ["P01", 1, "P01"],
    ["P1", 1, "P01"],
    ["Period 1", 1, "P01"],
    ["Per. 12", 12, "P12"],
    [7, 7, "P07"],
    ["13", 13, "P13"],
    ["2025-P13", 2025013, "2025-P13"],
    ["P13 2025", 2025013, "2025-P13"],
  ])("%p is a generic period", (h, order, label) => {
    expect(parsePeriodHeader(h)).toEqual({ kind: "generic", order, label });
  });

  it("reads yearless months and days", () => {
    expect(parsePeriodHeader("Mar")).toEqual({ kind: "month", order: 3, label: "Mar" });
    expect(parsePeriodHeader("M03")).toEqual({ kind: "month", order: 3, label: "M03" });
    expect(parsePeriodHeader("Month 3")).toEqual({ kind: "month", order: 3, label: "M03" });
    expect(parsePeriodHeader("Day 3")).toEqual({ kind: "day", order: 3, label: "Day 3" });
  });

  it.each<[unknown]>([
    ["SKU"],
    ["Lead Time"],
    ["On Hand"],
    ["12M Demand"],
    ["01/06/2025"], // ambiguous day/month
    ["2025-13"],
    ["W54"],
    ["W0"],
    ["2025"], // a year is not a period unit here
    [2025],
    [1000],
    [PLAUSIBLE_SERIAL_MIN - 1],
    [45292.5],
    [""],
    [null],
    [undefined],
    [true],
  ])("%p is not a period header", (h) => {
    expect(parsePeriodHeader(h)).toBeNull();
  });
});

describe("detectHistory", () => {
  const fixed = ["SKU", "Unit Cost", "On Hand", "LT"];

  it("finds weekly ISO-date columns and calls them weeks", () => {
    const dates = Array.from({ length: 6 }, (_, t) => excelSerialToIso(45292 + 7 * t)!);
    expect(detectHistory([...fixed, ...dates])).toEqual({
      columns: [4, 5, 6, 7, 8, 9],
      periodUnit: "week",
      warnings: [],
    });
  });

  it("reads serial-number headers (real Excel dates) and infers the unit from their spacing", () => {
    const daily = [45292, 45293, 45294, 45295];
    expect(detectHistory(["SKU", ...daily])).toMatchObject({
      columns: [1, 2, 3, 4],
      periodUnit: "day",
      warnings: [],
    });
    const monthly = ["2024-01-01", "2024-02-01", "2024-03-01"].map((d) => isoToExcelSerial(d)!);
    expect(detectHistory(["SKU", ...monthly])).toMatchObject({ periodUnit: "month", warnings: [] });
    const monthEnds = ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"];
    expect(detectHistory(["SKU", ...monthEnds])).toMatchObject({ periodUnit: "month", warnings: [] });
  });

  it("puts columns in time order (newest-first exports included)", () => {
    expect(detectHistory(["SKU", "2025-03", "2025-02", "2025-01"]).columns).toEqual([3, 2, 1]);
    expect(detectHistory(["SKU", "Mar-25", "Jan-25", "Feb-25"])).toMatchObject({
      columns: [2, 3, 1],
      periodUnit: "month",
    });
    expect(detectHistory(["SKU", "2025-W02", "2024-W52", "2025-W01"]).columns).toEqual([2, 3, 1]);
  });

  it("reads a year boundary of ISO weeks as contiguous (2020 has 53 weeks)", () => {
    expect(detectHistory(["2020-W52", "2020-W53", "2021-W01"])).toEqual({
      columns: [0, 1, 2],
      periodUnit: "week",
      warnings: [],
    });
  });

  it("orders yearless weeks by number within their block", () => {
    expect(detectHistory(["SKU", "W03", "W01", "W02"])).toEqual({
      columns: [2, 3, 1],
      periodUnit: "week",
      warnings: [],
    });
    // newest first
    expect(detectHistory(["SKU", "W03", "W02", "W01"]).columns).toEqual([3, 2, 1]);
  });

  it("reads yearless weeks that wrap past W52 in sheet order, and says so", () => {
    const result = detectHistory(["SKU", "W51", "W52", "W01", "W02"]);
    expect(result.columns).toEqual([1, 2, 3, 4]);
    expect(result.warnings).toEqual([expect.stringContaining("carry no year")]);
    // two full yearless years, W01…W52 twice: 104 periods in sheet order
    const twoYears = [
      ...Array.from({ length: 52 }, (_, w) => `W${w + 1}`),
      ...Array.from({ length: 52 }, (_, w) => `W${w + 1}`),
    ];
    expect(detectHistory(twoYears).columns).toEqual(twoYears.map((_, c) => c));
  });

  it("assumes weeks for generic periods, with a warning", () => {
    const result = detectHistory(["SKU", "P01", "P02", "P03"]);
    expect(result).toMatchObject({ columns: [1, 2, 3], periodUnit: "week" });
    expect(result.warnings).toEqual([expect.stringContaining("name no calendar unit")]);
    expect(detectHistory(["SKU", 1, 2, 3, 4]).columns).toEqual([1, 2, 3, 4]);
  });

  it("takes the longest block and reports the others", () => {
    const result = detectHistory(["SKU", "2024-01", "2024-02", "On Hand", "W01", "W02", "W03"]);
    expect(result).toMatchObject({ columns: [4, 5, 6], periodUnit: "week" });
    expect(result.warnings).toEqual([expect.stringContaining("Another block of 2 period columns")]);
  });

  it("skips one foreign column inside a block (a yearly total), with a warning", () => {
    const headers = ["SKU", "2024-11", "2024-12", "Total 2024", "2025-01", "2025-02"];
    const result = detectHistory(headers);
    expect(result.columns).toEqual([1, 2, 4, 5]);
    expect(result.warnings).toEqual([expect.stringContaining("“Total 2024”")]);
  });

  it("warns about missing periods and repeated ones", () => {
    const gap = detectHistory(["2024-01", "2024-02", "2024-05"]);
    expect(gap.columns).toEqual([0, 1, 2]);
    expect(gap.warnings).toEqual([
      expect.stringMatching(/^2 period\(s\) are missing.*“2024-02” and “2024-05”/),
    ]);
    const repeated = detectHistory(["2024-01", "Jan-24", "2024-02"]);
    expect(repeated.columns).toEqual([0, 2]);
    expect(repeated.warnings).toEqual([expect.stringContaining("“Jan-24”")]);
  });

  it("finds no history in a table without one, or in a single period column", () => {
    expect(detectHistory(["SKU", "Annual Demand", "CV"])).toEqual({
      columns: [],
      periodUnit: "week",
      warnings: [],
    });
    expect(detectHistory(["SKU", "2025-01", "On Hand"])).toEqual({
      columns: [],
      periodUnit: "week",
      warnings: [],
    });
    expect(detectHistory([])).toEqual({ columns: [], periodUnit: "week", warnings: [] });
  });

  it("does not mix styles in one block", () => {
    // months then weeks: two blocks, the longer wins
    expect(detectHistory(["2024-11", "2024-12", "2025-W01", "2025-W02", "2025-W03"]).columns).toEqual([
      2, 3, 4,
    ]);
  });
});
