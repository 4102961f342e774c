/** @jest-environment jsdom */
/**
 * Plan vs actual from the pane: a run reads the WC Segmentation the last run left (before
 * replacing it) as the plan and adds WC Variance; a first run has no plan and writes none.
 */
import "../setup";
import { act, fireEvent, screen } from "@testing-library/react";
import { WorkbookGateway, officeGateway } from "../../../src/taskpane/workflow/gateway";
import { REPORT_SHEETS, button, findHeading, renderPane, restoreOffice, workbook } from "./fixtures";

afterEach(restoreOffice);

async function runOnSelection(): Promise<void> {
  fireEvent.click(button("Use selection"));
  await findHeading("Confirm the columns");
  fireEvent.click(button("Next: settings"));
  await findHeading("Settings");
  fireEvent.click(button("Run"));
  await findHeading("Report written");
}

describe("WC Variance from the pane", () => {
  test("the first run writes no WC Variance; the second compares with the first", async () => {
    const fx = workbook({ selection: "Data!C4" });
    await renderPane();
    await runOnSelection();
    expect(fx.sheetNames()).toEqual(["Data", ...REPORT_SHEETS]);
    expect(screen.queryByText(/compared with the previous run/)).toBeNull();

    // Next month: A-100 (unit cost 12.5) holds 800 instead of 400 units, i.e. 10,000 instead of 5,000.
    await act(async () => {
      fx.context.workbook.worksheets.getItem("Data").getRange("D2").values = [[800]];
      await fx.context.sync();
    });
    fireEvent.click(button("Another table"));
    await findHeading("Select your SKU table");
    await runOnSelection();

    expect(fx.sheetNames()).toEqual(["Data", ...REPORT_SHEETS, "WC Variance"]);
    expect(
      screen.getByText(/compared with the previous run \(“WC Segmentation”, 6 SKUs\), by plant, region/),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "WC Variance" })).toBeTruthy();

    const rows = fx.sheet("WC Variance").values();
    expect(rows[0].slice(0, 9)).toEqual([
      "Dimension",
      "Segment",
      "Status",
      "Inventory value now",
      "Inventory value plan",
      "Inventory value variance",
      "Target now",
      "Target plan",
      "Target variance",
    ]);
    // Total: only A-100's stock changed (+400 × 12.5 = +5,000); targets depend on demand, not stock.
    const total = rows[1];
    expect(total.slice(0, 3)).toEqual(["Total", "All SKUs", ""]);
    expect(total[5]).toBeCloseTo(5000, 9);
    expect(total[8]).toBe(0);
    // No plant, region or category mapped: one "(blank)" segment each, then the SKUs, A-100 first.
    expect(rows.slice(2, 5).map((r) => r.slice(0, 2))).toEqual([
      ["Plant", "(blank)"],
      ["Region", "(blank)"],
      ["Category", "(blank)"],
    ]);
    expect(rows[5].slice(0, 6)).toEqual(["SKU", "A-100", "", 10000, 5000, 5000]);
    expect(rows.slice(5).map((r) => r[1])).toEqual(["A-100", "A-200", "B-300", "B-400", "C-500", "C-600"]);
  });

  test("a previous WC Segmentation that cannot be a plan is reported, and the run still writes", async () => {
    const fx = workbook({ selection: "Data!C4" });
    const office = officeGateway();
    const gateway: WorkbookGateway = {
      ...office,
      readPlan: () => Promise.reject(new Error('the WC Segmentation table has no "SKU" column')),
    };
    await renderPane(gateway);
    await runOnSelection();
    expect(fx.sheetNames()).toEqual(["Data", ...REPORT_SHEETS]);
    expect(
      screen.getByText(/No WC Variance: the previous WC Segmentation could not be used as the plan: .*"SKU"/),
    ).toBeTruthy();
  });
});
