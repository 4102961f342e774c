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

/**
 * The gateway with its report writes run one after another: the Segment and Stress test tabs can
 * both be running, and each write reads the owned-sheet marker at its start and rewrites it at its
 * end, so two interleaved writes would lose one's sheets from the marker. A write that waits keeps
 * its signal: cancelling it while it waits ends it before it touches the workbook.
 */
export function oneWriteAtATime(gateway: WorkbookGateway): WorkbookGateway {
  let last: Promise<unknown> = Promise.resolve();
  return {
    ...gateway,
    writeReport: (report, options) => {
      const write = last.then(() => gateway.writeReport(report, options));
      last = write.catch(() => undefined);
      return write;
    },
  };
}
