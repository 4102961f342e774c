/**
 * Header auto-mapping. The "export" header sets are modelled on real report layouts: SAP MM
 * (MARA/MARC/MBEW field texts: Material, Plant, Material Type, Unrestricted, Standard Price,
 * Price Unit, Planned Delivery Time, Minimum Lot Size) and Oracle EBS inventory (Organization
 * Code, Item, Item Type, On-hand Quantity, Item Cost, Processing Lead Time, JAN-24 buckets).
 */
import { FIELDS, Field } from "../../../src/engine/segmentation/input";
import {
  HEADER_SYNONYMS,
  autoMap,
  describeMapping,
  normalizeHeader,
} from "../../../src/engine/segmentation/mapping";

/** The field a header maps to when it stands alone. */
function fieldOf(header: string): Field | undefined {
  const { mapping } = autoMap([header]);
  return (Object.keys(mapping.columns) as Field[]).find((f) => mapping.columns[f] === 0);
}

describe("synonym table", () => {
  it("has an entry for every field, and no synonym belongs to two fields", () => {
    const owner = new Map<string, Field>();
    for (const field of FIELDS) {
      expect(HEADER_SYNONYMS[field].length).toBeGreaterThan(0);
      for (const synonym of HEADER_SYNONYMS[field]) {
        const key = normalizeHeader(synonym);
        expect([field, undefined]).toContain(owner.get(key));
        owner.set(key, field);
      }
    }
  });

  it("maps every synonym in the table to its field, the first one exactly", () => {
    for (const field of FIELDS) {
      HEADER_SYNONYMS[field].forEach((synonym, rank) => {
        const { mapping, confidence } = autoMap([synonym]);
        expect({ synonym, column: mapping.columns[field] }).toEqual({ synonym, column: 0 });
        expect(confidence[field]).toBe(rank === 0 ? "exact" : "synonym");
      });
    }
  });
});

describe("header normalisation", () => {
  it.each([
    ["Item No.", "item no"],
    ["ITEM_NUMBER", "item no"],
    ["ItemNumber", "item no"],
    ["Item #", "item no"],
    ["Item Nr", "item no"],
    ["  On-hand   Qty ", "on hand qty"],
    ["QtyOnHand", "qty on hand"],
    ["Margin %", "margin %"],
    ["Margin Percent", "margin %"],
    ["GM%", "gm %"],
  ])("%p → %p", (header, normalized) => {
    expect(normalizeHeader(header)).toBe(normalized);
  });

  it("drops bracketed and trailing qualifiers on request", () => {
    expect(normalizeHeader("Unit Cost (EUR)", true)).toBe("unit cost");
    expect(normalizeHeader("Std Cost USD", true)).toBe("std cost");
    expect(normalizeHeader("Stock Qty [pcs]", true)).toBe("stock qty");
  });
});

describe("each synonym family", () => {
  it.each<[Field, string[]]>([
    [
      "sku",
      [
        "SKU",
        "sku",
        "Item",
        "Item No.",
        "Item Number",
        "item_no",
        "Material",
        "Material No.",
        "Part",
        "Part Number",
        "Article",
        "P/N",
      ],
    ],
    ["description", ["Description", "Item Description", "Material Description", "Name", "DESC"]],
    ["category", ["Category", "Product Category", "Inventory Type", "Stock Type", "Material Type"]],
    ["plant", ["Plant", "Site", "Warehouse", "DC", "Location"]],
    ["region", ["Region", "Market", "Area"]],
    ["supplier", ["Supplier", "Vendor", "Vendor No.", "Vendor Number", "Supplier Name"]],
    [
      "supplierCount",
      ["Supplier Count", "No. of Suppliers", "Number of Suppliers", "# of Suppliers", "Sources"],
    ],
    ["singleSource", ["Single Source", "Sole Source", "Single Source (Y/N)", "Single-Source?"]],
    [
      "unitCost",
      [
        "Unit Cost",
        "Std Cost",
        "Standard Cost",
        "Cost",
        "Cost per Unit",
        "Unit Price (Cost)",
        "Unit Cost (EUR)",
        "Std. Cost $",
      ],
    ],
    ["unitPrice", ["Unit Price", "Price", "Selling Price", "List Price", "Unit Price (USD)"]],
    ["marginPct", ["Margin", "Margin %", "Margin (%)", "Gross Margin %", "GM%", "GM %"]],
    [
      "onHand",
      [
        "On Hand",
        "On-hand Qty",
        "Stock",
        "Stock Qty",
        "Qty on Hand",
        "Quantity on Hand",
        "Inventory Qty",
        "SOH",
        "OnHand",
      ],
    ],
    [
      "leadTime",
      ["Lead Time", "LT", "Lead Time (days)", "LT (wks)", "Lead Time Weeks", "Replenishment Lead Time"],
    ],
    [
      "leadTimeSd",
      ["Lead Time SD", "LT SD", "Lead Time Std Dev", "Lead Time Standard Deviation", "σL", "LT SD (days)"],
    ],
    ["moq", ["MOQ", "Min Order Qty", "Minimum Order Quantity", "Min. Order Qty."]],
    ["orderCost", ["Order Cost", "Ordering Cost", "Setup Cost", "Set-up Cost"]],
    [
      "lastMovement",
      ["Last Movement", "Last Movement Date", "Last Issue", "Last Receipt", "Last Consumption"],
    ],
    ["annualDemand", ["Annual Demand", "Annual Usage", "Yearly Demand", "12M Demand"]],
    ["demandCv", ["Demand CV", "CV", "Coefficient of Variation"]],
  ])("%s", (field, headers) => {
    for (const header of headers) expect({ header, field: fieldOf(header) }).toEqual({ header, field });
  });

  it("does not map look-alikes", () => {
    for (const header of [
      "Price Unit",
      "Stock Value",
      "Inventory Value",
      "Annual Usage Value",
      "Storage Location",
      "MRP Controller",
      "Total",
      "",
    ]) {
      expect({ header, field: fieldOf(header) }).toEqual({ header, field: undefined });
    }
  });
});

describe("lead-time units", () => {
  it.each<[string, string]>([
    ["Lead Time (days)", "day"],
    ["Lead Time days", "day"],
    ["LT (d)", "day"],
    ["Lead time in days", "day"],
    ["LT (wks)", "week"],
    ["LT (w)", "week"],
    ["Lead Time Weeks", "week"],
    ["Lead Time (months)", "month"],
    ["Lead Time", "period"],
    ["LT", "period"],
    ["Planned Delivery Time", "day"], // SAP keeps it in calendar days
  ])("%p is in %s", (header, unit) => {
    expect(autoMap([header]).mapping.leadTimeUnit).toBe(unit);
  });

  it("a unit-less lead time is in the history's period unit, and the user is told", () => {
    const { mapping, warnings } = autoMap(["SKU", "LT", "Jan-25", "Feb-25", "Mar-25"]);
    expect(mapping).toMatchObject({ leadTimeUnit: "period", periodUnit: "month" });
    expect(warnings).toContainEqual(expect.stringMatching(/“LT” \(column 2\) names no unit; .*\(months\)/));
  });

  it("LT SD shares the lead time's unit; a unit named only on the SD column is used for both", () => {
    expect(autoMap(["Lead Time (wks)", "LT SD"]).mapping.leadTimeUnit).toBe("week");
    const onlySd = autoMap(["LT", "LT SD (days)"]);
    expect(onlySd.mapping.leadTimeUnit).toBe("day");
    expect(onlySd.warnings).toContainEqual(
      expect.stringContaining("“LT” (column 1) names no unit; it is read in days"),
    );
    expect(autoMap(["LT SD"]).mapping.leadTimeUnit).toBe("period");
  });

  it("warns when lead time and its SD name different units", () => {
    const { mapping, warnings } = autoMap(["LT (days)", "LT SD (wks)"]);
    expect(mapping.leadTimeUnit).toBe("day");
    expect(warnings).toContainEqual(expect.stringContaining("name different units"));
  });

  it("reads working days as days, with a warning", () => {
    const { mapping, warnings } = autoMap(["Lead time (working days)"]);
    expect(mapping).toMatchObject({ columns: { leadTime: 0 }, leadTimeUnit: "day" });
    expect(warnings).toContainEqual(expect.stringContaining("working days"));
  });
});

describe("choosing between columns", () => {
  it("never maps one column to two fields, nor two columns to one field", () => {
    const headers = [
      "Item",
      "SKU",
      "Cost",
      "Unit Cost",
      "Price",
      "Unit Price",
      "Stock",
      "On Hand",
      "Vendor",
      "Supplier",
    ];
    const { mapping, unmapped } = autoMap(headers);
    const used = Object.values(mapping.columns);
    expect(new Set(used).size).toBe(used.length);
    expect([...used, ...unmapped].sort((a, b) => a - b)).toEqual(headers.map((_, c) => c));
  });

  it("prefers an exact name over a synonym, wherever it stands", () => {
    const { mapping, confidence, unmapped, warnings } = autoMap(["Item", "Cost", "SKU", "Unit Cost"]);
    expect(mapping.columns).toMatchObject({ sku: 2, unitCost: 3 });
    expect(confidence).toMatchObject({ sku: "exact", unitCost: "exact" });
    expect(unmapped).toEqual([0, 1]);
    expect(warnings).toContainEqual("“Item” (column 1) also looks like the SKU; “SKU” (column 3) is used.");
  });

  it("among synonyms, prefers the earlier synonym, then the leftmost column", () => {
    expect(autoMap(["Last Receipt", "Last Issue"]).mapping.columns.lastMovement).toBe(1);
    expect(autoMap(["Vendor No.", "Vendor"]).mapping.columns.supplier).toBe(1);
    expect(autoMap(["Stock", "Stock"]).mapping.columns.onHand).toBe(0);
  });

  it("keeps history columns out of the fields", () => {
    const { mapping, unmapped } = autoMap(["SKU", "W01", "W02", "W03", "Notes"]);
    expect(mapping.history).toEqual([1, 2, 3]);
    expect(unmapped).toEqual([4]);
  });
});

describe("whole header rows", () => {
  it("maps an SAP MM export", () => {
    const months = ["2024/01", "2024/02", "2024/03", "2024/04", "2024/05", "2024/06"];
    const headers = [
      "Material",
      "Material Description",
      "Plant",
      "Material Type",
      "Stor. Loc.",
      "Unrestricted",
      "Standard Price",
      "Price Unit",
      "Planned Delivery Time",
      "Vendor",
      "Minimum Lot Size",
      "Last Goods Movement",
      "MRP Controller",
      ...months,
    ];
    const { mapping, confidence, unmapped, warnings } = autoMap(headers);
    expect(mapping).toEqual({
      columns: {
        sku: 0,
        description: 1,
        plant: 2,
        category: 3,
        onHand: 5,
        unitCost: 6,
        leadTime: 8,
        supplier: 9,
        moq: 10,
        lastMovement: 11,
      },
      history: [13, 14, 15, 16, 17, 18],
      periodUnit: "month",
      leadTimeUnit: "day",
    });
    expect(confidence.sku).toBe("synonym");
    expect(unmapped).toEqual([4, 7, 12]);
    expect(warnings).toEqual(["No unit price or margin column: margin figures stay empty."]);
  });

  it("maps an Oracle EBS on-hand report with DD-MON month buckets, newest first", () => {
    const headers = [
      "Organization Code",
      "Item",
      "Item Description",
      "Item Type",
      "On-hand Quantity",
      "Item Cost",
      "List Price",
      "Processing Lead Time",
      "Supplier",
      "Last Transaction Date",
      "MAR-24",
      "FEB-24",
      "JAN-24",
    ];
    const { mapping, warnings } = autoMap(headers);
    expect(mapping).toEqual({
      columns: {
        plant: 0,
        sku: 1,
        description: 2,
        category: 3,
        onHand: 4,
        unitCost: 5,
        unitPrice: 6,
        leadTime: 7,
        supplier: 8,
        lastMovement: 9,
      },
      history: [12, 11, 10],
      periodUnit: "month",
      leadTimeUnit: "period",
    });
    expect(warnings).toEqual([expect.stringContaining("“Processing Lead Time” (column 8) names no unit")]);
  });

  it("maps a messy hand-made sheet (odd case, spacing, units, currencies, serial-date headers)", () => {
    const headers = [
      " item  no. ",
      "DESCRIPTION",
      "inventory type",
      "Site",
      "market",
      "Vendor No.",
      "# of Suppliers",
      "Std. Cost (EUR)",
      "Selling Price EUR",
      "GM %",
      "SOH",
      "LT (wks)",
      "LT StDev (wks)",
      "Min. Order Qty",
      "Setup Cost",
      "Last Issue Date",
      45292,
      45299,
      45306,
      45313,
    ];
    const { mapping, warnings, unmapped } = autoMap(headers);
    expect(mapping).toEqual({
      columns: {
        sku: 0,
        description: 1,
        category: 2,
        plant: 3,
        region: 4,
        supplier: 5,
        supplierCount: 6,
        unitCost: 7,
        unitPrice: 8,
        marginPct: 9,
        onHand: 10,
        leadTime: 11,
        leadTimeSd: 12,
        moq: 13,
        orderCost: 14,
        lastMovement: 15,
      },
      history: [16, 17, 18, 19],
      periodUnit: "week",
      leadTimeUnit: "week",
    });
    expect(warnings).toEqual([]);
    expect(unmapped).toEqual([]);
  });

  it("an annual-demand table without history", () => {
    const { mapping, warnings } = autoMap([
      "SKU",
      "Unit Cost",
      "On Hand",
      "LT (days)",
      "Annual Demand",
      "CV",
      "Margin %",
    ]);
    expect(mapping).toMatchObject({
      history: [],
      periodUnit: "week",
      columns: { annualDemand: 4, demandCv: 5 },
    });
    expect(warnings).toEqual([]);
    expect(autoMap(["SKU", "Unit Cost", "On Hand", "LT (days)", "Annual Demand", "Price"]).warnings).toEqual([
      "An annual-demand column without demand history needs a demand-CV column for safety stocks.",
    ]);
  });

  it("says what is missing", () => {
    const { warnings } = autoMap(["Description", "Price"]);
    expect(warnings).toEqual([
      "No SKU column was found; choose it in the mapping step.",
      "No unit cost column was found; choose it in the mapping step.",
      "No on-hand quantity column was found; choose it in the mapping step.",
      "No lead time column was found; choose it in the mapping step.",
      "No demand history (period columns) or annual-demand column was found; choose one in the mapping step.",
    ]);
    expect(autoMap([]).mapping).toEqual({
      columns: {},
      history: [],
      periodUnit: "week",
      leadTimeUnit: "period",
    });
  });

  it("says when an annual-demand column is ignored because history is there", () => {
    const { warnings } = autoMap([
      "SKU",
      "Unit Cost",
      "Price",
      "On Hand",
      "LT",
      "Annual Demand",
      "2025-01",
      "2025-02",
    ]);
    expect(warnings).toContainEqual("Demand comes from the history; “Annual Demand” (column 6) is not used.");
  });
});

describe("describeMapping", () => {
  it("lists the mapping in words for the confirmation step", () => {
    const headers = ["Item No.", "Unit Cost", "On Hand", "LT", 45292, 45299, 45306];
    const { mapping } = autoMap(headers);
    expect(describeMapping(mapping, headers)).toEqual([
      "SKU: “Item No.” (column 1)",
      "Unit cost: “Unit Cost” (column 2)",
      "On-hand quantity: “On Hand” (column 3)",
      "Lead time: “LT” (column 4), in the history's period unit (weeks)",
      "Demand history: 3 weekly periods, “2024-01-01” to “2024-01-15”",
      "Not mapped: description, category, plant, region, supplier, supplier count, single-source flag, unit price, margin %, lead-time SD, MOQ, order cost, last movement date",
    ]);
  });

  it("names the unit of lead times with one, and a missing history", () => {
    const headers = ["SKU", "LT (days)", "LT SD (days)"];
    const lines = describeMapping(autoMap(headers).mapping, headers);
    expect(lines).toContain("Lead time: “LT (days)” (column 2), in days");
    expect(lines).toContain("Lead-time SD: “LT SD (days)” (column 3), in days");
    expect(lines).toContain("Demand history: none");
  });
});
