/**
 * What the pane asks of the workbook, as one small interface: the pane's components and hooks
 * never see an Excel.RequestContext, and tests can stand in a fake. `officeGateway` is the real
 * one: each call is one `Excel.run` batch around a src/excel function (the only Excel.* the pane
 * uses is `Excel.run`, to get a context for them).
 */
import { Report } from "../../engine/report";
import { WorkbookSetup } from "../../engine/workbookParts/setup";
import { activateSheet } from "../../excel/navigation";
import { PlanRead, readPlan } from "../../excel/readPlan";
import { SelectedTable, readSelectedTable } from "../../excel/readSelection";
import { loadWorkbookSetup, saveWorkbookSetup } from "../../excel/workbookSettings";
import { WriteOptions, WriteResult, writeReport } from "../../excel/writeReport";

export interface WorkbookGateway {
  /** The selected table (or the current region around a single selected cell). */
  readSelection(): Promise<SelectedTable>;
  /** The setup saved by an earlier run, or null. */
  loadSetup(): Promise<WorkbookSetup | null>;
  saveSetup(setup: WorkbookSetup): Promise<void>;
  /**
   * The WC Segmentation the last run left (owned sheets only), the plan of WC Variance; undefined
   * on a first run. Optional: without it the pane writes no WC Variance.
   */
  readPlan?: () => Promise<PlanRead | undefined>;
  writeReport(report: Report, options: WriteOptions): Promise<WriteResult>;
  /** Shows a written sheet. Optional: without it the result step lists the sheet names as text. */
  activateSheet?: (name: string) => Promise<void>;
}

/** The gateway over Office.js. */
export function officeGateway(): WorkbookGateway {
  return {
    readSelection: () => Excel.run((context) => readSelectedTable(context)),
    loadSetup: () => Excel.run((context) => loadWorkbookSetup(context)),
    saveSetup: (setup) => Excel.run((context) => saveWorkbookSetup(context, setup)),
    readPlan: () => Excel.run((context) => readPlan(context)),
    writeReport: (report, options) => Excel.run((context) => writeReport(context, report, options)),
    activateSheet: (name) => Excel.run((context) => activateSheet(context, name)),
  };
}
