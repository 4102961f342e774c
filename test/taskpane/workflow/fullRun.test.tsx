/** @jest-environment jsdom */
/**
 * The whole workflow against the recording fake Excel: select → columns → settings → run →
 * result, cancelling while writing, Office.js errors shown as a message bar with Try again.
 */
import "../setup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { loadWorkbookSetup } from "../../../src/excel/workbookSettings";
import { WorkbookGateway, officeGateway } from "../../../src/taskpane/workflow/gateway";
import {
  REPORT_SHEETS,
  button,
  findHeading,
  heading,
  kpi,
  renderPane,
  restoreOffice,
  workbook,
} from "./fixtures";

afterEach(restoreOffice);

/** From the first step to the settings step, by clicking as a user does. */
async function clickToSettings(): Promise<void> {
  fireEvent.click(button("Use selection"));
  await findHeading("Confirm the columns");
  fireEvent.click(button("Next: settings"));
  await findHeading("Settings");
}

describe("a full run", () => {
  test("reads the region around the selected cell, maps it, writes every sheet and shows the KPIs", async () => {
    const fx = workbook({ selection: "Data!C4" });
    await renderPane();
    expect(heading("Select your SKU table")).toBeTruthy();

    fireEvent.click(button("Use selection"));
    await findHeading("Confirm the columns");
    // The address and size of what was read; focus moved to the new step's heading.
    expect(screen.getByText(/Data!A1:L8 · 7 rows × 12 columns/)).toBeTruthy();
    expect(document.activeElement).toBe(heading("Confirm the columns"));
    expect((screen.getByRole("combobox", { name: "Unit cost" }) as HTMLSelectElement).value).toBe("2");
    expect(screen.getByText("6 monthly periods, “2025-01” to “2025-06”.")).toBeTruthy();
    expect(await screen.findByText("1 of 7 rows will go to Exceptions.")).toBeTruthy();
    expect(screen.getByText(/Row 8 \(C-700\): unit cost is not a number \("n\/a"\)/)).toBeTruthy();

    fireEvent.click(button("Next: settings"));
    await findHeading("Settings");
    expect(document.activeElement).toBe(heading("Settings"));

    fireEvent.click(button("Run"));
    await findHeading("Report written");
    expect(document.activeElement).toBe(heading("Report written"));

    expect(fx.sheetNames()).toEqual(["Data", ...REPORT_SHEETS]);
    // A header row and one row per segmented SKU.
    expect(fx.sheet("WC Segmentation").tables()[0].address).toMatch(/^A1:[A-Z]+7$/);
    expect(kpi("SKUs segmented")).toBe("6");
    expect(kpi("Rows in Exceptions")).toBe("1");
    expect(kpi("Inventory now")).toMatch(/\d/);
    expect(kpi("DIO top quartile")).toBe("29.4 days");
    // Each written sheet is a button that shows it in the workbook.
    const sheets = screen.getByRole("group", { name: "Written sheets" });
    const buttons = within(sheets).getAllByRole("button");
    expect(buttons.map((b) => b.textContent)).toEqual(REPORT_SHEETS);
    fireEvent.click(buttons[0]);
    await waitFor(() => expect(fx.selection.sheet?.name).toBe(REPORT_SHEETS[0]));

    // The setup is saved in the workbook for next month's one-click refresh.
    const saved = await loadWorkbookSetup(fx.context);
    expect(saved?.mapping.columns).toMatchObject({ sku: "SKU", unitCost: "Unit Cost", onHand: "On Hand" });
    expect(saved?.mapping.history).toEqual([
      "2025-01",
      "2025-02",
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
    ]);
    expect(saved?.input).toEqual({ sheet: "Data", address: "Data!A1:L8" });
    expect(saved?.settings.holdingRate).toBe(0.25);
  });

  test("a second run replaces the add-in's sheets and says where a user's sheet was left alone", async () => {
    const fx = workbook({ selection: "Data!A1:L8" }, { "WC Summary": [["my own notes"]] });
    await renderPane();
    await clickToSettings();
    fireEvent.click(button("Run"));
    await findHeading("Report written");
    expect(fx.sheet("WC Summary").values()).toEqual([["my own notes"]]);
    expect(fx.sheetNames()).toContain("WC Summary (2)");
    expect(
      screen.getByText("Your sheet “WC Summary” was left alone; the summary went to “WC Summary (2)”."),
    ).toBeTruthy();

    fireEvent.click(button("Change settings"));
    await findHeading("Settings");
    fireEvent.click(button("Run"));
    await findHeading("Report written");
    expect(fx.sheetNames().filter((n) => n.startsWith("WC Summary"))).toEqual([
      "WC Summary",
      "WC Summary (2)",
    ]);
  });

  test("Cancel while writing stops the write and leaves no half-written sheet", async () => {
    const fx = workbook();
    const office = officeGateway();
    let cancelled = false;
    // A user clicks Cancel while the second sheet is being written (small chunks: many round trips).
    const gateway: WorkbookGateway = {
      ...office,
      writeReport: (report, options) =>
        office.writeReport(report, {
          ...options,
          chunkRows: 1,
          batchBytes: 2_000,
          onProgress: (done, total) => {
            options.onProgress?.(done, total);
            if (!cancelled && fx.sheetNamed("WC Segmentation")) {
              cancelled = true;
              fireEvent.click(button("Cancel"));
            }
          },
        }),
    };
    await renderPane(gateway);
    await clickToSettings();
    fireEvent.click(button("Run"));
    await findHeading("Settings");

    expect(cancelled).toBe(true);
    expect(screen.getByText("Cancelled; no sheet was left half-written.")).toBeTruthy();
    // Every report sheet still in the workbook was finished before the cancel, and is named so.
    const written = fx.sheetNames().filter((n) => n.startsWith("WC "));
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(REPORT_SHEETS.length);
    expect(REPORT_SHEETS.slice(0, written.length)).toEqual(written);
    expect(screen.getByText(`Written before you cancelled: ${written.join(", ")}.`)).toBeTruthy();
    expect(await loadWorkbookSetup(fx.context)).toBeNull();
  });

  test("an Office.js error while writing shows a message bar; Try again finishes the run", async () => {
    const fx = workbook();
    await renderPane();
    await clickToSettings();
    fx.failSync(fx.syncCount + 2);
    fireEvent.click(button("Run"));

    const bar = (await screen.findByText("The report could not be written.")).closest(".fui-MessageBar");
    expect(bar).toBeTruthy();
    expect(within(bar as HTMLElement).getByText(/GeneralException: injected failure/)).toBeTruthy();
    expect(heading("Run stopped")).toBeTruthy();

    fireEvent.click(within(bar as HTMLElement).getByRole("button", { name: "Try again" }));
    await findHeading("Report written");
    expect(screen.queryByText("The report could not be written.")).toBeNull();
    expect(fx.sheetNames()).toEqual(["Data", ...REPORT_SHEETS]);
  });

  test("a selection Excel cannot read gives a message bar, and the pane stays on the first step", async () => {
    const fx = workbook({ selection: "Data!A1:B2,D1:D4" });
    await renderPane();
    fireEvent.click(button("Use selection"));
    expect(await screen.findByText("The selection could not be read.")).toBeTruthy();
    expect(screen.getByText(/Select one block of cells/)).toBeTruthy();
    expect(heading("Select your SKU table")).toBeTruthy();

    // The user selects the table and tries again.
    act(() => fx.select("Data!A1:L8"));
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await findHeading("Confirm the columns");
  });
});
