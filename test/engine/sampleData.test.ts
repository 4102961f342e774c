/**
 * The seeded sample table: deterministic, the documented shape, auto-mappable, its bad rows (and
 * only those) are exceptions, and its value distribution is Pareto-like.
 */
import { CellValue } from "../../src/engine/report";
import {
  SAMPLE_BAD_ROWS,
  SAMPLE_CATEGORIES,
  SAMPLE_FIXED_HEADERS,
  SAMPLE_PLANTS,
  SAMPLE_REGIONS,
  SAMPLE_SUPPLIERS,
  SAMPLE_DRIVER_HORIZON,
  SAMPLE_PRICE_ELASTICITY,
  SAMPLE_PROMOTION_LIFT,
  generateSample,
  generateSampleTable,
  sampleBadRows,
} from "../../src/engine/sampleData";
import { forecastSeries } from "../../src/engine/forecast";
import { autoMap } from "../../src/engine/segmentation/mapping";
import {
  detectHistory,
  excelSerialToIso,
  isoToExcelSerial,
  parseDateCell,
} from "../../src/engine/segmentation/periods";
import { prepareItems } from "../../src/engine/segmentation/prepare";

const sample = generateSample();
const { table, badRows, patterns, asOfDate } = sample;
const FIXED = SAMPLE_FIXED_HEADERS.length;
const col = (header: (typeof SAMPLE_FIXED_HEADERS)[number]) => SAMPLE_FIXED_HEADERS.indexOf(header);
const exceptionRows = [
  badRows.missingCost,
  badRows.textLeadTime,
  badRows.textOnHand,
  badRows.negativeOnHand,
  badRows.duplicateSku,
  badRows.noDemand,
];
const isBad = (i: number) => exceptionRows.includes(i);

function history(row: CellValue[]): (number | null)[] {
  return row.slice(FIXED) as (number | null)[];
}

describe("determinism", () => {
  it("gives the same table for the same options, a different one for another seed", () => {
    expect(generateSampleTable()).toEqual(table);
    expect(generateSampleTable({ seed: 7 })).not.toEqual(table);
  });

  it("is the same table on every machine (fingerprint of seed 42)", () => {
    // Pinned when the generator was written; a change here changes the README's figures too.
    expect(table.rows[0].slice(0, FIXED)).toEqual([
      "RM-100000",
      "Copper wire I270",
      "Raw material",
      "Rotterdam",
      "EMEA",
      "Oakridge Hydraulics",
      "N",
      4.11,
      null,
      69,
      16,
      1,
      100,
      25,
      46016,
    ]);
    let totalDemand = 0;
    for (const row of table.rows) for (const v of history(row)) totalDemand += v ?? 0;
    expect(totalDemand).toBe(9271237);
  });
});

describe("shape", () => {
  it("has the fixed columns, then 104 weekly ISO-date columns from Monday 2024-01-01", () => {
    expect(table.headers.slice(0, FIXED)).toEqual([...SAMPLE_FIXED_HEADERS]);
    expect(table.headers).toHaveLength(FIXED + 104);
    expect(table.headers[FIXED]).toBe("2024-01-01");
    expect(table.headers[FIXED + 103]).toBe("2025-12-22");
    expect(asOfDate).toBe(isoToExcelSerial("2025-12-28"));
    expect(table.rows).toHaveLength(2000);
    for (const row of table.rows) expect(row).toHaveLength(table.headers.length);
  });

  it("follows the size and start options", () => {
    const small = generateSample({ skus: 120, weeks: 10, startDate: "2023-01-02", seed: 3 });
    expect(small.table.rows).toHaveLength(120);
    expect(small.table.headers.slice(FIXED)).toEqual(
      Array.from({ length: 10 }, (_, t) => excelSerialToIso(44928 + 7 * t)),
    );
    expect(small.badRows).toEqual(sampleBadRows(120));
    expect(() => generateSample({ skus: 99 })).toThrow(RangeError);
    expect(() => generateSample({ weeks: 1 })).toThrow(RangeError);
    expect(() => generateSample({ startDate: "01/02/2023" })).toThrow(RangeError);
  });

  it("is detected by detectHistory and mapped by autoMap without a warning", () => {
    expect(detectHistory(table.headers)).toEqual({
      columns: Array.from({ length: 104 }, (_, t) => FIXED + t),
      periodUnit: "week",
      warnings: [],
    });
    const { mapping, warnings, unmapped } = autoMap(table.headers);
    expect(warnings).toEqual([]);
    expect(unmapped).toEqual([]);
    expect(Object.keys(mapping.columns)).toHaveLength(FIXED);
    expect(mapping.leadTimeUnit).toBe("day");
  });
});

describe("bad rows", () => {
  it("sit where SAMPLE_BAD_ROWS says", () => {
    expect(SAMPLE_BAD_ROWS).toEqual(badRows);
    const row = (i: number) => table.rows[i];
    expect(row(badRows.missingCost)[col("Unit Cost")]).toBeNull();
    expect(row(badRows.textLeadTime)[col("Lead Time (days)")]).toBe("n/a");
    expect(row(badRows.textOnHand)[col("On Hand")]).toBe("12 pcs");
    expect(row(badRows.negativeOnHand)[col("On Hand")]).toBeLessThan(0);
    expect(badRows.duplicateOf).toBeLessThan(badRows.duplicateSku);
    for (const c of [col("SKU"), col("Plant")])
      expect(row(badRows.duplicateSku)[c]).toBe(row(badRows.duplicateOf)[c]);
    expect(history(row(badRows.noDemand)).every((v) => v === null)).toBe(true);
    expect(badRows.formulaLikeDescriptions.map((i) => String(row(i)[col("Description")])[0])).toEqual([
      "=",
      "+",
      "-",
      "@",
    ]);
  });

  it("are exactly the rows the segmentation cannot use, each for its reason", () => {
    const { mapping } = autoMap(table.headers);
    const { exceptions, items } = prepareItems(table, mapping, 100);
    expect(exceptions.map((e) => [e.index, e.reasons])).toEqual([
      [badRows.missingCost, ["missing unit cost"]],
      [badRows.textLeadTime, ['lead time is not a number ("n/a")']],
      [badRows.textOnHand, ['on-hand quantity is not a number ("12 pcs")']],
      [badRows.negativeOnHand, ["negative on-hand quantity (-15)"]],
      [badRows.duplicateSku, [`duplicate of row ${badRows.duplicateOf + 2} (same SKU and plant)`]],
      [badRows.noDemand, ["no demand data"]],
    ]);
    expect(items.count + exceptions.length).toBe(table.rows.length);
    for (const i of badRows.formulaLikeDescriptions) expect(Array.from(items.index)).toContain(i);
  });

  it("are the only repeated SKU + plant; some SKUs are legitimately stocked in two plants", () => {
    const keys = new Map<string, number>();
    const plantsPerSku = new Map<CellValue, Set<CellValue>>();
    table.rows.forEach((row, i) => {
      const key = `${row[col("SKU")]}|${row[col("Plant")]}`;
      if (i !== badRows.duplicateSku) expect(keys.has(key)).toBe(false);
      keys.set(key, i);
      plantsPerSku.set(
        row[col("SKU")],
        (plantsPerSku.get(row[col("SKU")]) ?? new Set()).add(row[col("Plant")]),
      );
    });
    const multiPlant = [...plantsPerSku.values()].filter((p) => p.size > 1).length;
    expect(multiPlant).toBeGreaterThan(20);
  });
});

describe("realism", () => {
  const good = table.rows.filter((_, i) => !isBad(i));
  const count = (column: number) => {
    const counts = new Map<CellValue, number>();
    for (const row of table.rows) counts.set(row[column], (counts.get(row[column]) ?? 0) + 1);
    return counts;
  };

  it("spreads rows over 4 categories, 3 plants, 3 regions and 40 suppliers", () => {
    const share = (counts: Map<CellValue, number>) => [...counts.values()].map((n) => n / table.rows.length);
    expect([...count(col("Category")).keys()].sort()).toEqual([...SAMPLE_CATEGORIES].sort());
    expect([...count(col("Plant")).keys()].sort()).toEqual([...SAMPLE_PLANTS].sort());
    expect([...count(col("Region")).keys()].sort()).toEqual([...SAMPLE_REGIONS].sort());
    expect(count(col("Supplier")).size).toBe(SAMPLE_SUPPLIERS.length);
    expect(SAMPLE_SUPPLIERS).toHaveLength(40);
    for (const c of [col("Category"), col("Plant"), col("Region")]) {
      expect(Math.min(...share(count(c)))).toBeGreaterThan(0.1);
    }
    const singleSource = count(col("Single Source")).get("Y")! / table.rows.length;
    expect(singleSource).toBeGreaterThan(0.15);
    expect(singleSource).toBeLessThan(0.4);
  });

  it("has every demand pattern, in sensible numbers", () => {
    const byPattern = new Map<string, number>();
    for (const p of patterns) byPattern.set(p, (byPattern.get(p) ?? 0) + 1);
    for (const p of ["smooth", "seasonal", "trending", "intermittent", "lumpy", "dead", "new"]) {
      expect(byPattern.get(p)).toBeGreaterThan(50);
    }
  });

  it("dead items: no demand in the last 26 weeks and a last movement over 182 days ago", () => {
    table.rows.forEach((row, i) => {
      if (patterns[i] !== "dead" || isBad(i)) return;
      expect(
        history(row)
          .slice(-26)
          .every((v) => v === 0),
      ).toBe(true);
      expect(asOfDate - (row[col("Last Movement")] as number)).toBeGreaterThan(182);
    });
  });

  it("new items: blank before launch, demand after it", () => {
    table.rows.forEach((row, i) => {
      if (patterns[i] !== "new" || isBad(i)) return;
      const h = history(row);
      const launch = h.findIndex((v) => v !== null);
      expect(launch).toBeGreaterThanOrEqual(52);
      expect(h.slice(launch).every((v) => typeof v === "number")).toBe(true);
    });
  });

  it("intermittent and lumpy items mostly have long intervals between demands (ADI > 1.32)", () => {
    const sparse = table.rows.filter(
      (_, i) => (patterns[i] === "intermittent" || patterns[i] === "lumpy") && !isBad(i),
    );
    const adi = sparse.map((row) => 104 / Math.max(1, history(row).filter((v) => (v ?? 0) > 0).length));
    expect(adi.filter((a) => a > 1.32).length / adi.length).toBeGreaterThan(0.9);
  });

  it("has valid numbers everywhere outside the bad rows", () => {
    for (const row of good) {
      expect(row[col("Unit Cost")]).toBeGreaterThan(0);
      expect(row[col("On Hand")]).toBeGreaterThanOrEqual(0);
      expect(row[col("Lead Time (days)")]).toBeGreaterThan(0);
      expect(row[col("LT SD (days)")]).toBeGreaterThanOrEqual(0);
      expect(row[col("Order Cost")]).toBeGreaterThan(0);
      const last = parseDateCell(row[col("Last Movement")]);
      expect(last).not.toBeNull();
      expect(last!).toBeLessThanOrEqual(asOfDate);
      const price = row[col("Unit Price")];
      if (price !== null) expect(price).toBeGreaterThan(row[col("Unit Cost")] as number);
    }
    const noMoq = good.filter((row) => row[col("MOQ")] === 0).length / good.length;
    expect(noMoq).toBeGreaterThan(0.3);
  });

  it("is Pareto-like: the top 20% of SKUs hold at least 60% of annual consumption value", () => {
    const values = good
      .map(
        (row) =>
          (row[col("Unit Cost")] as number) *
          history(row)
            .slice(-52)
            .reduce<number>((a, v) => a + (v ?? 0), 0),
      )
      .sort((a, b) => b - a);
    const total = values.reduce((a, b) => a + b, 0);
    const top = values.slice(0, Math.round(values.length * 0.2)).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThanOrEqual(0.6);
  });
});

describe("promotions option", () => {
  const promoted = generateSample({ promotions: true });
  const drivers = promoted.drivers!;

  it("leaves the default sample untouched and has no drivers without the option", () => {
    expect(sample.drivers).toBeUndefined();
    expect(generateSample({ promotions: false })).toEqual(sample);
  });

  it("is deterministic and covers the history plus 13 future weeks", () => {
    expect(generateSample({ promotions: true })).toEqual(promoted);
    expect(drivers.horizon).toBe(SAMPLE_DRIVER_HORIZON);
    expect(drivers.lift).toBe(1.6);
    expect(drivers.elasticity).toBe(-1.5);
    expect(drivers.promo).toHaveLength(table.rows.length);
    for (const row of [...drivers.promo, ...drivers.price]) expect(row).toHaveLength(104 + 13);
    for (const row of drivers.promo) for (const p of row) expect([0, 1]).toContain(p);
    for (const row of drivers.price) for (const x of row) expect(x).toBeGreaterThan(0);
  });

  it("changes only the demand history, by exactly lift^promo × (price ÷ base)^elasticity, rounded", () => {
    // The base price is read before the bad rows are injected: skip the two whose prices change then.
    const mismatches: string[] = [];
    promoted.table.rows.forEach((row, i) => {
      const plain = table.rows[i];
      if (JSON.stringify(row.slice(0, FIXED)) !== JSON.stringify(plain.slice(0, FIXED)))
        mismatches.push(`row ${i}`);
      if (i === badRows.missingCost || i === badRows.duplicateSku) return;
      const unitPrice = plain[col("Unit Price")];
      const base = drivers.base[i];
      // The base is the Unit Price, or Unit Cost × 1.25 in cents where there is none.
      if (typeof unitPrice === "number") expect(base).toBe(unitPrice);
      else
        expect(Math.abs(base - (plain[col("Unit Cost")] as number) * 1.25)).toBeLessThanOrEqual(
          0.005 + 1e-12,
        );
      const after = history(row);
      history(plain).forEach((v, t) => {
        const effect =
          SAMPLE_PROMOTION_LIFT ** drivers.promo[i][t] *
          (drivers.price[i][t] / base) ** SAMPLE_PRICE_ELASTICITY;
        const expected = v === null || v === 0 ? v : Math.max(1, Math.round(v * effect));
        if (after[t] !== expected) mismatches.push(`row ${i} week ${t}: ${after[t]} ≠ ${expected}`);
      });
    });
    expect(mismatches).toEqual([]);
  });

  it("promotes about 9% of weeks and changes the price a few times a year", () => {
    const weeks = drivers.promo.flat();
    const share = weeks.reduce((a, b) => a + b, 0) / weeks.length;
    expect(share).toBeGreaterThan(0.07);
    expect(share).toBeLessThan(0.11);
    const changes = drivers.price.map((r) => r.filter((x, t) => t > 0 && x !== r[t - 1]).length);
    expect(changes.reduce((a, b) => a + b, 0) / changes.length).toBeGreaterThan(2);
  });

  it("has the promised lift and elasticity: the forecast engine recovers them on smooth items", () => {
    // Median over smooth items of the estimated lift (shrunk by k ÷ (k + 1) for k ≈ 9 promoted weeks:
    // 1.6^0.9 ≈ 1.53) and elasticity (−1.5, attenuated by the noise of weekly demand).
    const lifts: number[] = [];
    const elasticities: number[] = [];
    promoted.table.rows.forEach((row, i) => {
      if (patterns[i] !== "smooth" || badRows.noDemand === i) return;
      const result = forecastSeries(Float64Array.from(history(row).map((v) => v ?? NaN)), {
        horizon: 1,
        method: "ses",
        drivers: {
          promo: Float64Array.from(drivers.promo[i].slice(0, 105)),
          price: Float64Array.from(drivers.price[i].slice(0, 105)),
        },
      });
      lifts.push(result.lift!);
      elasticities.push(result.elasticity!);
    });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    expect(lifts.length).toBeGreaterThan(200);
    expect(median(lifts)).toBeGreaterThan(1.45);
    expect(median(lifts)).toBeLessThan(1.6);
    expect(median(elasticities)).toBeGreaterThan(-1.7);
    expect(median(elasticities)).toBeLessThan(-1.2);
  });
});
