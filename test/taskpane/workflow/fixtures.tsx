/**
 * A small SKU table for the pane's tests, as it sits in a worksheet: six good rows and one whose
 * unit cost is text (so one row goes to Exceptions), monthly demand history 2025-01 … 2025-06.
 * Plus helpers to render the pane over a fake workbook (test/support/fakeExcel.ts).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen, within } from "@testing-library/react";
import { App, AppProps } from "../../../src/taskpane/App";
import { WorkbookGateway } from "../../../src/taskpane/workflow/gateway";
import { FakeExcel, FakeValue, FakeWorkbookOptions, fakeWorkbook } from "../../support/fakeExcel";

export const HEADERS: FakeValue[] = [
  "SKU",
  "Description",
  "Unit Cost",
  "On Hand",
  "Lead Time (days)",
  "Supplier",
  "2025-01",
  "2025-02",
  "2025-03",
  "2025-04",
  "2025-05",
  "2025-06",
];

export const ROWS: FakeValue[][] = [
  ["A-100", "Bearing", 12.5, 400, 30, "Acme", 100, 120, 90, 110, 105, 95],
  ["A-200", "Gasket", 2, 5000, 14, "Acme", 300, 280, 320, 310, 290, 300],
  ["B-300", "Valve", 85, 20, 60, "Borg", 5, 0, 12, 3, 0, 8],
  ["B-400", "Pump", 900, 3, 90, "Borg", 1, 0, 0, 1, 0, 0],
  ["C-500", "Seal kit", 7.25, 150, 21, "Cogs", 40, 35, 50, 45, 38, 42],
  ["C-600", "Old flange", 15, 600, 30, "Cogs", 0, 0, 0, 0, 0, 0],
  ["C-700", "Bad cost", "n/a", 10, 30, "Cogs", 1, 2, 3, 4, 5, 6],
];

export const TABLE: FakeValue[][] = [HEADERS, ...ROWS];

/** The report sheets a full run writes, in report order. */
export const REPORT_SHEETS = [
  "WC Summary",
  "WC Segmentation",
  "WC Release targets",
  "WC Suppliers",
  "WC Exceptions",
];

const restore: (() => void)[] = [];

/** Undoes installOffice() of every workbook made by `workbook` (call in afterEach). */
export function restoreOffice(): void {
  restore.splice(0).forEach((r) => r());
}

/** A fake workbook with `Data` holding TABLE, installed as the Office.js globals. */
export function workbook(
  options: FakeWorkbookOptions = { selection: "Data!C4" },
  extra: Record<string, FakeValue[][]> = {},
): FakeExcel {
  const fx = fakeWorkbook({ Data: TABLE, ...extra }, options);
  restore.push(fx.installOffice());
  return fx;
}

/** Renders the pane inside Excel (the real Office.js gateway over the installed fake unless given one). */
export async function renderPane(
  gateway?: WorkbookGateway,
  props: Omit<AppProps, "insideExcel" | "gateway"> = {},
): Promise<void> {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App insideExcel gateway={gateway} {...props} />
      </FluentProvider>,
    );
  });
}

export function heading(name: string | RegExp): HTMLElement {
  return screen.getByRole("heading", { level: 2, name });
}

export function findHeading(name: string | RegExp, timeout = 5000): Promise<HTMLElement> {
  return screen.findByRole("heading", { level: 2, name }, { timeout });
}

/** The value shown for a headline KPI on the result step. */
export function kpi(label: string): string {
  const term = screen.getByText(label, { selector: "dt" });
  return within(term.parentElement as HTMLElement).getByRole("definition").textContent ?? "";
}

export function button(name: string | RegExp): HTMLElement {
  return screen.getByRole("button", { name });
}
