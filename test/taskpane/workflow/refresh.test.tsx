/** @jest-environment jsdom */
/** Next month's one-click refresh with the setup saved in the workbook. */
import "../setup";
import { fireEvent, screen } from "@testing-library/react";
import { ColumnMapping } from "../../../src/engine/segmentation/input";
import { WorkbookSetup, serializeSetup, toSavedMapping } from "../../../src/engine/workbookParts/setup";
import { loadWorkbookSetup } from "../../../src/excel/workbookSettings";
import { FakeValue } from "../../support/fakeExcel";
import {
  HEADERS,
  REPORT_SHEETS,
  ROWS,
  button,
  findHeading,
  kpi,
  renderPane,
  restoreOffice,
  workbook,
} from "./fixtures";

afterEach(restoreOffice);

/** What last month's run saved: history 2024-12 … 2025-05, one column to the left of today's. */
const LAST_MONTH_HEADERS = [
  ...HEADERS.slice(0, 6),
  "2024-12",
  "2025-01",
  "2025-02",
  "2025-03",
  "2025-04",
  "2025-05",
].map(String);
const MAPPING: ColumnMapping = {
  columns: { sku: 0, description: 1, unitCost: 2, onHand: 3, leadTime: 4, supplier: 5 },
  history: [6, 7, 8, 9, 10, 11],
  periodUnit: "month",
  leadTimeUnit: "day",
};

function savedSetup(overrides: Partial<WorkbookSetup> = {}, headers = LAST_MONTH_HEADERS): WorkbookSetup {
  return {
    settings: { holdingRate: 0.3, serviceMatrix: { AX: 0.99 } as WorkbookSetup["settings"]["serviceMatrix"] },
    mapping: toSavedMapping(MAPPING, headers),
    input: { sheet: "Data", address: "Data!A1:L7" },
    ...overrides,
  };
}

describe("Refresh with saved settings", () => {
  test("is one click: re-reads the table, finds the columns by name, re-detects the rolled history, runs", async () => {
    const fx = workbook({ selection: "Data!B2" });
    fx.addXmlPart(serializeSetup(savedSetup()));
    await renderPane();

    expect(await screen.findByText("Saved settings found")).toBeTruthy();
    expect(screen.getByText(/Last run on Data!A1:L7: 6 columns mapped, 6 demand periods/)).toBeTruthy();
    fireEvent.click(button("Refresh with saved settings"));

    await findHeading("Report written");
    expect(fx.sheetNames()).toEqual(["Data", ...REPORT_SHEETS]);
    expect(kpi("SKUs segmented")).toBe("6");
    // The saved setup now names this month's history and the table as read (it grew a row).
    const saved = await loadWorkbookSetup(fx.context);
    expect(saved?.mapping.history).toEqual([
      "2025-01",
      "2025-02",
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
    ]);
    expect(saved?.input?.address).toBe("Data!A1:L8");
    expect(saved?.mapping.leadTimeUnit).toBe("day");
    // The saved settings were used and are shown.
    fireEvent.click(button("Change settings"));
    await findHeading("Settings");
    expect((screen.getByRole("spinbutton", { name: "AX service target, %" }) as HTMLInputElement).value).toBe(
      "99",
    );
    fireEvent.click(button("Costs and DIO target"));
    expect((screen.getByRole("spinbutton", { name: /^Holding rate/ }) as HTMLInputElement).value).toBe("30");
  });

  test("Buffers from forecasts is saved with the setup and shown as saved on refresh", async () => {
    const fx = workbook({ selection: "Data!B2" });
    fx.addXmlPart(serializeSetup(savedSetup({ settings: { forecastBuffers: false } })));
    await renderPane();
    fireEvent.click(await screen.findByRole("button", { name: "Refresh with saved settings" }));
    await findHeading("Report written");
    expect((await loadWorkbookSetup(fx.context))?.settings.forecastBuffers).toBe(false);

    fireEvent.click(button("Change settings"));
    await findHeading("Settings");
    const toggle = screen.getByRole("switch", { name: "Buffers from forecasts" }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    fireEvent.click(button("Run"));
    await findHeading("Report written");
    expect((await loadWorkbookSetup(fx.context))?.settings.forecastBuffers).toBe(true);
  });

  test("saved columns the table lacks are reported, and the user is sent to the mapping step", async () => {
    const renamed: FakeValue[][] = [["SKU", "Description", "Std Cost", ...HEADERS.slice(3)], ...ROWS];
    const fx = workbook({ selection: "Data!A1" });
    fx.addSheet("Renamed", renamed);
    fx.select("Renamed!A1");
    fx.addXmlPart(
      serializeSetup(
        savedSetup({ input: { sheet: "Renamed", address: "Renamed!A1:L8" } }, [
          "SKU",
          "Description",
          "Item Cost",
          ...HEADERS.slice(3).map(String),
        ]),
      ),
    );
    await renderPane();
    fireEvent.click(await screen.findByRole("button", { name: "Refresh with saved settings" }));

    await findHeading("Confirm the columns");
    expect(screen.getByText("Some saved columns are missing from this table")).toBeTruthy();
    expect(screen.getByText("The unit cost column “Item Cost” is not in the table.")).toBeTruthy();
    // The column the headers suggest is proposed, for the user to confirm; nothing was written.
    expect((screen.getByRole("combobox", { name: "Unit cost" }) as HTMLSelectElement).value).toBe("2");
    expect(fx.sheetNames()).toEqual(["Data", "Renamed"]);

    fireEvent.click(button("Next: settings"));
    await findHeading("Settings");
    fireEvent.click(button("Run"));
    await findHeading("Report written");
  });

  test("with the selection on another sheet, it asks for a cell in the saved table first", async () => {
    const fx = workbook(
      { selection: "Data!A1" },
      {
        Notes: [
          ["hello", 1],
          ["more", 2],
        ],
      },
    );
    fx.select("Notes!A1");
    fx.addXmlPart(serializeSetup(savedSetup()));
    await renderPane();
    fireEvent.click(await screen.findByRole("button", { name: "Refresh with saved settings" }));

    expect(await screen.findByText("Select the saved table first")).toBeTruthy();
    expect(screen.getByText(/The saved table is on the sheet “Data” \(Data!A1:L7\)/)).toBeTruthy();
    expect(fx.sheetNames()).toEqual(["Data", "Notes"]);

    fx.select("Data!C3");
    fireEvent.click(button("Refresh with saved settings"));
    await findHeading("Report written");
  });

  test("no saved setup: no refresh button, only Use selection", async () => {
    workbook();
    await renderPane();
    expect(screen.queryByRole("button", { name: "Refresh with saved settings" })).toBeNull();
    expect(screen.queryByText("Saved settings found")).toBeNull();
    expect(button("Use selection")).toBeTruthy();
  });
});
