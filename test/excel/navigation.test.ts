import { activateSheet } from "../../src/excel/navigation";
import { fakeWorkbook } from "../support/fakeExcel";

test("activates a written sheet in two round trips", async () => {
  const fx = fakeWorkbook({ Data: [["SKU"]], "WC Summary": [["x"]] }, { selection: "Data!A1" });
  await fx.run((context) => activateSheet(context, "WC Summary"));
  expect(fx.syncCount).toBe(2);
  expect(fx.selection.sheet?.name).toBe("WC Summary");
});

test("a sheet that was deleted gives a message, not an Office.js exception", async () => {
  const fx = fakeWorkbook({ Data: [["SKU"]] }, { selection: "Data!A1" });
  await expect(fx.run((context) => activateSheet(context, "WC Summary"))).rejects.toThrow(/no longer exists/);
});
