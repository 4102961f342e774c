/**
 * Charts and colour scales over the tables of a sheet, as queued Office.js operations (see
 * writeReport.ts): native charts with one series per value column, a pareto's cumulative share as
 * a line on the secondary axis, XY scatter charts (a curve as XYScatterLines, points as XYScatter
 * markers) and three-colour scales for the heat map.
 */
import { CategoryChartSpec, NUMBER_FORMATS, ScatterChartSpec, columnIndex } from "../engine/report";
import { blockAddress, cellAddress } from "../engine/workbookParts/address";
import { COLOR_SCALE_COLORS, colorScaleRuns } from "../engine/workbookParts/layout";
import { RequestBatch } from "./batch";
import { SMALL, TableLayout } from "./sheetBlocks";
import { EXCEL_API, isExcelApiSupported } from "./requirements";

const CHART_TYPES: Record<CategoryChartSpec["kind"], "ColumnClustered" | "BarClustered" | "Line"> = {
  column: "ColumnClustered",
  bar: "BarClustered",
  pareto: "ColumnClustered",
  line: "Line",
};

/**
 * A three-colour scale over the listed columns of a table, one per run of adjacent columns of one
 * number format (colorScaleRuns).
 */
export function queueColorScales(
  sheet: Excel.Worksheet,
  batch: RequestBatch,
  layout: TableLayout,
  keys: readonly string[],
) {
  if (!isExcelApiSupported(EXCEL_API.conditionalFormats)) return;
  const bodyRows = Math.max(1, layout.table.rows.length);
  for (const [first, count] of colorScaleRuns(layout.table, keys)) {
    batch.queue(SMALL * 3, () => {
      const range = sheet.getRange(
        blockAddress(layout.headerRow + 1, layout.column + first, bodyRows, count),
      );
      const scale = range.conditionalFormats.add("ColorScale");
      scale.colorScale.criteria = {
        minimum: { type: "LowestValue", color: COLOR_SCALE_COLORS.minimum },
        midpoint: { type: "Percentile", formula: "50", color: COLOR_SCALE_COLORS.midpoint },
        maximum: { type: "HighestValue", color: COLOR_SCALE_COLORS.maximum },
      };
    });
  }
}

/**
 * A native chart over table columns: one series per value column (named by its header, categories
 * from the category column); a pareto adds the cumulative-share column as a line on the secondary
 * axis. Positioned at its cell and sized in points.
 */
export function queueChart(
  sheet: Excel.Worksheet,
  batch: RequestBatch,
  layout: TableLayout,
  spec: CategoryChartSpec,
): void {
  const { table, headerRow, column } = layout;
  const bodyRows = Math.max(1, table.rows.length);
  const body = (key: string) => blockAddress(headerRow + 1, column + columnIndex(table, key), bodyRows, 1);
  const headerOf = (key: string) => table.columns[columnIndex(table, key)].header;
  const keys = [...spec.series, ...(spec.kind === "pareto" && spec.cumulative ? [spec.cumulative] : [])];
  batch.queue(SMALL * (4 + 3 * keys.length), () => {
    const categories = sheet.getRange(body(spec.categories));
    let chart: Excel.Chart;
    if (isExcelApiSupported(EXCEL_API.chartSeries)) {
      chart = sheet.charts.add(CHART_TYPES[spec.kind], sheet.getRange(body(keys[0])), "Columns");
      keys.forEach((key, i) => {
        const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(headerOf(key));
        if (i > 0) series.setValues(sheet.getRange(body(key)));
        series.name = headerOf(key);
        series.setXAxisValues(categories);
        if (key === spec.cumulative && spec.kind === "pareto") {
          series.chartType = "Line";
          if (isExcelApiSupported(EXCEL_API.secondaryAxis)) series.axisGroup = "Secondary";
        }
      });
    } else {
      // Without series editing: chart the block from the category column to the last series column.
      const indexes = [spec.categories, ...keys].map((k) => columnIndex(table, k));
      const left = Math.min(...indexes);
      const right = Math.max(...indexes);
      const range = blockAddress(headerRow, column + left, bodyRows + 1, right - left + 1);
      chart = sheet.charts.add(CHART_TYPES[spec.kind], sheet.getRange(range), "Columns");
    }
    chart.title.text = spec.title;
    chart.setPosition(cellAddress(spec.at.row, spec.at.column));
    chart.width = spec.width;
    chart.height = spec.height;
  });
}

/**
 * A native XY scatter: one series per spec series, its x and y values from the two columns' body
 * ranges (the category axis is a scatter's x axis), "XYScatterLines" for a line series and
 * "XYScatter" (markers only) otherwise; axis titles, and axis number formats from the first
 * series' columns (ExcelApi 1.8). Needs series editing (ExcelApi 1.7): an older host gets no
 * scatter rather than one with wrong x values. Returns false when the chart was not queued.
 */
export function queueScatterChart(
  sheet: Excel.Worksheet,
  batch: RequestBatch,
  layouts: ReadonlyMap<string, TableLayout>,
  spec: ScatterChartSpec,
): boolean {
  if (!isExcelApiSupported(EXCEL_API.chartSeries) || spec.series.length === 0) return false;
  const columnOf = (table: string, key: string) => {
    const layout = layouts.get(table);
    if (!layout)
      throw new Error(`Chart "${spec.title}" refers to table ${table}, which is not on its sheet.`);
    const j = columnIndex(layout.table, key);
    if (j < 0) throw new Error(`Chart "${spec.title}" refers to column ${key}, not in ${table}.`);
    const body = blockAddress(
      layout.headerRow + 1,
      layout.column + j,
      Math.max(1, layout.table.rows.length),
      1,
    );
    return { body, format: layout.table.columns[j].format };
  };
  const series = spec.series.map((s) => ({
    name: s.name,
    type: s.line ? ("XYScatterLines" as const) : ("XYScatter" as const),
    x: columnOf(s.table, s.x),
    y: columnOf(s.table, s.y),
  }));
  const canFormatAxes = isExcelApiSupported(EXCEL_API.axisNumberFormat);
  batch.queue(SMALL * (6 + 5 * series.length), () => {
    const chart = sheet.charts.add(series[0].type, sheet.getRange(series[0].y.body), "Columns");
    series.forEach((s, i) => {
      const item = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
      item.name = s.name;
      if (i > 0) {
        item.chartType = s.type;
        item.setValues(sheet.getRange(s.y.body));
      }
      item.setXAxisValues(sheet.getRange(s.x.body));
    });
    chart.title.text = spec.title;
    chart.axes.categoryAxis.title.text = spec.xTitle;
    chart.axes.valueAxis.title.text = spec.yTitle;
    if (canFormatAxes) {
      chart.axes.categoryAxis.numberFormat = NUMBER_FORMATS[series[0].x.format];
      chart.axes.valueAxis.numberFormat = NUMBER_FORMATS[series[0].y.format];
    }
    chart.setPosition(cellAddress(spec.at.row, spec.at.column));
    chart.width = spec.width;
    chart.height = spec.height;
  });
  return true;
}
