/**
 * The run setup saved in the workbook through Office.js: round trip through a custom XML part.
 * (The format, mapping by header name and tolerance of odd data: test/engine/workbookParts/setup.test.ts.)
 */
import { DEFAULT_SETTINGS, validateSettings, withDefaults } from "../../src/engine/segmentation/settings";
import { SETTINGS_NAMESPACE } from "../../src/engine/workbookParts/setup";
import { loadWorkbookSetup, saveWorkbookSetup } from "../../src/excel/workbookSettings";
import { fakeWorkbook } from "../support/fakeExcel";
import { SETUP } from "../support/workbookSetup";

const restore: (() => void)[] = [];
afterEach(() => restore.splice(0).forEach((r) => r()));

function workbook() {
  const fx = fakeWorkbook({ Sheet1: [["SKU"]] });
  restore.push(fx.installOffice());
  return fx;
}

describe("saving and loading the setup", () => {
  test("round-trips through a custom XML part in the workbook", async () => {
    const fx = workbook();
    await saveWorkbookSetup(fx.context, SETUP);
    const parts = fx.liveXmlParts();
    expect(parts.map((p) => p.namespaceUri)).toEqual([SETTINGS_NAMESPACE]);
    expect(await loadWorkbookSetup(fx.context)).toEqual(SETUP);
  });

  test("saving again replaces the setup (one part, the latest values)", async () => {
    const fx = workbook();
    await saveWorkbookSetup(fx.context, SETUP);
    await saveWorkbookSetup(fx.context, { ...SETUP, settings: { holdingRate: 0.3 } });
    expect(fx.liveXmlParts()).toHaveLength(1);
    expect((await loadWorkbookSetup(fx.context))?.settings).toEqual({ holdingRate: 0.3 });
  });

  test("a workbook without a saved setup gives null", async () => {
    const fx = workbook();
    expect(await loadWorkbookSetup(fx.context)).toBeNull();
    expect(fx.syncCount).toBe(1);
  });

  test("the loaded settings over the defaults are valid settings", async () => {
    const fx = workbook();
    await saveWorkbookSetup(fx.context, SETUP);
    const settings = withDefaults((await loadWorkbookSetup(fx.context))!.settings);
    expect(validateSettings(settings)).toEqual([]);
    expect(settings.serviceMatrix).toEqual({ ...DEFAULT_SETTINGS.serviceMatrix, AX: 0.99 });
    expect(settings.aCut).toBe(0.75);
  });
});
