/**
 * segment() on a small table computed by hand: four weekly histories of four periods, default
 * settings (holding rate 25%, order cost 100, continuous review), and five bad rows.
 *
 *   A1: 100 120 80 100 → mean 100, SD √(800/3) = 16.330, CV 0.163 (X); annual 5,200 × cost 10 = 52,000
 *   B1:  10   0 30   0 → mean 10, SD √200 = 14.142, CV 1.414 (Z); annual 520 × 20 = 10,400
 *   C1:   1   1  1   1 → mean 1, SD 0 (X); annual 52 × 5 = 260
 *   D1:   0   0  0   0 → mean 0 (Z, no demand); annual 0
 * Total annual value 62,660. ABC (share of items ranked before): A1 0 → A; B1 0.830 → B;
 * C1 0.996 → C; D1 → C. Cells AX, BZ, CX, CZ.
 */
import fc from "fast-check";
import { normSInv } from "../../../src/engine/normal";
import { CellValue, columnIndex, ReportTable, tablesOf } from "../../../src/engine/report";
import { ColumnMapping, InputTable } from "../../../src/engine/segmentation/input";
import { SHEET_NAMES, segment } from "../../../src/engine/segmentation/segment";
import { DEFAULT_SETTINGS, withDefaults } from "../../../src/engine/segmentation/settings";

const HEADERS = [
  "SKU",
  "Plant",
  "Unit Cost",
  "On Hand",
  "LT",
  "LT SD",
  "MOQ",
  "Single Source",
  "Last Movement",
  "W1",
  "W2",
  "W3",
  "W4",
];
const AS_OF = 45657; // 2024-12-31
const rows: CellValue[][] = [
  ["A1", "P1", 10, 500, 2, 0, 0, "Y", AS_OF - 10, 100, 120, 80, 100],
  ["B1", "P1", 20, 100, 4, 1, 50, "N", AS_OF - 20, 10, 0, 30, 0],
  ["C1", "P1", 5, 200, 1, 0, 0, "N", AS_OF - 30, 1, 1, 1, 1],
  ["D1", "P1", 8, 50, 1, 0, 0, "N", AS_OF - 400, 0, 0, 0, 0],
  ["E1", "P1", null, 10, 1, 0, 0, "N", AS_OF, 1, 2, 3, 4],
  ["F1", "P1", 3, "12 pcs", 1, 0, 0, "N", AS_OF, 1, 2, 3, 4],
  ["A1", "P1", 10, 5, 2, 0, 0, "Y", AS_OF, 1, 2, 3, 4],
  ["G1", "P1", 3, -5, 1, 0, 0, "N", AS_OF, 1, 2, 3, 4],
  ["H1", "P1", 3, 5, 1, 0, 0, "N", AS_OF, null, null, "", null],
];
const input: InputTable = { headers: HEADERS, rows };
const mapping: ColumnMapping = {
  columns: {
    sku: 0,
    plant: 1,
    unitCost: 2,
    onHand: 3,
    leadTime: 4,
    leadTimeSd: 5,
    moq: 6,
    singleSource: 7,
    lastMovement: 8,
  },
  history: [9, 10, 11, 12],
  periodUnit: "week",
  leadTimeUnit: "period",
};
const settings = withDefaults({ asOfDate: AS_OF });

function table(name: string, result = segment(input, mapping, settings)): ReportTable {
  const t = tablesOf(result.report).get(name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

function rowOf(t: ReportTable, key: string, value: CellValue): Record<string, CellValue> {
  const k = columnIndex(t, key);
  const row = t.rows.find((r) => r[k] === value);
  if (!row) throw new Error(`no row with ${key} = ${String(value)}`);
  return Object.fromEntries(t.columns.map((c, i) => [c.key, row[i]]));
}

describe("hand-checked segmentation", () => {
  const seg = table("WC_Segmentation");
  const a1 = rowOf(seg, "sku", "A1");
  const b1 = rowOf(seg, "sku", "B1");
  const c1 = rowOf(seg, "sku", "C1");
  const d1 = rowOf(seg, "sku", "D1");

  test("demand statistics and classes", () => {
    expect(a1.demandMean).toBe(100);
    expect(a1.demandSd).toBeCloseTo(Math.sqrt(800 / 3), 12);
    expect(b1.demandCv).toBeCloseTo(Math.SQRT2, 12);
    expect(a1.annualValue).toBe(52000);
    expect([a1.cell, b1.cell, c1.cell, d1.cell]).toEqual(["AX", "BZ", "CX", "CZ"]);
  });

  test("archetypes: A is Strategic; C1 is SLOB by coverage (1,404 days) so Tail; D1 is CZ so Tail", () => {
    expect([a1.archetype, b1.archetype, c1.archetype, d1.archetype]).toEqual([
      "Strategic",
      "Commodity",
      "Tail",
      "Tail",
    ]);
    expect(c1.daysOfSupply).toBeCloseTo(200 / (52 / 365), 9);
    expect([a1.slob, b1.slob, c1.slob, d1.slob]).toEqual(["No", "No", "Yes", "Yes"]);
  });

  test("service targets: matrix + archetype adjustment (AX 98% + 1 pt; BZ 90%; CX 90% − 2; CZ 85% − 2)", () => {
    expect(a1.serviceTarget).toBeCloseTo(0.99, 15);
    expect(b1.serviceTarget).toBeCloseTo(0.9, 15);
    expect(c1.serviceTarget).toBeCloseTo(0.88, 15);
    expect(d1.serviceTarget).toBeCloseTo(0.83, 15);
  });

  test("σLT, safety stock and reorder point", () => {
    const sigmaA = Math.sqrt(2) * Math.sqrt(800 / 3); // √L·SD, no lead-time variance
    expect(a1.sigmaLt).toBeCloseTo(sigmaA, 10);
    expect(b1.sigmaLt).toBeCloseTo(30, 10); // √(4·200 + 10²·1²) = √900
    expect(a1.safetyStock).toBeCloseTo(normSInv(0.99) * sigmaA, 9);
    expect(b1.safetyStock).toBeCloseTo(normSInv(0.9) * 30, 9);
    expect(c1.safetyStock).toBe(0);
    expect(a1.reorderPoint).toBeCloseTo(200 + normSInv(0.99) * sigmaA, 9);
  });

  test("lot sizes: EOQ rounded up to whole units or to the MOQ multiple", () => {
    expect(a1.lotSize).toBe(645); // √(2·5200·100 ÷ (0.25·10)) = 644.98
    expect(b1.lotSize).toBe(150); // √(2·520·100 ÷ (0.25·20)) = 144.2 → 3 × MOQ 50
    expect(c1.lotSize).toBe(92); // √8320 = 91.2
    expect(d1.lotSize).toBe(0); // no demand, no orders
  });

  test("target inventory, current value, cash release and SLOB excess", () => {
    const targetA = normSInv(0.99) * Math.sqrt(2) * Math.sqrt(800 / 3) + 645 / 2;
    expect(a1.targetUnits).toBeCloseTo(targetA, 9);
    expect(a1.currentValue).toBe(5000);
    expect(a1.release).toBeCloseTo(5000 - targetA * 10, 8);
    expect(b1.release).toBe(0); // 2,000 now < target 2,269
    expect(c1.release).toBe(1000 - 46 * 5);
    expect(c1.slobExcess).toBe(770);
    expect(d1.release).toBe(400);
  });

  test("risk flags and the policy in words", () => {
    expect(a1.singleSource).toBe("Yes");
    expect(b1.volatileLeadTime).toBe("No"); // 1 ÷ 4 = 0.25 ≤ 0.3
    expect(b1.volatileDemand).toBe("Yes"); // CV 1.41 > 1
    expect(a1.policy).toMatch(
      /^Strategic: higher service.*dual-sourcing candidate \(single source\); 99\.0% service: reorder at 254 in lots of 645/,
    );
    expect(d1.policy).toMatch(/no demand: do not reorder; SLOB/);
  });
});

describe("exceptions", () => {
  const exceptions = table("WC_Exceptions");

  test("every bad row is in Exceptions with its reasons in words, by worksheet row", () => {
    const reasons = Object.fromEntries(exceptions.rows.map((r) => [r[0], r[4]]));
    expect(reasons).toEqual({
      6: "missing unit cost",
      7: 'on-hand quantity is not a number ("12 pcs")',
      8: "duplicate of row 2 (same SKU and plant)",
      9: "negative on-hand quantity (-5)",
      10: "no demand data",
    });
  });

  test("rows in = Segmentation rows + Exceptions rows", () => {
    expect(table("WC_Segmentation").rows.length + exceptions.rows.length).toBe(rows.length);
  });
});

describe("summary and release targets", () => {
  const result = segment(input, mapping, settings);

  test("DIO now = inventory ÷ annual COGS × 365 and the top-quartile release", () => {
    const inventory = 5000 + 2000 + 1000 + 400;
    expect(result.summary.inventoryValue).toBe(inventory);
    expect(result.summary.annualCogs).toBe(62660);
    expect(result.summary.dioNow).toBeCloseTo((inventory / 62660) * 365, 10);
    expect(result.summary.releaseAtTopQuartile).toBeCloseTo(
      ((result.summary.dioNow - DEFAULT_SETTINGS.topQuartile.dio) * 62660) / 365,
      8,
    );
  });

  test("every release dimension adds up to the total", () => {
    const release = table("WC_ReleaseTargets", result);
    const dim = columnIndex(release, "dimension");
    const rel = columnIndex(release, "release");
    for (const d of ["ABC-XYZ", "Archetype", "Plant"]) {
      const total = release.rows.filter((r) => r[dim] === d).reduce((s, r) => s + (r[rel] as number), 0);
      expect(total).toBeCloseTo(result.summary.release, 8);
    }
  });

  test("sheets are the owned WC sheets, names valid", () => {
    expect(result.report.sheets.map((s) => s.name)).toEqual([
      SHEET_NAMES.summary,
      SHEET_NAMES.segmentation,
      SHEET_NAMES.release,
      SHEET_NAMES.suppliers,
      SHEET_NAMES.exceptions,
    ]);
  });
});

describe("properties", () => {
  const cell = fc.oneof(
    fc.double({ min: -10, max: 1000, noNaN: true }),
    fc.integer({ min: 0, max: 500 }),
    fc.constantFrom(null, "", "n/a", "Y", "N", "A1"),
  );
  const sku = fc.constantFrom("S1", "S2", "S3", "S4", "S5", "S6", "", null);
  const row = fc.tuple(
    sku,
    fc.constantFrom("P1", "P2"),
    cell,
    cell,
    cell,
    cell,
    cell,
    cell,
    cell,
    cell,
    cell,
    cell,
    cell,
  );

  test("rows in = Segmentation + Exceptions; release ≥ 0; dimensions add up", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (generated) => {
        const data: InputTable = { headers: HEADERS, rows: generated as CellValue[][] };
        const result = segment(data, mapping, settings);
        const tables = tablesOf(result.report);
        const seg = tables.get("WC_Segmentation")!;
        const exc = tables.get("WC_Exceptions")!;
        expect(seg.rows.length + exc.rows.length).toBe(generated.length);
        const rowsSeen = [...seg.rows.map((r) => r[0]), ...exc.rows.map((r) => r[0])].sort(
          (a, b) => Number(a) - Number(b),
        );
        expect(rowsSeen).toEqual(generated.map((_, i) => i + 2));
        const rel = columnIndex(seg, "release");
        for (const r of seg.rows) expect(r[rel]).toBeGreaterThanOrEqual(0);
        const release = tables.get("WC_ReleaseTargets")!;
        for (const d of ["ABC-XYZ", "Archetype", "Category", "Plant", "Region"]) {
          const total = release.rows.filter((r) => r[0] === d).reduce((s, r) => s + (r[5] as number), 0);
          expect(Math.abs(total - result.summary.release)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, result.summary.release),
          );
        }
        for (const t of tables.values()) {
          for (const r of t.rows)
            for (const v of r) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("lot size", () => {
  test("EOQ raised to the MOQ multiple; a vanishingly small MOQ constrains nothing (found by the property test)", async () => {
    const { lotSizeUnits } = await import("../../../src/engine/segmentation/policy");
    expect(lotSizeUnits(979.8, 0)).toBe(980);
    expect(lotSizeUnits(979.8, 500)).toBe(1000);
    expect(lotSizeUnits(1000, 500)).toBe(1000);
    expect(lotSizeUnits(0, 500)).toBe(0);
    expect(lotSizeUnits(2.5, 5e-324)).toBe(3);
  });

  test("the row that found it segments to finite numbers", () => {
    const data: InputTable = {
      headers: HEADERS,
      rows: [["S1", "P1", 1, 0, 0, 0, 5e-324, null, null, 0, 0, 0, 1]],
    };
    const seg = tablesOf(segment(data, mapping, settings).report).get("WC_Segmentation")!;
    for (const v of seg.rows[0]) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
  });
});
