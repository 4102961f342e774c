/**
 * The shipped catalogue: dist/functions.json (generated from JSDoc) and dist/functions.js (loaded
 * as Excel loads it) agree with DESIGN §3 — ids, names, parameter names and order, optionality,
 * help text — and the bundle runs in a bare Node process with only a CustomFunctions global.
 */
import { execFileSync } from "child_process";
import * as path from "path";
import { DIST, loadFunctions, loadMetadata } from "../support/loadFunctions";

/** DESIGN §3: name → parameters, optional ones in brackets. */
const CATALOGUE: Record<string, string[]> = {
  DIO: ["inventory", "cogs", "[days]"],
  DSO: ["receivables", "revenue", "[days]"],
  DPO: ["payables", "cogs", "[days]"],
  CCC: ["dio", "dso", "dpo"],
  TURNS: ["cogs", "inventory"],
  RELEASE: ["current_dio", "target_dio", "cogs", "[days]"],
  GMROII: ["gross_margin", "average_inventory_cost"],
  SAFETYSTOCK: [
    "service_level",
    "demand_sd",
    "lead_time",
    "[demand_mean]",
    "[lead_time_sd]",
    "[review_period]",
    "[method]",
    "[order_qty]",
  ],
  SERVICELEVEL: [
    "safety_stock",
    "demand_sd",
    "lead_time",
    "[demand_mean]",
    "[lead_time_sd]",
    "[review_period]",
  ],
  FILLRATE: ["order_qty", "safety_stock", "sigma_lt"],
  REORDERPOINT: ["demand_mean", "lead_time", "safety_stock"],
  EOQ: ["annual_demand", "order_cost", "unit_cost", "holding_rate"],
  DAYSOFSUPPLY: ["on_hand", "daily_demand"],
  NORMLOSS: ["k"],
  DEMANDCV: ["demand_history"],
  SIGMALT: ["demand_sd", "lead_time", "[demand_mean]", "[lead_time_sd]", "[review_period]"],
  ABC: ["values", "[a_cut]", "[b_cut]"],
  XYZ: ["demand_history", "[x_cut]", "[y_cut]"],
  ABCXYZ: ["values", "demand_history", "[a_cut]", "[b_cut]", "[x_cut]", "[y_cut]"],
  WAPE: ["actual", "forecast"],
  MAPE: ["actual", "forecast"],
  BIAS: ["actual", "forecast"],
  DEMANDCLASS: ["demand_history"],
  FORECAST: ["demand_history", "horizon", "[method]", "[season_length]", "[promo]", "[price]", "[sensing]"],
  SIMFILLRATE: ["demand_mean", "demand_sd", "lead_time", "safety_stock", "order_qty", "[periods]", "[seed]"],
};

/**
 * The parameters declared as single values (dimensionality scalar): options that apply to the
 * whole call. Every other parameter must be a matrix, or Excel passes one cell where the user gave
 * a range (a range-taking parameter typed `any` instead of `any[][]` in the JSDoc).
 */
const SCALAR_PARAMETERS: Record<string, string[]> = {
  DIO: ["days"],
  DSO: ["days"],
  DPO: ["days"],
  ABC: ["a_cut", "b_cut"],
  XYZ: ["x_cut", "y_cut"],
  ABCXYZ: ["a_cut", "b_cut", "x_cut", "y_cut"],
  FORECAST: ["horizon", "method", "season_length", "sensing"],
};

const metadata = loadMetadata();

test("functions.json carries allowErrorForDataTypeAny so error cells reach the functions", () => {
  expect(metadata.allowErrorForDataTypeAny).toBe(true);
});

test("every catalogue function is in the metadata, and nothing else", () => {
  expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(CATALOGUE).sort());
});

describe.each(Object.entries(CATALOGUE))("%s", (id, params) => {
  const entry = metadata.functions.find((f) => f.id === id)!;

  test("id equals name, uppercase, ≥ 3 characters, not a cell reference", () => {
    expect(entry.name).toBe(id);
    expect(id).toMatch(/^[A-Z][A-Z0-9.]{2,}$/);
    expect(id).not.toMatch(/^[A-Z]{1,3}[0-9]+$/);
  });

  test("parameters are DESIGN §3's snake_case names, in order, with the right optionality", () => {
    const shipped = entry.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    expect(shipped).toEqual(params);
  });

  test("has a description and help for every parameter, of type any (errors can reach the function)", () => {
    expect(entry.description?.length).toBeGreaterThan(20);
    for (const p of entry.parameters) {
      expect(p.description?.length).toBeGreaterThan(5);
      expect(p.type).toBe("any");
    }
  });
});

test("ranges are matrix parameters; only the whole-call options are single values", () => {
  const scalars: Record<string, string[]> = {};
  for (const f of metadata.functions as {
    id: string;
    parameters: { name: string; dimensionality?: string }[];
  }[]) {
    const names = f.parameters.filter((p) => p.dimensionality !== "matrix").map((p) => p.name);
    if (names.length > 0) scalars[f.id] = names;
  }
  expect(scalars).toEqual(SCALAR_PARAMETERS);
});

test("dist/functions.js associates every catalogue function", () => {
  const registry = loadFunctions();
  expect([...registry.keys()].sort()).toEqual(Object.keys(CATALOGUE).sort());
});

test("dist/functions.js runs in a plain Node process whose only add-in global is CustomFunctions", () => {
  const script = `
    const ids = [];
    class ExcelError { constructor(code, message) { this.code = code; this.message = message; } }
    globalThis.CustomFunctions = {
      associate: (id, fn) => ids.push(id),
      Error: ExcelError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
    };
    require(${JSON.stringify(path.join(DIST, "functions.js"))});
    process.stdout.write(JSON.stringify(ids));
  `;
  const ids = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
  expect(ids.sort()).toEqual(Object.keys(CATALOGUE).sort());
});
