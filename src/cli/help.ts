/** `wcap --help`: everything the command line does, in one screen per topic. */
import { HEADER_SYNONYMS } from "../engine/segmentation/mapping";
import { DEFAULT_SETTINGS } from "../engine/segmentation/settings";
import { SHEET_NAMES } from "../engine/segmentation/segment";

const REQUIRED = ["sku", "unitCost", "onHand", "leadTime"] as const;

function examplesOf(field: keyof typeof HEADER_SYNONYMS): string {
  return HEADER_SYNONYMS[field].slice(0, 4).join(", ");
}

/** The settings a settings file may hold, with their defaults. */
function settingLines(): string[] {
  return Object.entries(DEFAULT_SETTINGS).map(
    ([key, value]) => `    ${key.padEnd(28)} ${JSON.stringify(value)}`,
  );
}

export function helpText(version: string): string {
  return [
    `wcap ${version} — Elastic Fulfilment from the command line`,
    "",
    "Usage:",
    "  wcap refresh INPUT.xlsx --out OUTPUT.xlsx [--sheet NAME] [--range A1:Z999]",
    "               [--settings settings.json] [--as-of yyyy-mm-dd] [--plan PREVIOUS.xlsx]",
    "               [--quiet | --verbose]",
    "  wcap demo [--out-dir DIR]",
    "  wcap --help | wcap --version",
    "",
    "refresh reads the SKU table of INPUT.xlsx, segments it exactly as the task pane does, and writes",
    "a copy of the workbook to OUTPUT.xlsx with the add-in's sheets added or replaced:",
    `  ${Object.values(SHEET_NAMES).join(", ")}.`,
    "INPUT.xlsx itself is never changed.",
    "",
    "demo writes the seeded sample workbook (2,000 SKUs × 104 weeks) and its refresh to DIR",
    "(default examples/out): sample.xlsx and sample-refreshed.xlsx.",
    "",
    "Options:",
    "  -o, --out FILE        the workbook to write (required; must not be the input). Written to a",
    "                        temporary file in the same folder first, then renamed: an existing FILE",
    "                        is replaced only by a complete new one.",
    "  -s, --sheet NAME      the sheet holding the SKU table. Without it every sheet is tried and the",
    "                        one whose header row maps best is used (the sheet named in the setup the",
    "                        task pane saved comes first); the command says which it used.",
    "  -r, --range RANGE     the cells of the table, e.g. A1:Z999, B3:H2001, B3 (to the end) or A:H,",
    "                        optionally with the sheet (Stock!A1:Z999). Default: the used cells.",
    "                        The first non-empty row of the range is the header row.",
    "      --settings FILE   segmentation settings as JSON (see Settings); they override the settings",
    "                        saved in the workbook.",
    "      --as-of DATE      the date SLOB ages are measured from (yyyy-mm-dd), for this run only;",
    "                        default: the saved asOfDate, else today.",
    "      --plan FILE       an earlier refresh's output: its WC Segmentation is the plan, and the",
    "                        WC Variance sheet compares this run with it (inventory value, target,",
    "                        cash release and DIO now vs plan by plant, region, category and SKU;",
    "                        largest variance first; SKUs only now are (new), only in the plan (gone)).",
    "                        Without --plan, the WC Segmentation the last run left in INPUT.xlsx is",
    "                        the plan (the command says so); with neither, no WC Variance is written.",
    "  -q, --quiet           print errors only.",
    "  -v, --verbose         print the column mapping and progress even for small files.",
    "      --out-dir DIR     demo only: the folder to write to (created if needed).",
    "  -h, --help            this text.   -V, --version   the version.",
    "",
    "The table:",
    "  A header row, then one row per SKU. Columns are mapped by their headers (case, spacing and",
    "  punctuation ignored), as in the task pane; the mapping saved by the task pane wins where the",
    "  table still has those headers. Needed:",
    ...REQUIRED.map((f) => `    ${f.padEnd(10)} e.g. ${examplesOf(f)}`),
    "    demand     a block of period columns (dates, 2025-01, 2025-W01, W01, Jan-25, …) or an",
    `               annual-demand column (${HEADER_SYNONYMS.annualDemand.slice(0, 2).join(", ")}, …) with a CV column.`,
    "  Optional: description, category, plant, region, supplier, single source, unit price or",
    "  margin %, lead-time SD, MOQ, order cost, last movement date. Dates may be real dates or Excel",
    "  serial numbers; formulas are read as their saved results. Every input row ends up either on",
    `  ${SHEET_NAMES.segmentation} or, with its reasons, on ${SHEET_NAMES.exceptions}.`,
    "",
    "Settings:",
    "  A JSON object with any of these names (nested objects may be partial), or a saved setup",
    '  { "settings": { … } }. Unknown names and wrong types are errors. Defaults:',
    ...settingLines(),
    '  Example: { "holdingRate": 0.2, "serviceMatrix": { "AX": 0.99 }, "targetDio": 45 }',
    "  The settings and mapping used are saved in OUTPUT.xlsx, so the task pane and the next refresh",
    "  use them (--as-of is not saved).",
    "",
    "The output:",
    "  Sheets the add-in owns are recorded in the workbook (as the task pane records them); only",
    "  those are replaced. A sheet of yours that happens to be called like a report sheet is kept,",
    '  and the report goes to "WC Summary (2)" instead. All other sheets are copied with their',
    "  values, formulas and formats. Tables, number formats and frozen headers are as the task pane",
    "  writes them; the Summary charts are pictures (PNG), not native Excel charts.",
    "  What the file library cannot copy (native charts, pivot tables, slicers, macros on your",
    "  sheets) is named in a warning; the input file keeps it.",
    "",
    "Exit status: 0 done; 1 the input, settings or output could not be used (one line on stderr,",
    "no output file written); 2 the command line itself is wrong.",
    "",
    "Examples:",
    "  wcap refresh stock-2025-06.xlsx --out pack-2025-06.xlsx",
    "  wcap refresh export.xlsx --sheet Inventory --range A3:DZ5000 --out refreshed.xlsx",
    "  wcap refresh export.xlsx --settings wc-settings.json --as-of 2025-06-30 --out refreshed.xlsx",
    "  wcap refresh pack-2025-06.xlsx --plan pack-2025-05.xlsx --out pack-2025-06-vs-plan.xlsx",
    "",
  ].join("\n");
}
