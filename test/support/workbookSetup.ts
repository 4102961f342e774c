/** A saved run setup, as the task pane writes it: used by the format tests and the Office.js round trip. */
import { ColumnMapping } from "../../src/engine/segmentation/input";
import { DEFAULT_SETTINGS } from "../../src/engine/segmentation/settings";
import { WorkbookSetup, toSavedMapping } from "../../src/engine/workbookParts/setup";

export const SETUP_HEADERS = [
  "Item No.",
  "Std Cost",
  "On Hand",
  "LT (days)",
  "2025-01",
  "2025-02",
  "2025-03",
];

export const SETUP_MAPPING: ColumnMapping = {
  columns: { sku: 0, unitCost: 1, onHand: 2, leadTime: 3 },
  history: [4, 5, 6],
  periodUnit: "month",
  leadTimeUnit: "day",
};

export const SETUP: WorkbookSetup = {
  settings: {
    aCut: 0.75,
    holdingRate: 0.2,
    targetDio: null,
    serviceMethod: "fill",
    // nested objects may be partial; withDefaults fills the rest
    serviceMatrix: { AX: 0.99 } as typeof DEFAULT_SETTINGS.serviceMatrix,
    archetypeRules: { tailCells: ["CZ", "CY"] } as typeof DEFAULT_SETTINGS.archetypeRules,
  },
  mapping: toSavedMapping(SETUP_MAPPING, SETUP_HEADERS),
  input: { sheet: "Stock & <demand>", address: "'Stock & <demand>'!A1:G2001" },
};
