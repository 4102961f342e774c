/**
 * A Report chart as a PNG picture, for the file writer (which writes no chart parts):
 * clustered columns, horizontal bars, lines, a pareto (columns with the cumulative share as a
 * line on a 0–100% secondary axis), and XY scatter charts (points, joined in row order for a line
 * series, on two value axes with titles). Title, value axes with "nice" ticks (Heckbert, Graphics
 * Gems 1990) labelled in their columns' formats, category labels, gridlines and a legend when
 * there is more than one series (always for a scatter), in Excel's default palette. Drawn at twice
 * its display size so it stays sharp when zoomed.
 */
import {
  CategoryChartSpec,
  CellValue,
  ChartSpec,
  ColumnFormat,
  ReportTable,
  ScatterChartSpec,
  columnIndex,
} from "../engine/report";
import { CAP_HEIGHT, LINE_HEIGHT, drawText, fitText, textWidth } from "./bitmapFont";
import { Raster, Rgb, encodePng } from "./png";

/** Device pixels per displayed pixel. */
export const SUPERSAMPLE = 2;
/** Displayed pixels per point (96 dpi ÷ 72). */
export const PIXELS_PER_POINT = 96 / 72;

/** Excel's default series colours (Office theme accents 1–6). */
export const SERIES_COLORS: readonly Rgb[] = [
  "#4472C4",
  "#ED7D31",
  "#A5A5A5",
  "#FFC000",
  "#5B9BD5",
  "#70AD47",
];
const TEXT = "#404040";
const GRID = "#D9D9D9";
const AXIS = "#A6A6A6";
const BORDER = "#D9D9D9";

/** Why a chart was not drawn. */
export class ChartSkipped extends Error {}

interface Series {
  name: string;
  values: (number | null)[];
  format: ColumnFormat;
}

export interface ChartData {
  categories: string[];
  series: Series[];
  /** Pareto: the cumulative share, drawn as a line on the secondary axis. */
  cumulative?: Series;
}

/** More categories than this cannot be labelled or told apart in a picture of Summary size. */
const MAX_CATEGORIES = 200;

function numberOrNull(v: CellValue): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** The chart's data from its table; ChartSkipped when the spec does not fit the table. */
export function chartData(spec: CategoryChartSpec, table: ReportTable): ChartData {
  const column = (key: string) => {
    const j = columnIndex(table, key);
    if (j < 0) throw new ChartSkipped(`column "${key}" is not in table ${table.name}`);
    return j;
  };
  const categoryColumn = column(spec.categories);
  const seriesOf = (key: string): Series => {
    const j = column(key);
    return {
      name: table.columns[j].header,
      values: table.rows.map((r) => numberOrNull(r[j])),
      format: table.columns[j].format,
    };
  };
  if (spec.series.length === 0) throw new ChartSkipped("it has no series");
  if (table.rows.length > MAX_CATEGORIES)
    throw new ChartSkipped(`${table.rows.length} categories are too many to draw`);
  return {
    categories: table.rows.map((r) => (r[categoryColumn] === null ? "" : String(r[categoryColumn]))),
    series: spec.series.map(seriesOf),
    cumulative:
      spec.kind === "pareto" && spec.cumulative !== undefined ? seriesOf(spec.cumulative) : undefined,
  };
}

/** An axis: its bounds and tick step. */
export interface AxisScale {
  min: number;
  max: number;
  step: number;
}

/**
 * Axis bounds and tick step: round numbers covering [min, max] (0 included unless `includeZero`
 * is false).
 */
export function niceScale(min: number, max: number, maxTicks = 6, includeZero = true): AxisScale {
  let lo = includeZero ? Math.min(0, min) : min;
  let hi = includeZero ? Math.max(0, max) : max;
  if (lo === hi) hi = lo + 1;
  const nice = (x: number, round: boolean) => {
    const exponent = Math.floor(Math.log10(x));
    const f = x / 10 ** exponent;
    const nf = round ? (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) : f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return nf * 10 ** exponent;
  };
  const step = nice(nice(hi - lo, false) / (maxTicks - 1), true);
  // Rounded outwards to whole steps; the tolerance keeps an exact multiple (0 above all) in place.
  lo = Math.floor(lo / step + 1e-9) * step;
  hi = Math.ceil(hi / step - 1e-9) * step;
  return { min: lo, max: hi, step };
}

/** An axis label: percentages as %, large numbers as k / M / B, decimals only as the step needs. */
export function axisLabel(value: number, step: number, format: ColumnFormat): string {
  const v = Math.abs(value) < step * 1e-9 ? 0 : value;
  if (v === 0) return format === "percent" ? "0%" : "0";
  if (format === "percent") {
    const digits = Math.max(0, Math.min(2, -Math.floor(Math.log10(step * 100) + 1e-9)));
    return `${(v * 100).toFixed(digits)}%`;
  }
  const size = Math.max(Math.abs(v), step);
  const [divisor, suffix] =
    size >= 1e9 ? [1e9, "B"] : size >= 1e6 ? [1e6, "M"] : size >= 1e4 ? [1e3, "k"] : [1, ""];
  const digits = Math.max(0, Math.min(2, -Math.floor(Math.log10(step / divisor) + 1e-9)));
  const text = (v / divisor).toFixed(digits);
  return `${divisor === 1 ? Number(text).toLocaleString("en-US", { minimumFractionDigits: digits }) : text}${suffix}`;
}

interface Layout {
  raster: Raster;
  s: number;
  labelScale: number;
}

function finiteValues(series: readonly Series[]): number[] {
  return series.flatMap((s) => s.values.filter((v): v is number => v !== null));
}

/**
 * Draws `spec` over `table`. Returns the PNG and its displayed size in pixels; throws ChartSkipped
 * when the chart cannot be drawn well (missing columns, too many categories, too small).
 */
export function renderChart(
  spec: ChartSpec,
  tables: ReadonlyMap<string, ReportTable>,
): { png: Buffer; width: number; height: number } {
  if (spec.kind === "scatter") return renderScatter(spec, tables);
  const table = tables.get(spec.table);
  if (table === undefined) throw new ChartSkipped(`table ${spec.table} is not on that sheet`);
  const data = chartData(spec, table);
  const width = Math.round(spec.width * PIXELS_PER_POINT);
  const height = Math.round(spec.height * PIXELS_PER_POINT);
  if (width < 120 || height < 90)
    throw new ChartSkipped(`${spec.width} × ${spec.height} points is too small to draw`);
  const s = SUPERSAMPLE;
  const raster = new Raster(width * s, height * s);
  const layout: Layout = { raster, s, labelScale: 3 };
  const W = raster.width;
  const H = raster.height;
  const pad = 8 * s;
  raster.strokeRect(0, 0, W, H, BORDER, s);

  const titleScale = 2 * s;
  const title = fitText(spec.title, W - 2 * pad, titleScale);
  drawText(raster, title, (W - textWidth(title, titleScale)) / 2, pad, titleScale, TEXT);
  const top = pad + CAP_HEIGHT * titleScale + 10 * s;

  const entries = [...data.series, ...(data.cumulative ? [data.cumulative] : [])];
  let bottom = H - pad;
  if (entries.length > 1) bottom = drawLegend(layout, entries, H - pad) - 6 * s;

  if (spec.kind === "bar") drawBars(layout, data, { top, bottom, left: pad, right: W - pad });
  else drawColumnsOrLines(layout, spec.kind, data, { top, bottom, left: pad, right: W - pad });
  return { png: encodePng(raster, Math.round(3780 * s)), width, height };
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface LegendEntry {
  name: string;
  /** Index of the series, for its colour. */
  index: number;
  width: number;
}

const LEGEND_SWATCH = 8;
const LEGEND_GAP = 12;

/**
 * The legend's entries in rows that fit `width` device pixels, in series order: a row takes
 * entries while they fit, and only a name wider than a whole row is cut.
 */
function legendRows(names: readonly string[], width: number, scale: number, s: number): LegendEntry[][] {
  const swatch = LEGEND_SWATCH * s;
  const gap = LEGEND_GAP * s;
  const room = width - 2 * 8 * s;
  const rows: LegendEntry[][] = [];
  let row: LegendEntry[] = [];
  let used = 0;
  names.forEach((full, index) => {
    const name = fitText(full, room - swatch - 4 * s, scale);
    const entryWidth = swatch + 4 * s + textWidth(name, scale);
    if (row.length > 0 && used + gap + entryWidth > room) {
      rows.push(row);
      row = [];
      used = 0;
    }
    used += (row.length > 0 ? gap : 0) + entryWidth;
    row.push({ name, index, width: entryWidth });
  });
  if (row.length > 0) rows.push(row);
  return rows;
}

/** The legend centred above `baseline`, on as many rows as it needs; returns its top. */
function drawLegend(layout: Layout, entries: readonly { name: string }[], baseline: number): number {
  const { raster, s, labelScale } = layout;
  const swatch = LEGEND_SWATCH * s;
  const gap = LEGEND_GAP * s;
  const rows = legendRows(
    entries.map((e) => e.name),
    raster.width,
    labelScale,
    s,
  );
  const top = baseline - LINE_HEIGHT * labelScale * rows.length;
  rows.forEach((row, r) => {
    const total = row.reduce((a, e) => a + e.width, 0) + gap * (row.length - 1);
    const textTop = top + LINE_HEIGHT * labelScale * r + ((LINE_HEIGHT - CAP_HEIGHT) * labelScale) / 2;
    let x = (raster.width - total) / 2;
    for (const entry of row) {
      const color = SERIES_COLORS[entry.index % SERIES_COLORS.length];
      raster.fillRect(x, textTop + (CAP_HEIGHT * labelScale - swatch) / 2, swatch, swatch, color);
      drawText(raster, entry.name, x + swatch + 4 * s, textTop, labelScale, TEXT);
      x += entry.width + gap;
    }
  });
  return top;
}

/** Category labels under slots of `slot` pixels: every k-th label when they would overlap, cut to fit. */
function categoryLabels(categories: readonly string[], slot: number, scale: number, minGap: number) {
  const widest = Math.max(0, ...categories.map((c) => textWidth(c, scale)));
  const every = Math.max(1, Math.ceil((widest + minGap) / slot));
  const room = slot * every - minGap;
  return categories.map((c, i) => (i % every === 0 ? fitText(c, room, scale) : ""));
}

function drawColumnsOrLines(
  layout: Layout,
  kind: CategoryChartSpec["kind"],
  data: ChartData,
  area: Box,
): void {
  const { raster, s, labelScale } = layout;
  const values = finiteValues(data.series);
  const scale = niceScale(Math.min(0, ...values), Math.max(0, ...values));
  const format = data.series[0].format;
  const ticks: number[] = [];
  for (let t = scale.min; t <= scale.max + scale.step * 1e-9; t += scale.step) ticks.push(t);
  const tickLabels = ticks.map((t) => axisLabel(t, scale.step, format));
  const labelHeight = CAP_HEIGHT * labelScale;
  const left = area.left + Math.max(...tickLabels.map((l) => textWidth(l, labelScale))) + 6 * s;
  const secondary = data.cumulative;
  const secondaryTicks = [0, 0.25, 0.5, 0.75, 1];
  const secondaryMax = secondary ? Math.max(1, ...finiteValues([secondary])) : 1;
  const secondaryLabels = secondaryTicks.map((t) =>
    axisLabel(t * secondaryMax, 0.25 * secondaryMax, "percent"),
  );
  const right =
    area.right -
    (secondary ? Math.max(...secondaryLabels.map((l) => textWidth(l, labelScale))) + 6 * s : 4 * s);
  const top = area.top + labelHeight / 2;
  const bottom = area.bottom - (LINE_HEIGHT * labelScale + 6 * s);
  if (right - left < 40 * s || bottom - top < 30 * s) throw new ChartSkipped("there is no room left to plot");

  const y = (v: number) => bottom - ((v - scale.min) / (scale.max - scale.min)) * (bottom - top);
  ticks.forEach((t, i) => {
    const ty = Math.round(y(t));
    raster.fillRect(left, ty, right - left, s / 2 || 1, GRID);
    drawText(
      raster,
      tickLabels[i],
      left - 6 * s - textWidth(tickLabels[i], labelScale),
      ty - labelHeight / 2,
      labelScale,
      TEXT,
    );
  });
  if (secondary) {
    secondaryTicks.forEach((t, i) => {
      const ty = bottom - t * (bottom - top);
      drawText(raster, secondaryLabels[i], right + 6 * s, ty - labelHeight / 2, labelScale, TEXT);
    });
  }

  const n = Math.max(1, data.categories.length);
  const slot = (right - left) / n;
  if (kind !== "line" && slot < 2 * s) throw new ChartSkipped(`${n} categories do not fit its width`);
  const zero = Math.round(y(0));
  if (kind === "line") {
    data.series.forEach((series, k) =>
      drawLine(layout, series.values, slot, left, y, SERIES_COLORS[k % SERIES_COLORS.length]),
    );
  } else {
    const group = slot * 0.7;
    const barWidth = group / data.series.length;
    data.series.forEach((series, k) => {
      const color = SERIES_COLORS[k % SERIES_COLORS.length];
      series.values.forEach((v, i) => {
        if (v === null) return;
        const x = left + i * slot + (slot - group) / 2 + k * barWidth;
        const yv = Math.round(y(v));
        raster.fillRect(
          x,
          Math.min(yv, zero),
          Math.max(1, barWidth - (data.series.length > 1 ? s : 0)),
          Math.abs(zero - yv),
          color,
        );
      });
    });
  }
  if (secondary) {
    const ys = (v: number) => bottom - (v / secondaryMax) * (bottom - top);
    drawLine(
      layout,
      secondary.values,
      slot,
      left,
      ys,
      SERIES_COLORS[data.series.length % SERIES_COLORS.length],
    );
  }
  raster.fillRect(left, zero, right - left, s, AXIS);

  const labels = categoryLabels(data.categories, slot, labelScale, 6 * s);
  labels.forEach((label, i) => {
    if (label === "") return;
    const cx = left + (i + 0.5) * slot;
    drawText(raster, label, cx - textWidth(label, labelScale) / 2, bottom + 6 * s, labelScale, TEXT);
  });
}

function drawLine(
  layout: Layout,
  values: readonly (number | null)[],
  slot: number,
  left: number,
  y: (v: number) => number,
  color: Rgb,
): void {
  const { raster, s } = layout;
  let previous: [number, number] | undefined;
  values.forEach((v, i) => {
    if (v === null) {
      previous = undefined;
      return;
    }
    const point: [number, number] = [left + (i + 0.5) * slot, y(v)];
    if (previous) raster.line(previous[0], previous[1], point[0], point[1], color, 2 * s);
    previous = point;
  });
  values.forEach((v, i) => {
    if (v !== null) raster.disc(Math.round(left + (i + 0.5) * slot), Math.round(y(v)), 3 * s, color);
  });
}

function drawBars(layout: Layout, data: ChartData, area: Box): void {
  const { raster, s, labelScale } = layout;
  const values = finiteValues(data.series);
  const scale = niceScale(Math.min(0, ...values), Math.max(0, ...values), 5);
  const format = data.series[0].format;
  const ticks: number[] = [];
  for (let t = scale.min; t <= scale.max + scale.step * 1e-9; t += scale.step) ticks.push(t);
  const tickLabels = ticks.map((t) => axisLabel(t, scale.step, format));
  const labelHeight = CAP_HEIGHT * labelScale;
  const maxCategoryWidth = Math.floor((area.right - area.left) * 0.35);
  const categories = data.categories.map((c) => fitText(c, maxCategoryWidth, labelScale));
  const left = area.left + Math.max(0, ...categories.map((c) => textWidth(c, labelScale))) + 6 * s;
  const lastLabel = tickLabels[tickLabels.length - 1];
  const right = area.right - textWidth(lastLabel, labelScale) / 2;
  const top = area.top;
  const bottom = area.bottom - (LINE_HEIGHT * labelScale + 6 * s);
  if (right - left < 40 * s || bottom - top < 30 * s) throw new ChartSkipped("there is no room left to plot");

  const x = (v: number) => left + ((v - scale.min) / (scale.max - scale.min)) * (right - left);
  ticks.forEach((t, i) => {
    const tx = Math.round(x(t));
    raster.fillRect(tx, top, s / 2 || 1, bottom - top, GRID);
    drawText(
      raster,
      tickLabels[i],
      tx - textWidth(tickLabels[i], labelScale) / 2,
      bottom + 6 * s,
      labelScale,
      TEXT,
    );
  });
  const n = Math.max(1, data.categories.length);
  const slot = (bottom - top) / n;
  if (slot < 2 * s) throw new ChartSkipped(`${n} categories do not fit its height`);
  if (labelHeight > slot && n > 1) throw new ChartSkipped(`${n} category labels do not fit its height`);
  const zero = Math.round(x(0));
  const group = slot * 0.7;
  const barHeight = group / data.series.length;
  data.series.forEach((series, k) => {
    const color = SERIES_COLORS[k % SERIES_COLORS.length];
    series.values.forEach((v, i) => {
      if (v === null) return;
      const yTop = top + i * slot + (slot - group) / 2 + k * barHeight;
      const xv = Math.round(x(v));
      raster.fillRect(
        Math.min(xv, zero),
        yTop,
        Math.abs(xv - zero),
        Math.max(1, barHeight - (data.series.length > 1 ? s : 0)),
        color,
      );
    });
  });
  raster.fillRect(zero, top, s, bottom - top, AXIS);
  categories.forEach((label, i) => {
    const cy = top + (i + 0.5) * slot;
    drawText(
      raster,
      label,
      left - 6 * s - textWidth(label, labelScale),
      cy - labelHeight / 2,
      labelScale,
      TEXT,
    );
  });
}

// ---------------------------------------------------------------- XY scatter

/** One scatter series: its points in row order (rows with a blank or text x or y left out). */
export interface ScatterSeries {
  name: string;
  points: [number, number][];
  line: boolean;
}

export interface ScatterData {
  series: ScatterSeries[];
  /** Formats of the first series' x and y columns: the axes' tick labels. */
  xFormat: ColumnFormat;
  yFormat: ColumnFormat;
}

/** More points than this in one picture cannot be told apart; the chart is skipped instead. */
const MAX_SCATTER_POINTS = 20_000;

/** The scatter's points from its tables; ChartSkipped when the spec does not fit them. */
export function scatterData(spec: ScatterChartSpec, tables: ReadonlyMap<string, ReportTable>): ScatterData {
  if (spec.series.length === 0) throw new ChartSkipped("it has no series");
  let formats: { x: ColumnFormat; y: ColumnFormat } | undefined;
  let total = 0;
  const series = spec.series.map((s): ScatterSeries => {
    const table = tables.get(s.table);
    if (table === undefined) throw new ChartSkipped(`table ${s.table} is not on that sheet`);
    const [xj, yj] = [s.x, s.y].map((key) => {
      const j = columnIndex(table, key);
      if (j < 0) throw new ChartSkipped(`column "${key}" is not in table ${table.name}`);
      return j;
    });
    formats ??= { x: table.columns[xj].format, y: table.columns[yj].format };
    const points: [number, number][] = [];
    for (const row of table.rows) {
      const x = numberOrNull(row[xj]);
      const y = numberOrNull(row[yj]);
      if (x !== null && y !== null) points.push([x, y]);
    }
    total += points.length;
    return { name: s.name, points, line: s.line };
  });
  if (total === 0) throw new ChartSkipped("it has no points to draw");
  if (total > MAX_SCATTER_POINTS) throw new ChartSkipped(`${total} points are too many to draw`);
  return { series, xFormat: formats!.x, yFormat: formats!.y };
}

/**
 * A value axis for a scatter, as Excel scales one automatically: from 0, unless all values have one
 * sign and their spread is under a sixth of the largest magnitude, when the axis hugs the data
 * (Peltier, "How Excel Calculates Automatic Chart Axis Limits", peltiertech.com, 2010: the minimum
 * is 0 while (max − min) ÷ max ≥ 16.7%). A fill rate between 95% and 99.5% gets a 95–100% axis.
 */
export function scatterScale(min: number, max: number, maxTicks = 6): AxisScale {
  const magnitude = Math.max(Math.abs(min), Math.abs(max));
  const oneSign = min > 0 || max < 0;
  const hug = oneSign && max > min && (max - min) / magnitude < 1 / 6;
  return niceScale(min, max, maxTicks, !hug);
}

/** Where a scatter is drawn, in device pixels: the plot box and the maps from data to pixels. */
export interface ScatterFrame {
  plot: Box;
  xScale: AxisScale;
  yScale: AxisScale;
  x: (value: number) => number;
  y: (value: number) => number;
}

function ticksOf(scale: AxisScale): number[] {
  const ticks: number[] = [];
  for (let t = scale.min; t <= scale.max + scale.step * 1e-9; t += scale.step) ticks.push(t);
  return ticks;
}

/** Top of the plot's y-axis title line (under the chart title). */
function scatterTop(s: number): number {
  const pad = 8 * s;
  return pad + CAP_HEIGHT * 2 * s + 10 * s;
}

/**
 * The plot box and scales of a scatter of `width` × `height` device pixels: the title on top, the
 * y-axis title under it, the legend at the bottom with the x-axis title above it, tick labels
 * left of and under the plot. Exported so tests can say where a point must be drawn.
 */
export function scatterFrame(
  data: ScatterData,
  width: number,
  height: number,
  s = SUPERSAMPLE,
): ScatterFrame {
  const labelScale = 3;
  const pad = 8 * s;
  const all = data.series.flatMap((series) => series.points);
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const xScale = scatterScale(Math.min(...xs), Math.max(...xs));
  const yScale = scatterScale(Math.min(...ys), Math.max(...ys));
  const yLabels = ticksOf(yScale).map((t) => axisLabel(t, yScale.step, data.yFormat));
  const xLabels = ticksOf(xScale).map((t) => axisLabel(t, xScale.step, data.xFormat));
  const line = LINE_HEIGHT * labelScale;
  const labelHeight = CAP_HEIGHT * labelScale;
  const top = scatterTop(s) + line + 4 * s + labelHeight / 2;
  // Legend (as many rows as drawLegend draws), x-axis title and x tick labels, from the bottom up.
  const legend =
    line *
    legendRows(
      data.series.map((series) => series.name),
      width,
      labelScale,
      s,
    ).length;
  const bottom = height - pad - legend - 6 * s - line - 4 * s - (line + 6 * s);
  const left = pad + Math.max(...yLabels.map((l) => textWidth(l, labelScale))) + 6 * s;
  const right = width - pad - textWidth(xLabels[xLabels.length - 1], labelScale) / 2;
  if (right - left < 40 * s || bottom - top < 30 * s) throw new ChartSkipped("there is no room left to plot");
  return {
    plot: { top, bottom, left, right },
    xScale,
    yScale,
    x: (v) => left + ((v - xScale.min) / (xScale.max - xScale.min)) * (right - left),
    y: (v) => bottom - ((v - yScale.min) / (yScale.max - yScale.min)) * (bottom - top),
  };
}

/** Marker radius in displayed pixels: markers-only series get larger points than lines. */
export const SCATTER_MARKER_RADIUS = { line: 3, markers: 4 } as const;

function renderScatter(
  spec: ScatterChartSpec,
  tables: ReadonlyMap<string, ReportTable>,
): { png: Buffer; width: number; height: number } {
  const data = scatterData(spec, tables);
  const width = Math.round(spec.width * PIXELS_PER_POINT);
  const height = Math.round(spec.height * PIXELS_PER_POINT);
  if (width < 160 || height < 120)
    throw new ChartSkipped(`${spec.width} × ${spec.height} points is too small to draw`);
  const s = SUPERSAMPLE;
  const raster = new Raster(width * s, height * s);
  const layout: Layout = { raster, s, labelScale: 3 };
  const { labelScale } = layout;
  const W = raster.width;
  const H = raster.height;
  const pad = 8 * s;
  const frame = scatterFrame(data, W, H, s);
  const { plot, xScale, yScale } = frame;
  raster.strokeRect(0, 0, W, H, BORDER, s);

  const titleScale = 2 * s;
  const title = fitText(spec.title, W - 2 * pad, titleScale);
  drawText(raster, title, (W - textWidth(title, titleScale)) / 2, pad, titleScale, TEXT);
  const labelHeight = CAP_HEIGHT * labelScale;
  const yTitle = fitText(spec.yTitle, W - 2 * pad, labelScale);
  drawText(raster, yTitle, pad, scatterTop(s), labelScale, TEXT);

  const legendTop = drawLegend(layout, data.series, H - pad);
  const xTitle = fitText(spec.xTitle, W - 2 * pad, labelScale);
  const xTitleTop = legendTop - 6 * s - LINE_HEIGHT * labelScale;
  drawText(
    raster,
    xTitle,
    (plot.left + plot.right - textWidth(xTitle, labelScale)) / 2,
    xTitleTop,
    labelScale,
    TEXT,
  );

  for (const t of ticksOf(yScale)) {
    const ty = Math.round(frame.y(t));
    const label = axisLabel(t, yScale.step, data.yFormat);
    raster.fillRect(plot.left, ty, plot.right - plot.left, s / 2 || 1, GRID);
    drawText(
      raster,
      label,
      plot.left - 6 * s - textWidth(label, labelScale),
      ty - labelHeight / 2,
      labelScale,
      TEXT,
    );
  }
  for (const t of ticksOf(xScale)) {
    const tx = Math.round(frame.x(t));
    const label = axisLabel(t, xScale.step, data.xFormat);
    raster.fillRect(tx, plot.bottom, s, 3 * s, AXIS);
    drawText(raster, label, tx - textWidth(label, labelScale) / 2, plot.bottom + 6 * s, labelScale, TEXT);
  }
  raster.fillRect(plot.left, plot.bottom, plot.right - plot.left, s, AXIS);
  raster.fillRect(plot.left, plot.top, s, plot.bottom - plot.top, AXIS);

  data.series.forEach((series, k) => {
    const color = SERIES_COLORS[k % SERIES_COLORS.length];
    const at = series.points.map(([x, y]) => [frame.x(x), frame.y(y)] as const);
    if (series.line) {
      for (let i = 1; i < at.length; i++)
        raster.line(at[i - 1][0], at[i - 1][1], at[i][0], at[i][1], color, 2 * s);
    }
    const radius = (series.line ? SCATTER_MARKER_RADIUS.line : SCATTER_MARKER_RADIUS.markers) * s;
    for (const [x, y] of at) raster.disc(Math.round(x), Math.round(y), radius, color);
  });
  return { png: encodePng(raster, Math.round(3780 * s)), width, height };
}
