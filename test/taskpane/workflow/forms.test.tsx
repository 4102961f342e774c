/** @jest-environment jsdom */
/** The mapping and settings steps as forms over the state model (no workbook needed). */
import "../setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { useReducer } from "react";
import { CellValue } from "../../../src/engine/report";
import { InputTable } from "../../../src/engine/segmentation/input";
import { autoMap } from "../../../src/engine/segmentation/mapping";
import { DEFAULT_SETTINGS } from "../../../src/engine/segmentation/settings";
import { MappingStep } from "../../../src/taskpane/workflow/MappingStep";
import { MIN_FORECAST_PERIODS } from "../../../src/engine/segmentation/forecastBuffers";
import { FORECAST_MIN_PERIODS, SettingsStep } from "../../../src/taskpane/workflow/SettingsStep";
import { WorkflowState, initialWorkflowState, workflowReducer } from "../../../src/taskpane/workflow/state";

const HEADERS = ["Item No.", "Cost", "Qty", "LT", "Vendor", "Price", "W01", "W02", "W03"];
const ROWS: CellValue[][] = [
  ["P-1", 4, 100, 2, "Acme", 6, 10, 12, 9],
  ["P-2", 10, 5, 3, "Borg", null, 1, 0, 2],
  ["P-3", null, 7, 1, "Borg", 3, 5, 5, 5],
];
const TABLE: InputTable = { headers: HEADERS, rows: ROWS, source: "Stock!B2:J5" };

function stateWithTable(): WorkflowState {
  return workflowReducer(initialWorkflowState(), {
    type: "tableRead",
    source: { table: TABLE, address: "Stock!B2:J5" },
    detection: autoMap(HEADERS),
  });
}

let latest: WorkflowState;

/** The step over the real reducer; `latest` is the state after each render. */
function Harness({ step }: { step: "map" | "settings" }) {
  const [state, dispatch] = useReducer(workflowReducer, undefined, stateWithTable);
  latest = state;
  return step === "map" ? (
    <MappingStep
      source={state.source!}
      detection={state.detection!}
      mapping={state.mapping!}
      origins={state.origins}
      defaultOrderCost={state.settings.defaultOrderCost}
      dispatch={dispatch}
    />
  ) : (
    <SettingsStep settings={state.settings} dispatch={dispatch} busy={false} onRun={() => undefined} />
  );
}

function renderStep(step: "map" | "settings") {
  render(
    <FluentProvider theme={webLightTheme}>
      <Harness step={step} />
    </FluentProvider>,
  );
}

function select(name: string): HTMLSelectElement {
  return screen.getByRole("combobox", { name }) as HTMLSelectElement;
}

function input(name: string | RegExp): HTMLInputElement {
  return screen.getByRole("spinbutton", { name }) as HTMLInputElement;
}

describe("the mapping step", () => {
  test("shows the detected columns with how they matched, and the detection warnings", async () => {
    renderStep("map");
    expect(select("SKU").value).toBe("0");
    // Options name the sheet column (the table starts in column B).
    expect(within(select("Unit cost")).getByRole("option", { name: "Cost (C)" })).toBeTruthy();
    expect(screen.getAllByText("Matched by a synonym: check it").length).toBeGreaterThan(0);
    const warnings = screen.getByText("Check before running").closest(".fui-MessageBar") as HTMLElement;
    expect(within(warnings).getByText(/“LT” \(column 4\) names no unit/)).toBeTruthy();
    expect(
      within(warnings).getByText("No on-hand quantity column was found; choose it in the mapping step."),
    ).toBeTruthy();
    expect(screen.getByText("3 weekly periods, “W01” to “W03”.")).toBeTruthy();
    expect(await screen.findByText("All 3 rows will go to Exceptions.")).toBeTruthy();
  });

  test("a required field without a column blocks the next step until the user chooses one", async () => {
    renderStep("map");
    expect(select("On-hand quantity").value).toBe("");
    expect(screen.getByText("Choose the on-hand quantity column.", { selector: "li" })).toBeTruthy();
    expect((screen.getByRole("button", { name: "Next: settings" }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(select("On-hand quantity"), { target: { value: "2" } });
    expect(latest.mapping?.columns.onHand).toBe(2);
    expect(latest.origins.onHand).toBe("user");
    expect(screen.getByText("Your choice")).toBeTruthy();
    expect(
      screen.queryByText("No on-hand quantity column was found; choose it in the mapping step."),
    ).toBeNull();
    expect((screen.getByRole("button", { name: "Next: settings" }) as HTMLButtonElement).disabled).toBe(
      false,
    );
    // The preview gains the column; the row check reruns: only P-3 (no cost) is excluded now.
    expect(screen.getByRole("columnheader", { name: "On-hand quantity" })).toBeTruthy();
    expect(await screen.findByText("1 of 3 rows will go to Exceptions.")).toBeTruthy();
    expect(screen.getByText("Row 4 (P-3): missing unit cost")).toBeTruthy();
  });

  test("choosing a column for one field takes it from the field that had it", () => {
    renderStep("map");
    fireEvent.change(select("Unit price"), { target: { value: "1" } });
    expect(latest.mapping?.columns.unitPrice).toBe(1);
    expect(latest.mapping?.columns.unitCost).toBeUndefined();
    expect(select("Unit cost").value).toBe("");
    fireEvent.change(select("Unit price"), { target: { value: "" } });
    expect(latest.mapping?.columns.unitPrice).toBeUndefined();
  });

  test("the period and lead-time units are dropdowns; 'period' reads as the history's unit", () => {
    renderStep("map");
    expect(
      within(select("Lead-time unit")).getByRole("option", { name: "Same as history (weeks)" }),
    ).toBeTruthy();
    fireEvent.change(select("Period unit"), { target: { value: "month" } });
    expect(latest.mapping?.periodUnit).toBe("month");
    expect(screen.getByText("3 monthly periods, “W01” to “W03”.")).toBeTruthy();
    expect(
      within(select("Lead-time unit")).getByRole("option", { name: "Same as history (months)" }),
    ).toBeTruthy();
    fireEvent.change(select("Lead-time unit"), { target: { value: "day" } });
    expect(latest.mapping?.leadTimeUnit).toBe("day");
  });

  test("previews the first rows of the mapped columns in a keyboard-scrollable region", () => {
    renderStep("map");
    const region = screen.getByRole("region", { name: "First rows, scrollable" });
    expect(region.tabIndex).toBe(0);
    const headers = within(region)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual(["SKU", "Unit cost", "Lead time", "Supplier", "Unit price", "Demand W03"]);
    expect(within(region).getAllByRole("row")).toHaveLength(4);
  });
});

describe("the settings step", () => {
  test("shows the defaults in the units people use: percent for the service matrix and cut-offs", () => {
    renderStep("settings");
    expect(input("AX service target, %").value).toBe("98");
    expect(input("CY service target, %").value).toBe("87");
    expect(input(/^Strategic adjustment/).value).toBe("1");
    fireEvent.click(screen.getByRole("button", { name: "ABC and XYZ classes" }));
    expect(input(/^A: value share up to/).value).toBe("80");
    expect(input(/^X: demand CV up to/).value).toBe("0.5");
  });

  test("editing a field updates the settings; a problem is shown next to the field and blocks Run", () => {
    renderStep("settings");
    fireEvent.change(input("AX service target, %"), { target: { value: "99.5" } });
    expect(latest.settings.serviceMatrix.AX).toBeCloseTo(0.995, 12);

    fireEvent.change(input("AX service target, %"), { target: { value: "100" } });
    expect(screen.getAllByText("Service target for AX must be between 0% and 100%.").length).toBeGreaterThan(
      0,
    );
    expect(input("AX service target, %").getAttribute("aria-invalid")).toBe("true");
    expect((screen.getByRole("button", { name: "Run" }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "ABC and XYZ classes" }));
    fireEvent.change(input(/^A: value share up to/), { target: { value: "97" } });
    const field = input(/^A: value share up to/).closest(".fui-Field") as HTMLElement;
    expect(within(field).getByText("ABC cut-offs need 0 ≤ A cut ≤ B cut ≤ 1.")).toBeTruthy();
    expect(screen.getByRole("button", { name: /ABC and XYZ classes 1 to fix/ })).toBeTruthy();
    const summary = screen.getByText("Fix before running").closest(".fui-MessageBar") as HTMLElement;
    expect(
      within(summary)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "ABC cut-offs need 0 ≤ A cut ≤ B cut ≤ 1.",
      "Service target for AX must be between 0% and 100%.",
    ]);
  });

  test("an empty required number is a problem; an empty target DIO means the policy target", () => {
    renderStep("settings");
    fireEvent.click(screen.getByRole("button", { name: "Costs and DIO target" }));
    fireEvent.change(input(/^Holding rate/), { target: { value: "" } });
    expect(screen.getAllByText("Holding rate must be above 0.").length).toBeGreaterThan(0);

    const dio = input(/^Target DIO/);
    expect(dio.value).toBe("");
    expect(dio.getAttribute("placeholder")).toBe("Policy target");
    expect(screen.getByText(/Top quartile 29\.4 days, median 62\.5 days/)).toBeTruthy();
    fireEvent.change(dio, { target: { value: "45" } });
    expect(latest.settings.targetDio).toBe(45);
    fireEvent.change(dio, { target: { value: "" } });
    expect(latest.settings.targetDio).toBeNull();
  });

  test("Reset to defaults puts every field back, including what was being typed", () => {
    renderStep("settings");
    fireEvent.change(input("BX service target, %"), { target: { value: "150" } });
    fireEvent.click(screen.getByRole("button", { name: "Archetype rules" }));
    const supplyRisk = screen.getByRole("group", { name: /^Single source with a long lead time/ });
    fireEvent.click(within(supplyRisk).getByRole("checkbox", { name: "B" }));
    expect(latest.settings.archetypeRules.strategicSupplyRiskExceptAbc).toEqual(["B", "C"]);
    act(() => screen.getByRole("button", { name: "Reset to defaults" }).click());
    expect(latest.settings).toEqual(DEFAULT_SETTINGS);
    expect(input("BX service target, %").value).toBe("94");
    expect(screen.queryByText("Fix before running")).toBeNull();
  });

  test("Buffers from forecasts is a switch, on by default, with a hint; Reset turns it back on", () => {
    renderStep("settings");
    const toggle = screen.getByRole("switch", { name: "Buffers from forecasts" }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    const field = toggle.closest(".fui-Field") as HTMLElement;
    expect(within(field).getByText(/forecast where it earns it \(12\+ periods of history/)).toBeTruthy();
    expect(FORECAST_MIN_PERIODS).toBe(MIN_FORECAST_PERIODS);

    fireEvent.click(toggle);
    expect(latest.settings.forecastBuffers).toBe(false);
    expect(toggle.checked).toBe(false);
    expect((screen.getByRole("button", { name: "Run" }) as HTMLButtonElement).disabled).toBe(false);
    act(() => screen.getByRole("button", { name: "Reset to defaults" }).click());
    expect(latest.settings.forecastBuffers).toBe(true);
    expect((screen.getByRole("switch", { name: "Buffers from forecasts" }) as HTMLInputElement).checked).toBe(
      true,
    );
  });

  test("the method, SLOB rules, as-of date and archetype rules are editable", () => {
    renderStep("settings");
    fireEvent.click(screen.getByRole("radio", { name: /^Fill rate/ }));
    expect(latest.settings.serviceMethod).toBe("fill");

    fireEvent.click(screen.getByRole("button", { name: "Slow-moving and obsolete (SLOB)" }));
    fireEvent.change(input(/^No movement for over/), { target: { value: "90" } });
    expect(latest.settings.slobNoMovementDays).toBe(90);
    const asOf = screen.getByLabelText("As-of date") as HTMLInputElement;
    expect(asOf.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    fireEvent.change(asOf, { target: { value: "2024-12-31" } });
    expect(latest.settings.asOfDate).toBe(45657);
    fireEvent.change(asOf, { target: { value: "" } });
    expect(latest.settings.asOfDate).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Archetype rules" }));
    const tail = screen.getByRole("group", { name: "Tail: ABC-XYZ cells" });
    fireEvent.click(within(tail).getByRole("checkbox", { name: "CY" }));
    expect(latest.settings.archetypeRules.tailCells).toEqual(["CY", "CZ"]);
  });
});
