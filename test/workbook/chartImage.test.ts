/** The chart pictures: a valid PNG (checked by decoding it), axes, bars where the data says, and skips. */
import { inflateSync } from "node:zlib";
import { CategoryChartSpec, ReportTable, ScatterChartSpec } from "../../src/engine/report";
import { drawText, fitText, fontText, textWidth } from "../../src/workbook/bitmapFont";
import {
  ChartSkipped,
  SERIES_COLORS,
  axisLabel,
  niceScale,
  renderChart,
  scatterData,
  scatterFrame,
  scatterScale,
} from "../../src/workbook/chartImage";
import { Raster, crc32, encodePng, rgbOf } from "../../src/workbook/png";
import { paretoTable, releaseTable, summarySheet } from "../excel/reportFixtures";

/** Decodes an 8-bit RGB PNG with filter 0 rows (what encodePng writes), checking every chunk's CRC. */
function decode(png: Buffer): { width: number; height: number; pixel: (x: number, y: number) => string } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    types.push(type);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 2]);
    }
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  expect(types).toEqual(["IHDR", "pHYs", "IDAT", "IEND"]);
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((width * 3 + 1) * height);
  const pixel = (x: number, y: number) => {
    const i = y * (width * 3 + 1) + 1 + x * 3;
    return `#${[raw[i], raw[i + 1], raw[i + 2]].map((b) => b.toString(16).padStart(2, "0").toUpperCase()).join("")}`;
  };
  return { width, height, pixel };
}

function countColor(
  image: ReturnType<typeof decode>,
  color: string,
  box = { x0: 0, y0: 0, x1: image.width, y1: image.height },
) {
  let n = 0;
  for (let y = box.y0; y < box.y1; y++)
    for (let x = box.x0; x < box.x1; x++) if (image.pixel(x, y) === color) n++;
  return n;
}

const [paretoSpec, barSpec] = summarySheet().charts as CategoryChartSpec[];

describe("PNG and font", () => {
  test("CRC-32 of the IEND type is PNG's well-known AE426082", () => {
    expect(crc32(Buffer.from("IEND", "latin1"))).toBe(0xae426082);
  });

  test("a raster round-trips through the encoder", () => {
    const raster = new Raster(7, 3);
    raster.fillRect(1, 1, 2, 1, "#123456");
    const image = decode(encodePng(raster));
    expect([image.width, image.height]).toEqual([7, 3]);
    expect([image.pixel(0, 0), image.pixel(1, 1), image.pixel(2, 1), image.pixel(3, 1)]).toEqual([
      "#FFFFFF",
      "#123456",
      "#123456",
      "#FFFFFF",
    ]);
    expect(rgbOf("#ED7D31")).toEqual([0xed, 0x7d, 0x31]);
  });

  test("text: accents dropped, symbols spelled out, widths on a 6-pixel advance, cut with ..", () => {
    expect(fontText("Café — σLT … ½")).toBe("Cafe - σLT ... ½");
    expect(textWidth("ABC", 2)).toBe((3 * 6 - 1) * 2);
    expect(fitText("Pareto: cumulative share", 6 * 10, 1)).toBe("Pareto: ..");
    expect(fitText("short", 100, 1)).toBe("short");
    const raster = new Raster(20, 10);
    drawText(raster, "I", 0, 0, 1, "#000000");
    expect(decode(encodePng(raster)).pixel(2, 3)).toBe("#000000");
  });
});

describe("axes", () => {
  test("nice scales include zero and end on whole steps (Heckbert)", () => {
    expect(niceScale(0, 98.4)).toEqual({ min: 0, max: 100, step: 20 });
    expect(niceScale(0, 26_706_261)).toEqual({ min: 0, max: 30_000_000, step: 10_000_000 });
    expect(niceScale(-3, 7)).toEqual({ min: -4, max: 8, step: 2 });
    expect(niceScale(0, 0)).toEqual({ min: 0, max: 1, step: 0.2 });
  });

  test("labels: k / M / B, percentages, decimals only as the step needs", () => {
    expect(axisLabel(5_000_000, 5_000_000, "currency")).toBe("5M");
    expect(axisLabel(2_500_000, 500_000, "currency")).toBe("2.5M");
    expect(axisLabel(40_000, 20_000, "currency")).toBe("40k");
    expect(axisLabel(1_500, 500, "integer")).toBe("1,500");
    expect(axisLabel(0.75, 0.25, "percent")).toBe("75%");
    expect(axisLabel(0.4, 0.2, "days")).toBe("0.4");
    expect(axisLabel(-0, 1, "days")).toBe("0");
  });
});

/** The tables of a sheet, by name, as renderChart looks them up. */
function tableMap(table: ReportTable): Map<string, ReportTable> {
  return new Map([[table.name, table]]);
}

describe("charts", () => {
  test("pareto: columns in the first series colour, the cumulative line in the second, title on top", () => {
    const picture = renderChart(paretoSpec, tableMap(paretoTable()));
    expect([picture.width, picture.height]).toEqual([640, 347]);
    const image = decode(picture.png);
    expect([image.width, image.height]).toEqual([1280, 694]);
    expect(countColor(image, SERIES_COLORS[0])).toBeGreaterThan(10_000);
    expect(countColor(image, SERIES_COLORS[1])).toBeGreaterThan(1_000);
    expect(countColor(image, "#404040", { x0: 0, y0: 0, x1: image.width, y1: 60 })).toBeGreaterThan(300);
    // The first column (70% of the value) is taller than the last (3%): more blue on the left quarter.
    const left = countColor(image, SERIES_COLORS[0], { x0: 0, y0: 0, x1: image.width / 4, y1: image.height });
    const right = countColor(image, SERIES_COLORS[0], {
      x0: (3 * image.width) / 4,
      y0: 0,
      x1: image.width,
      y1: image.height,
    });
    expect(left).toBeGreaterThan(5 * right);
  });

  test("bars: one bar per category and series, a legend for two series", () => {
    const image = decode(renderChart(barSpec, tableMap(releaseTable())).png);
    expect(countColor(image, SERIES_COLORS[0])).toBeGreaterThan(5_000);
    expect(countColor(image, SERIES_COLORS[1])).toBeGreaterThan(1_000);
  });

  test("columns and lines draw negative values below the zero line", () => {
    const table: ReportTable = {
      name: "T",
      columns: [
        { key: "c", header: "Month", format: "text" },
        { key: "v", header: "Variance", format: "currency" },
      ],
      rows: [
        ["Jan", 100],
        ["Feb", -50],
        ["Mar", null],
      ],
    };
    for (const kind of ["column", "line"] as const) {
      const spec: CategoryChartSpec = {
        kind,
        title: "Variance",
        table: "T",
        categories: "c",
        series: ["v"],
        at: { row: 0, column: 0 },
        width: 300,
        height: 200,
      };
      const image = decode(renderChart(spec, tableMap(table)).png);
      expect(countColor(image, SERIES_COLORS[0])).toBeGreaterThan(500);
    }
  });

  test("what cannot be drawn well is refused with the reason", () => {
    const many: ReportTable = {
      ...paretoTable(),
      rows: Array.from({ length: 500 }, (_, i) => [`${i}`, i, i / 500]),
    };
    expect(() => renderChart(paretoSpec, tableMap(many))).toThrow(
      new ChartSkipped("500 categories are too many to draw"),
    );
    expect(() => renderChart({ ...barSpec, height: 30 }, tableMap(releaseTable()))).toThrow(ChartSkipped);
    expect(() => renderChart({ ...barSpec, categories: "nope" }, tableMap(releaseTable()))).toThrow(
      'column "nope" is not in table',
    );
  });
});

describe("XY scatter", () => {
  /** A service-vs-cash frontier: a curve (line) and two policies (markers only). */
  const frontier: ReportTable = {
    name: "Frontier",
    columns: [
      { key: "value", header: "Inventory value", format: "currency" },
      { key: "fill", header: "Fill rate", format: "percent" },
    ],
    rows: [
      [100_000, 0.9],
      [150_000, 0.95],
      [220_000, 0.98],
      [null, 0.99],
      [300_000, 0.995],
    ],
  };
  const policies: ReportTable = {
    name: "Policies",
    columns: [
      { key: "label", header: "Policy", format: "text" },
      { key: "value", header: "Inventory value", format: "currency" },
      { key: "fill", header: "Fill rate", format: "percent" },
    ],
    rows: [
      ["Current", 260_000, 0.93],
      ["Recommended", 160_000, 0.96],
      ["Blank", "n/a", 0.97],
    ],
  };
  const tables = new Map([
    [frontier.name, frontier],
    [policies.name, policies],
  ]);
  const spec: ScatterChartSpec = {
    kind: "scatter",
    title: "Service vs cash",
    at: { row: 0, column: 0 },
    width: 480,
    height: 300,
    xTitle: "Average inventory value",
    yTitle: "Achieved fill rate",
    series: [
      { name: "Frontier", table: "Frontier", x: "value", y: "fill", line: true },
      { name: "Current", table: "Policies", x: "value", y: "fill", line: false },
    ],
  };

  test("points: rows with a blank or text x or y are left out; axis formats from the first series", () => {
    const data = scatterData(spec, tables);
    expect(data.series.map((s) => s.points)).toEqual([
      [
        [100_000, 0.9],
        [150_000, 0.95],
        [220_000, 0.98],
        [300_000, 0.995],
      ],
      [
        [260_000, 0.93],
        [160_000, 0.96],
      ],
    ]);
    expect([data.xFormat, data.yFormat]).toEqual(["currency", "percent"]);
  });

  test("axes scale as Excel's: from 0 unless the values' spread is under a sixth of the largest", () => {
    // Inventory 100k–300k: spread 2/3 of the max → from 0; Heckbert: nice range 500k ÷ 5 ticks → 100k.
    expect(scatterScale(100_000, 300_000)).toEqual({ min: 0, max: 300_000, step: 100_000 });
    // Fill rates 90%–99.5%: spread 9.5% of the max → the axis hugs the data in steps of 2%.
    const y = scatterScale(0.9, 0.995);
    expect(y.step).toBeCloseTo(0.02, 12);
    expect(y.min).toBeCloseTo(0.9, 12);
    expect(y.max).toBeCloseTo(1, 12);
    // Negative values of one sign hug too; a single value falls back to an axis from 0.
    expect(scatterScale(-105, -100).max).toBe(-100);
    expect(scatterScale(5, 5)).toEqual(niceScale(5, 5));
    expect(axisLabel(0.92, y.step, "percent")).toBe("92%");
    expect(axisLabel(150_000, 50_000, "currency")).toBe("150k");
  });

  test("draws each point in its series colour where the axes put it, lines between a curve's points", () => {
    const picture = renderChart(spec, tables);
    expect([picture.width, picture.height]).toEqual([640, 400]);
    const image = decode(picture.png);
    const frame = scatterFrame(scatterData(spec, tables), image.width, image.height);
    const at = (x: number, y: number) => image.pixel(Math.round(frame.x(x)), Math.round(frame.y(y)));
    // The frontier's points (series 1, blue), and the midpoint of a segment of its line.
    for (const [x, y] of scatterData(spec, tables).series[0].points) expect(at(x, y)).toBe(SERIES_COLORS[0]);
    expect(at(125_000, 0.925)).toBe(SERIES_COLORS[0]);
    // The two policies (series 2, orange): markers only, no line between them.
    expect(at(260_000, 0.93)).toBe(SERIES_COLORS[1]);
    expect(at(160_000, 0.96)).toBe(SERIES_COLORS[1]);
    expect(at(210_000, 0.945)).toBe("#FFFFFF");
    // The plot box: axis from 0 (x) and 90%–100% (y); nothing coloured outside the markers' reach.
    expect(frame.xScale).toEqual({ min: 0, max: 300_000, step: 100_000 });
    expect(image.pixel(Math.round(frame.x(50_000)), Math.round(frame.y(0.99)))).toBe("#FFFFFF");
    // Tick labels and axis titles in the text colour: under the plot and left of it.
    const below = { x0: 0, y0: Math.round(frame.plot.bottom) + 4, x1: image.width, y1: image.height - 60 };
    expect(countColor(image, "#404040", below)).toBeGreaterThan(500);
    const leftOf = {
      x0: 0,
      y0: Math.round(frame.plot.top),
      x1: Math.round(frame.plot.left) - 4,
      y1: Math.round(frame.plot.bottom),
    };
    expect(countColor(image, "#404040", leftOf)).toBeGreaterThan(300);
    // A legend: one swatch per series at the bottom.
    const legend = { x0: 0, y0: image.height - 60, x1: image.width, y1: image.height };
    expect(countColor(image, SERIES_COLORS[0], legend)).toBeGreaterThanOrEqual(256);
    expect(countColor(image, SERIES_COLORS[1], legend)).toBeGreaterThanOrEqual(256);
  });

  test("a legend too wide for one row wraps onto more rows, whole names first, and the plot makes room", () => {
    const long = (name: string) => ({ ...spec.series[1], name });
    const wide: ScatterChartSpec = {
      ...spec,
      series: [
        spec.series[0],
        long("Current policy of the strategic items"),
        long("Recommended policy of the strategic items"),
        long("Current policy of the tail items"),
      ],
    };
    const image = decode(renderChart(wide, tables).png);
    const oneRow = scatterFrame(scatterData(spec, tables), image.width, image.height);
    const wrapped = scatterFrame(scatterData(wide, tables), image.width, image.height);
    // 2 device pixels a displayed pixel, line height 9 × label scale 3: each extra row is 27 pixels.
    expect(oneRow.plot.bottom - wrapped.plot.bottom).toBe(2 * 27);
    // Every series' swatch is drawn below the x-axis title (the legend block).
    const legend = { x0: 0, y0: Math.round(wrapped.plot.bottom) + 60, x1: image.width, y1: image.height };
    for (let k = 0; k < 4; k++)
      expect(countColor(image, SERIES_COLORS[k], legend)).toBeGreaterThanOrEqual(256);
  });

  test("what cannot be drawn is refused with the reason", () => {
    expect(() => renderChart({ ...spec, series: [] }, tables)).toThrow(new ChartSkipped("it has no series"));
    expect(() => renderChart({ ...spec, series: [{ ...spec.series[0], table: "Nope" }] }, tables)).toThrow(
      "table Nope is not on that sheet",
    );
    expect(() => renderChart({ ...spec, series: [{ ...spec.series[0], y: "nope" }] }, tables)).toThrow(
      'column "nope" is not in table Frontier',
    );
    const empty = new Map([["Frontier", { ...frontier, rows: [[null, 0.5]] }]]);
    expect(() => renderChart({ ...spec, series: [spec.series[0]] }, empty)).toThrow(
      "it has no points to draw",
    );
    expect(() => renderChart({ ...spec, width: 100 }, tables)).toThrow(ChartSkipped);
  });
});
