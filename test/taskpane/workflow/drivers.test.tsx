/** @jest-environment jsdom */
/** The mapping step shows the promotion and price blocks found next to the history (display only). */
import "../setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { useReducer } from "react";
import { CellValue } from "../../../src/engine/report";
import { InputTable } from "../../../src/engine/segmentation/input";
import { autoMap } from "../../../src/engine/segmentation/mapping";
import { MappingStep } from "../../../src/taskpane/workflow/MappingStep";
import { driverLines } from "../../../src/taskpane/workflow/mappingModel";
import { WorkflowState, initialWorkflowState, workflowReducer } from "../../../src/taskpane/workflow/state";

const HEADERS = [
  "SKU",
  "Unit Cost",
  "On Hand",
  "LT",
  "Unit Price",
  "W01",
  "W02",
  "W03",
  "Promo W01",
  "Promo W02",
  "Promo W03",
  "Promo W04",
  "W01 Price",
  "W03 Price",
];
const ROWS: CellValue[][] = [
  ["P-1", 4, 100, 2, 6, 10, 12, 9, 0, 1, 0, 1, 6, 5.5],
  ["P-2", 10, 5, 3, 15, 1, 0, 2, "Y", null, null, null, 15, 15],
];
const TABLE: InputTable = { headers: HEADERS, rows: ROWS, source: "Stock!A1:N3" };

function Harness() {
  const [state, dispatch] = useReducer(workflowReducer, undefined, (): WorkflowState =>
    workflowReducer(initialWorkflowState(), {
      type: "tableRead",
      source: { table: TABLE, address: "Stock!A1:N3" },
      detection: autoMap(HEADERS),
    }),
  );
  return (
    <MappingStep
      source={state.source!}
      detection={state.detection!}
      mapping={state.mapping!}
      origins={state.origins}
      defaultOrderCost={state.settings.defaultOrderCost}
      dispatch={dispatch}
    />
  );
}

describe("driver columns in the mapping step", () => {
  test("one line per block under the demand history, and Unit Price stays the unit price", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <Harness />
      </FluentProvider>,
    );
    expect(screen.getByText("3 weekly periods, “W01” to “W03”.")).toBeTruthy();
    expect(
      screen.getByText("Promotions: 3 of 3 history periods + 1 ahead (Promo W01 … Promo W04)"),
    ).toBeTruthy();
    expect(screen.getByText("Prices: 2 of 3 history periods (W01 Price … W03 Price)")).toBeTruthy();
    expect((screen.getByRole("combobox", { name: "Unit price" }) as HTMLSelectElement).value).toBe("4");
  });

  test("no lines without driver columns or without history", () => {
    const { mapping } = autoMap(HEADERS);
    expect(driverLines(mapping, HEADERS)).toHaveLength(2);
    expect(driverLines({ ...mapping, history: [] }, HEADERS)).toEqual([]);
    expect(driverLines(mapping, HEADERS.slice(0, 8))).toEqual([]);
  });
});
