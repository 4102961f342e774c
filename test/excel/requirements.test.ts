/** Requirement-set guards, with office-addin-mock standing in for the Office global. */
import { OfficeMockObject } from "office-addin-mock";
import { EXCEL_API, isExcelApiSupported } from "../../src/excel/requirements";

const holder = globalThis as unknown as { Office?: unknown };

function hostWith(maxMinor: number): void {
  holder.Office = new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === "ExcelApi" && Number((version ?? "1.1").split(".")[1]) <= maxMinor,
      },
    },
  });
}

afterEach(() => {
  delete holder.Office;
});

describe("isExcelApiSupported", () => {
  test("asks Office for the ExcelApi set and version", () => {
    hostWith(8);
    expect(isExcelApiSupported(EXCEL_API.calculationMode)).toBe(true);
    expect(isExcelApiSupported(EXCEL_API.suspendScreenUpdating)).toBe(false);
  });

  test("outside Office (no Office global) nothing is supported", () => {
    expect(isExcelApiSupported("1.1")).toBe(false);
  });
});
