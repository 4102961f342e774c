/**
 * Saving and loading the run setup (settings, the column mapping by header name, where the input
 * was; DESIGN §4 step 3, §7) in the workbook through Office.js. The setup is versioned JSON in a
 * custom XML part; its format, and applying a saved mapping to next month's headers, are pure and
 * shared with the command line: src/engine/workbookParts/setup.ts.
 */
import { SETTINGS_NAMESPACE, WorkbookSetup, parseSetup, serializeSetup } from "../engine/workbookParts/setup";
import { queueWritePart, readNamespaceParts } from "./customXml";
import { EXCEL_API, isExcelApiSupported } from "./requirements";

/** Saves the setup in the workbook (replacing the previous one). One sync, two when a part exists. */
export async function saveWorkbookSetup(context: Excel.RequestContext, setup: WorkbookSetup): Promise<void> {
  requireCustomXml();
  const existing = await readNamespaceParts(context, SETTINGS_NAMESPACE);
  queueWritePart(
    context,
    existing.map((p) => p.part),
    serializeSetup(setup),
  );
  await context.sync();
}

/** The saved setup, or null when the workbook has none (or none this version can read). */
export async function loadWorkbookSetup(context: Excel.RequestContext): Promise<WorkbookSetup | null> {
  requireCustomXml();
  for (const { xml } of await readNamespaceParts(context, SETTINGS_NAMESPACE)) {
    const setup = parseSetup(xml);
    if (setup) return setup;
  }
  return null;
}

function requireCustomXml(): void {
  if (!isExcelApiSupported(EXCEL_API.customXml)) {
    throw new Error("This version of Excel cannot keep settings in the workbook (ExcelApi 1.5 is needed).");
  }
}
