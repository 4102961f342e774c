/**
 * Requirement-set checks. The manifest asks only for SharedRuntime 1.1 (Excel on the web,
 * Windows 2002+, Mac 16.35+), which in practice brings ExcelApi 1.11 or later; every call above
 * ExcelApi 1.4 is still guarded so an older host degrades (no frozen header, no secondary axis)
 * instead of failing the whole write.
 *
 * | ExcelApi | used for |
 * |---|---|
 * | 1.4 | getUsedRangeOrNullObject, getIntersectionOrNullObject, worksheets.getItemOrNullObject (required) |
 * | 1.5 | custom XML parts: owned-sheet marker and saved settings (required) |
 * | 1.6 | conditional formats (colour scale) |
 * | 1.7 | getSurroundingRegion, freeze panes, chart series add/setValues/setXAxisValues/chartType (XY scatter needs them) |
 * | 1.8 | setting application.calculationMode (manual while writing), chart series axisGroup, axis numberFormat |
 * | 1.9 | application.suspendScreenUpdatingUntilNextSync |
 */

/** The ExcelApi versions the writer and reader check for, by what they enable. */
export const EXCEL_API = {
  usedRange: "1.4",
  customXml: "1.5",
  conditionalFormats: "1.6",
  surroundingRegion: "1.7",
  freezePanes: "1.7",
  chartSeries: "1.7",
  calculationMode: "1.8",
  secondaryAxis: "1.8",
  axisNumberFormat: "1.8",
  suspendScreenUpdating: "1.9",
} as const;

/** True when the host supports ExcelApi `version`; false outside Office (no `Office` global). */
export function isExcelApiSupported(version: string): boolean {
  if (typeof Office === "undefined") return false;
  const requirements = Office.context?.requirements;
  return requirements !== undefined && requirements.isSetSupported("ExcelApi", version);
}
