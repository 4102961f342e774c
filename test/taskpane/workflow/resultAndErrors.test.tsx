/** @jest-environment jsdom */
/** The result step's sheet buttons, and errors that are not Excel's: the engine, saving the setup. */
import "../setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../../src/taskpane/App";
import { WorkbookGateway, officeGateway } from "../../../src/taskpane/workflow/gateway";
import { SegmentRunner } from "../../../src/taskpane/workflow/runner";
import { REPORT_SHEETS, button, findHeading, restoreOffice, workbook } from "./fixtures";

afterEach(restoreOffice);

async function renderWith(gateway: WorkbookGateway, runner?: SegmentRunner): Promise<void> {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App insideExcel gateway={gateway} runner={runner} />
      </FluentProvider>,
    );
  });
}

async function runToEnd(): Promise<void> {
  fireEvent.click(button("Use selection"));
  await findHeading("Confirm the columns");
  fireEvent.click(button("Next: settings"));
  await findHeading("Settings");
  fireEvent.click(button("Run"));
}

test("with a navigation function, each written sheet is a button that shows it", async () => {
  workbook();
  const activateSheet = jest.fn(async (name: string) => {
    if (name === "WC Suppliers") throw new Error("ItemNotFound: the sheet was deleted");
  });
  await renderWith({ ...officeGateway(), activateSheet });
  await runToEnd();
  await findHeading("Report written");

  const sheets = screen.getByRole("group", { name: "Written sheets" });
  expect(
    within(sheets)
      .getAllByRole("button")
      .map((b) => b.textContent),
  ).toEqual(REPORT_SHEETS);
  fireEvent.click(within(sheets).getByRole("button", { name: "WC Summary" }));
  expect(activateSheet).toHaveBeenCalledWith("WC Summary");
  fireEvent.click(within(sheets).getByRole("button", { name: "WC Suppliers" }));
  expect(await screen.findByRole("alert")).toHaveProperty(
    "textContent",
    "“WC Suppliers” could not be shown: ItemNotFound: the sheet was deleted",
  );
});

test("an engine failure is shown as a message bar, and nothing is written", async () => {
  const fx = workbook();
  const failing: SegmentRunner = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    throw new RangeError("Invalid array length");
  };
  await renderWith(officeGateway(), failing);
  await runToEnd();
  expect(await screen.findByText("The table could not be segmented.")).toBeTruthy();
  expect(screen.getByText(/Invalid array length/)).toBeTruthy();
  expect(fx.sheetNames()).toEqual(["Data"]);

  fireEvent.click(button("Back to settings"));
  await findHeading("Settings");
  expect(screen.queryByText("The table could not be segmented.")).toBeNull();
});

test("a setup that cannot be saved still shows the result, with a warning", async () => {
  const fx = workbook();
  const gateway: WorkbookGateway = {
    ...officeGateway(),
    saveSetup: () => Promise.reject(new Error("This version of Excel cannot keep settings in the workbook.")),
  };
  await renderWith(gateway);
  await runToEnd();
  await findHeading("Report written");
  expect(
    screen.getByText(/The settings could not be saved in this workbook: This version of Excel/),
  ).toBeTruthy();
  expect(fx.sheetNames()).toEqual(["Data", ...REPORT_SHEETS]);
});

test("while running, the step shows a progress bar and a Cancel button", async () => {
  workbook();
  let release: () => void = () => undefined;
  const office = officeGateway();
  const gateway: WorkbookGateway = {
    ...office,
    // Writing waits for the test, so the progress of the writing phase can be seen.
    writeReport: (report, options) =>
      new Promise((resolve, reject) => {
        options.onProgress?.(40, 100);
        release = () => void office.writeReport(report, options).then(resolve, reject);
      }),
  };
  await renderWith(gateway);
  await runToEnd();
  await findHeading("Running");
  await screen.findByText("40 of 100 table rows written.");
  expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.4");
  expect(screen.getByText("Writing the report sheets…")).toBeTruthy();
  expect(button("Cancel")).toBeTruthy();
  release();
  await findHeading("Report written");
});

test("while segmenting, the bar follows the engine's forecasts, SKU by SKU", async () => {
  workbook();
  let release: () => void = () => undefined;
  const office = officeGateway();
  // The runner reports like the segment worker, then waits for the test before answering.
  const runner: SegmentRunner = (job, signal, onProgress) =>
    new Promise((resolve, reject) => {
      onProgress?.(4096, 10000);
      release = () =>
        void import("../../../src/taskpane/workflow/segmentJob").then(({ runSegmentJob }) => {
          try {
            resolve(runSegmentJob(job));
          } catch (error) {
            reject(error);
          }
        });
    });
  await renderWith(office, runner);
  await runToEnd();
  await findHeading("Running");
  await screen.findByText("Forecasting: 4,096 of 10,000 SKUs.");
  expect(screen.getByText("Segmenting 7 rows…")).toBeTruthy();
  expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.4096");
  release();
  await findHeading("Report written");
});
