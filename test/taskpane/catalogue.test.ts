import {
  CatalogueError,
  CatalogueFunction,
  filterCatalogue,
  formatSignature,
  parseCatalogue,
} from "../../src/taskpane/catalogue";
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { DIST } from "../support/loadFunctions";
import { SAMPLE_METADATA } from "./sampleMetadata";

describe("parseCatalogue", () => {
  it("reads name, description and parameters from functions.json, sorted by name", () => {
    const functions = parseCatalogue(JSON.stringify(SAMPLE_METADATA));
    expect(functions.map((f) => f.name)).toEqual(["DIO", "EOQ", "SAFETYSTOCK"]);
    expect(functions[0]).toEqual({
      name: "DIO",
      description: "Days inventory outstanding: average inventory ÷ total COGS × days.",
      parameters: [
        { name: "inventory", description: "Inventory balances.", optional: false },
        { name: "cogs", description: "Cost of goods sold over the same periods.", optional: false },
        { name: "days", description: "Days in the period (default 365).", optional: true },
      ],
    });
  });

  it("accepts a function without description or parameters", () => {
    expect(parseCatalogue('{"functions":[{"id":"NOW2","name":"NOW2"}]}')).toEqual([
      { name: "NOW2", description: "", parameters: [] },
    ]);
  });

  it("reads the functions.json the build generates (npm run build)", () => {
    const file = path.join(DIST, "functions.json");
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first.`);
    const text = readFileSync(file, "utf8");
    const functions = parseCatalogue(text);
    expect(functions.length).toBe(JSON.parse(text).functions.length);
    expect(functions.map((f) => f.name)).toEqual(functions.map((f) => f.name).sort());
    expect(functions.map((f) => f.name)).toEqual(expect.arrayContaining(["SAFETYSTOCK", "DIO", "EOQ"]));
  });

  it("rejects text that is not JSON", () => {
    expect(() => parseCatalogue("<html>Not found</html>")).toThrow(CatalogueError);
    expect(() => parseCatalogue("")).toThrow("not valid JSON");
  });

  it.each([
    ["no functions array", "{}", '"functions"'],
    ["a top-level array", "[]", '"functions"'],
    ["a function that is not an object", '{"functions":[42]}', "Function 1 is not an object"],
    ["a function without a name", '{"functions":[{"id":"X"}]}', "Function 1 has no name"],
    ["parameters that are not a list", '{"functions":[{"name":"EOQ","parameters":{}}]}', "not a list"],
    ["a parameter without a name", '{"functions":[{"name":"EOQ","parameters":[{}]}]}', "Parameter 1 of EOQ"],
    [
      "an optional flag that is not boolean",
      '{"functions":[{"name":"EOQ","parameters":[{"name":"k","optional":"yes"}]}]}',
      '"optional" flag of k',
    ],
    ["a description that is not text", '{"functions":[{"name":"EOQ","description":7}]}', "not text"],
  ])("rejects metadata with %s", (_, text, message) => {
    expect(() => parseCatalogue(text)).toThrow(message);
  });
});

describe("formatSignature", () => {
  const fn = (parameters: CatalogueFunction["parameters"]): CatalogueFunction => ({
    name: "SAFETYSTOCK",
    description: "",
    parameters,
  });

  it("writes the formula with the namespace and required parameters bare", () => {
    expect(
      formatSignature(
        fn([
          { name: "service_level", description: "", optional: false },
          { name: "demand_sd", description: "", optional: false },
        ]),
      ),
    ).toBe("=WCAP.SAFETYSTOCK(service_level, demand_sd)");
  });

  it("brackets optional parameters, as Excel's formula tooltip does", () => {
    const [dio] = parseCatalogue(JSON.stringify(SAMPLE_METADATA));
    expect(formatSignature(dio)).toBe("=WCAP.DIO(inventory, cogs, [days])");
  });

  it("writes empty parentheses for a function without parameters", () => {
    expect(formatSignature(fn([]))).toBe("=WCAP.SAFETYSTOCK()");
  });
});

describe("filterCatalogue", () => {
  const functions = parseCatalogue(JSON.stringify(SAMPLE_METADATA));
  const names = (query: string) => filterCatalogue(functions, query).map((f) => f.name);

  it("keeps everything for an empty or blank query", () => {
    expect(names("")).toEqual(["DIO", "EOQ", "SAFETYSTOCK"]);
    expect(names("   ")).toEqual(["DIO", "EOQ", "SAFETYSTOCK"]);
  });

  it("matches the name case-insensitively, with or without the namespace", () => {
    expect(names("eoq")).toEqual(["EOQ"]);
    expect(names("WCAP.Safety")).toEqual(["SAFETYSTOCK"]);
  });

  it("matches the description", () => {
    expect(names("order quantity")).toEqual(["EOQ"]);
  });

  it("requires every word to match", () => {
    expect(names("days cogs")).toEqual(["DIO"]);
    expect(names("days eoq")).toEqual([]);
  });

  it("does not change the list it filters", () => {
    const before = functions.map((f) => f.name);
    filterCatalogue(functions, "eoq");
    expect(functions.map((f) => f.name)).toEqual(before);
  });
});
