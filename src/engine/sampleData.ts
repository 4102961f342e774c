/**
 * A seeded, realistic SKU table for the README walk-through, the end-to-end test and benchmarks:
 * four inventory categories, three plants and regions, 40 suppliers, weekly demand history with
 * the usual patterns (smooth, seasonal, trending, intermittent, lumpy, dead, new), long-tailed
 * costs and volumes (so ABC is Pareto-like), single-source parts, and a few deliberately bad rows
 * (see sampleBadRows). Same options, same table: on every machine and every run.
 */
import { CellValue } from "./report";
import { InputTable } from "./segmentation/input";
import { excelSerialToIso, isoToExcelSerial } from "./segmentation/periods";

export interface SampleOptions {
  /** Data rows (at least 100, so every bad row has its own place). Default 2,000. */
  skus?: number;
  /** Weekly history columns (at least 2). Default 104. */
  weeks?: number;
  /** PRNG seed. Default 42. */
  seed?: number;
  /** ISO date of the first week's Monday. Default 2024-01-01. */
  startDate?: string;
  /**
   * Add promotions and price changes (SampleDrivers) with a known effect in the demand history.
   * Default false: the table is then exactly the one without this option.
   */
  promotions?: boolean;
}

/**
 * The drivers of a sample generated with `promotions: true`, one row per table row and one column
 * per history week plus SAMPLE_DRIVER_HORIZON future weeks (the promotion calendar and price list
 * of the next quarter). Each week starts a promotion with probability 6% (lasting one or two weeks;
 * promotion weeks are 1, others 0), and the list price moves to a new level, base × U(0.85, 1.15),
 * with probability 4% a week. The base price is the row's Unit Price, or Unit Cost × 1.25 where
 * there is none (as generated, before the bad rows of sampleBadRows are injected). Demand in week t is the demand the row would have had without the option times
 * SAMPLE_PROMOTION_LIFT^promo_t × (price_t ÷ base)^SAMPLE_PRICE_ELASTICITY, rounded to a whole
 * number (a sale of at least one unit stays at least one: the effect is ≥ 1.15^−1.5 ≈ 0.81).
 */
export interface SampleDrivers {
  /** Weeks of drivers after the history. */
  horizon: number;
  /** 0/1 promotion flags, rows × (weeks + horizon). */
  promo: number[][];
  /** Prices, rows × (weeks + horizon). */
  price: number[][];
  /** Each row's base price, the price at which the demand history is unchanged. */
  base: number[];
  /** The true multiplicative lift of a promotion week. */
  lift: number;
  /** The true constant price elasticity. */
  elasticity: number;
}

/** Future weeks covered by SampleDrivers. */
export const SAMPLE_DRIVER_HORIZON = 13;
/** True promotion lift in the sample with promotions: +60% in a promotion week. */
export const SAMPLE_PROMOTION_LIFT = 1.6;
/** True price elasticity in the sample with promotions: a 10% price cut sells about 17% more. */
export const SAMPLE_PRICE_ELASTICITY = -1.5;

export type DemandPattern = "smooth" | "seasonal" | "trending" | "intermittent" | "lumpy" | "dead" | "new";

/**
 * Rows (0-based indexes into InputTable.rows; the worksheet row is index + 2) that are bad on
 * purpose. The first six cannot be segmented and must land on the Exceptions sheet; the
 * formula-like descriptions are valid rows whose text must stay text when written back.
 */
export interface SampleBadRows {
  /** Unit Cost blank. */
  missingCost: number;
  /** Lead Time (days) is the text "n/a". */
  textLeadTime: number;
  /** On Hand is the text "12 pcs". */
  textOnHand: number;
  /** On Hand is negative. */
  negativeOnHand: number;
  /** Same SKU, plant and item data as row `duplicateOf` (an earlier row), other quantities. */
  duplicateSku: number;
  duplicateOf: number;
  /** Every history cell blank (and no last-movement date). */
  noDemand: number;
  /** Valid rows whose descriptions start with "=", "+", "-" and "@". */
  formulaLikeDescriptions: number[];
}

export interface SampleData {
  table: InputTable;
  /** The demand pattern each row was generated with. */
  patterns: DemandPattern[];
  badRows: SampleBadRows;
  /** Excel serial date of the history's last day (a Sunday): the as-of date for SLOB ages. */
  asOfDate: number;
  /** Promotions and prices, only with `promotions: true`. */
  drivers?: SampleDrivers;
}

export const SAMPLE_FIXED_HEADERS = [
  "SKU",
  "Description",
  "Category",
  "Plant",
  "Region",
  "Supplier",
  "Single Source",
  "Unit Cost",
  "Unit Price",
  "On Hand",
  "Lead Time (days)",
  "LT SD (days)",
  "MOQ",
  "Order Cost",
  "Last Movement",
] as const;

const COLUMN = Object.fromEntries(SAMPLE_FIXED_HEADERS.map((h, i) => [h, i])) as Record<
  (typeof SAMPLE_FIXED_HEADERS)[number],
  number
>;

export const SAMPLE_CATEGORIES = ["Raw material", "WIP", "Finished goods", "Spares"] as const;
export const SAMPLE_PLANTS = ["Rotterdam", "Columbus", "Suzhou"] as const;
export const SAMPLE_REGIONS = ["EMEA", "Americas", "APAC"] as const;
export const SAMPLE_SUPPLIERS: readonly string[] = [
  "Adatum Metals",
  "Alpine Plastics",
  "Baltic Castings",
  "Bluewater Electronics",
  "Cedar Packaging",
  "Contoso Components",
  "Delta Fasteners",
  "Eastgate Chemicals",
  "Fabrikam Industrial",
  "Fjord Bearings",
  "Granite Tooling",
  "Harbor Logistics Parts",
  "Ironbridge Steel",
  "Juniper Seals",
  "Kestrel Motors",
  "Lakeside Rubber",
  "Litware Controls",
  "Meridian Glass",
  "Northwind Supply",
  "Oakridge Hydraulics",
  "Pacific Resins",
  "Proseware Sensors",
  "Quarry Minerals",
  "Redwood Timber",
  "Riverbend Valves",
  "Summit Coatings",
  "Tailspin Drives",
  "Tidewater Pumps",
  "Umbra Optics",
  "Vanguard Wire",
  "Westfield Filters",
  "Wingtip Actuators",
  "Woodgrove Cartons",
  "Xenon Lighting",
  "Yellowstone Abrasives",
  "Zenith Gears",
  "Atlas Springs",
  "Borealis Cables",
  "Crescent Adhesives",
  "Dune Textiles",
];

const MIN_SKUS = 100;

// ---------------------------------------------------------------------------------------------
// Random numbers

/**
 * mulberry32: a 32-bit PRNG by Tommy Ettinger (public domain), as collected in bryc's "PRNGs"
 * (https://github.com/bryc/code/blob/master/jshash/PRNGs.md#mulberry32). Uniform in [0, 1).
 */
function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** MurmurHash3's 32-bit finaliser: a seed per row from (seed, row), so rows are independent streams. */
function mix(seed: number, stream: number): number {
  let h = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

class Random {
  private readonly next: () => number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }

  integer(lo: number, hiInclusive: number): number {
    return lo + Math.floor(this.next() * (hiInclusive - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Box–Muller, both values used). */
  normal(): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return z;
    }
    const u = 1 - this.next(); // (0, 1]: log is finite
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Gamma(shape, scale 1): Marsaglia & Tsang, ACM TOMS 26 (2000) 363–372; boosted for shape < 1. */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Poisson(λ): Knuth's product method below 30, else a rounded normal approximation. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda >= 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.uniform();
    while (p > limit) {
      k++;
      p *= this.uniform();
    }
    return k;
  }

  /** Whole units with mean `mean` and extra-Poisson variation `cv` (a gamma–Poisson mixture). */
  count(mean: number, cv: number): number {
    if (mean <= 0) return 0;
    const shape = 1 / (cv * cv);
    return this.poisson((mean * this.gamma(shape)) / shape);
  }

  /** Log-normal with the given median and σ of the logarithm. */
  logNormal(median: number, sigma: number, z = this.normal()): number {
    return median * Math.exp(sigma * z);
  }

  pick<T>(items: readonly T[], weights?: readonly number[]): T {
    if (weights === undefined) return items[Math.floor(this.next() * items.length)];
    const total = weights.reduce((a, b) => a + b, 0);
    let u = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      u -= weights[i];
      if (u < 0) return items[i];
    }
    return items[items.length - 1];
  }
}

// ---------------------------------------------------------------------------------------------
// Item master

type Category = (typeof SAMPLE_CATEGORIES)[number];

const CATEGORY_WEIGHTS = [0.35, 0.15, 0.35, 0.15];
const PATTERNS: readonly DemandPattern[] = [
  "smooth",
  "seasonal",
  "trending",
  "intermittent",
  "lumpy",
  "dead",
  "new",
];

interface CategoryProfile {
  skuPrefix: string;
  patternWeights: readonly number[];
  /** Median unit cost and weekly demand (both log-normal). */
  costMedian: number;
  weeklyDemandMedian: number;
  leadTimeMedianDays: number;
  leadTimeRangeDays: [number, number];
  singleSourceShare: number;
  noMoqShare: number;
  /** Gross margin range of the selling price; null: not sold (no price). */
  margin: [number, number] | null;
  nouns: readonly string[];
}

const PROFILES: Record<Category, CategoryProfile> = {
  "Raw material": {
    skuPrefix: "RM",
    patternWeights: [0.4, 0.12, 0.12, 0.12, 0.08, 0.08, 0.08],
    costMedian: 4,
    weeklyDemandMedian: 40,
    leadTimeMedianDays: 35,
    leadTimeRangeDays: [5, 180],
    singleSourceShare: 0.25,
    noMoqShare: 0.35,
    margin: null,
    nouns: [
      "Steel sheet",
      "Aluminium bar",
      "Copper wire",
      "PP granulate",
      "ABS resin",
      "Rubber compound",
      "Carton",
      "Stretch film",
      "Hex bolt",
      "Washer",
      "Solvent",
      "Paint base",
      "Glass fibre mat",
      "PCB blank",
    ],
  },
  WIP: {
    skuPrefix: "WP",
    patternWeights: [0.45, 0.1, 0.1, 0.12, 0.08, 0.08, 0.07],
    costMedian: 18,
    weeklyDemandMedian: 15,
    leadTimeMedianDays: 10,
    leadTimeRangeDays: [2, 40],
    singleSourceShare: 0.1,
    noMoqShare: 0.7,
    margin: null,
    nouns: [
      "Machined housing",
      "Painted panel",
      "Sub-assembly",
      "Welded frame",
      "Moulded cover",
      "Wiring harness",
      "Coated shaft",
      "Pressed bracket",
      "Rotor blank",
      "Stator pack",
    ],
  },
  "Finished goods": {
    skuPrefix: "FG",
    patternWeights: [0.25, 0.25, 0.18, 0.08, 0.06, 0.08, 0.1],
    costMedian: 35,
    weeklyDemandMedian: 20,
    leadTimeMedianDays: 21,
    leadTimeRangeDays: [3, 90],
    singleSourceShare: 0.15,
    noMoqShare: 0.5,
    margin: [0.15, 0.6],
    nouns: [
      "Pump",
      "Valve",
      "Controller",
      "Compressor",
      "Fan unit",
      "Gearbox",
      "Sensor",
      "Actuator",
      "Filter unit",
      "Heat exchanger",
      "Motor",
    ],
  },
  Spares: {
    skuPrefix: "SP",
    patternWeights: [0.08, 0.02, 0.05, 0.4, 0.3, 0.12, 0.03],
    costMedian: 60,
    weeklyDemandMedian: 1.5,
    leadTimeMedianDays: 60,
    leadTimeRangeDays: [7, 240],
    singleSourceShare: 0.45,
    noMoqShare: 0.6,
    margin: [0.35, 0.75],
    nouns: [
      "Seal kit",
      "Gasket",
      "Impeller",
      "Bearing",
      "Shaft seal",
      "Filter cartridge",
      "Drive belt",
      "O-ring set",
      "Control board",
      "Coupling",
    ],
  },
};

/** Plant shares, and each plant's home region (a plant mostly serves its own region). */
const PLANT_WEIGHTS = [0.45, 0.35, 0.2];
const HOME_REGION_SHARE = 0.7;

/** Supplier popularity falls off like a Zipf law, so a few suppliers carry most parts and spend. */
const SUPPLIER_WEIGHTS = SAMPLE_SUPPLIERS.map((_, k) => 1 / (k + 1) ** 0.8);

const NICE_QUANTITIES = [5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000];

function roundTo(x: number, step: number): number {
  return Math.round(x / step) * step;
}

function cents(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The nearest "nice" order quantity. */
function niceQuantity(q: number): number {
  return NICE_QUANTITIES.reduce((best, n) =>
    Math.abs(Math.log(n / q)) < Math.abs(Math.log(best / q)) ? n : best,
  );
}

/** A distinct, shuffled-looking 6-digit number per row (7919 is prime, so i ↦ 7919·i mod 900000 is one-to-one). */
function skuNumber(i: number): number {
  return 100000 + ((i * 7919) % 900000);
}

// ---------------------------------------------------------------------------------------------
// Demand

interface Demand {
  values: (number | null)[];
  /** Mean weekly demand the pattern was built around. */
  mean: number;
}

function demandHistory(rng: Random, pattern: DemandPattern, mean: number, weeks: number): Demand {
  const values: (number | null)[] = new Array<number | null>(weeks);
  switch (pattern) {
    case "smooth": {
      const cv = rng.uniform(0.1, 0.4);
      for (let t = 0; t < weeks; t++) values[t] = rng.count(mean, cv);
      break;
    }
    case "seasonal": {
      const amplitude = rng.uniform(0.3, 0.9);
      const phase = rng.uniform(0, 2 * Math.PI);
      const cv = rng.uniform(0.1, 0.3);
      for (let t = 0; t < weeks; t++)
        values[t] = rng.count(mean * (1 + amplitude * Math.sin((2 * Math.PI * t) / 52 + phase)), cv);
      break;
    }
    case "trending": {
      const growthPerYear = (rng.chance(0.65) ? 1 : -1) * rng.uniform(0.25, 0.8);
      for (let t = 0; t < weeks; t++)
        values[t] = rng.count(mean * Math.exp((growthPerYear * (t - weeks / 2)) / 52), 0.2);
      break;
    }
    case "intermittent":
    case "lumpy": {
      // Syntetos–Boylan: both have long intervals between demands (ADI > 1.32); lumpy sizes vary
      // much more (CV² ≥ 0.49) than intermittent ones.
      const lumpy = pattern === "lumpy";
      const p = lumpy ? rng.uniform(0.05, 0.3) : rng.uniform(0.12, 0.45);
      const sizeShape = lumpy ? 0.7 : 8;
      const sizeMean = Math.max(1, mean / p);
      for (let t = 0; t < weeks; t++) {
        values[t] = rng.chance(p)
          ? Math.max(1, Math.round((sizeMean * rng.gamma(sizeShape)) / sizeShape))
          : 0;
      }
      break;
    }
    case "dead": {
      // No demand for at least the last 26 weeks; a quarter never moved within the history at all.
      const lastActive = rng.chance(0.25)
        ? 0
        : Math.max(0, weeks - 26 - Math.floor(rng.uniform(0, Math.max(0, weeks - 26) * 0.7)));
      for (let t = 0; t < weeks; t++)
        values[t] = t < lastActive ? rng.count(mean * 0.5 * (1 - t / weeks), 0.5) : 0;
      break;
    }
    case "new": {
      // Launched in the second half of the history: blank before launch (the item did not exist),
      // then a ramp-up over eight weeks.
      const launch = Math.min(weeks - 2, Math.floor(weeks * rng.uniform(0.5, 0.92)));
      for (let t = 0; t < weeks; t++)
        values[t] = t < launch ? null : rng.count(mean * Math.min(1, (t - launch + 1) / 8), 0.3);
      break;
    }
  }
  return { values, mean };
}

// ---------------------------------------------------------------------------------------------
// The table

/** Fractions of the row count at which the bad rows sit. */
const BAD_ROW_FRACTIONS = {
  missingCost: 0.05,
  textLeadTime: 0.15,
  duplicateOf: 0.2,
  textOnHand: 0.3,
  negativeOnHand: 0.45,
  duplicateSku: 0.6,
  noDemand: 0.75,
  formula: [0.9, 0.91, 0.92, 0.93],
};

/** Where the bad rows of a table of `skus` rows are (see SampleBadRows). */
export function sampleBadRows(skus: number): SampleBadRows {
  const at = (f: number) => Math.floor(f * skus);
  return {
    missingCost: at(BAD_ROW_FRACTIONS.missingCost),
    textLeadTime: at(BAD_ROW_FRACTIONS.textLeadTime),
    textOnHand: at(BAD_ROW_FRACTIONS.textOnHand),
    negativeOnHand: at(BAD_ROW_FRACTIONS.negativeOnHand),
    duplicateSku: at(BAD_ROW_FRACTIONS.duplicateSku),
    duplicateOf: at(BAD_ROW_FRACTIONS.duplicateOf),
    noDemand: at(BAD_ROW_FRACTIONS.noDemand),
    formulaLikeDescriptions: BAD_ROW_FRACTIONS.formula.map(at),
  };
}

/** The bad rows of the default 2,000-row table (worksheet row = index + 2). */
export const SAMPLE_BAD_ROWS: SampleBadRows = sampleBadRows(2000);

const FORMULA_LIKE_DESCRIPTIONS = [
  "=Gasket 40mm (replaces old part)",
  "+24V power supply",
  "-40C freezer seal",
  "@Home starter kit",
];

interface Row {
  cells: CellValue[];
  pattern: DemandPattern;
}

function generateRow(i: number, seed: number, weeks: number, startSerial: number, asOfDate: number): Row {
  const rng = new Random(mix(seed, i));
  const category = rng.pick(SAMPLE_CATEGORIES, CATEGORY_WEIGHTS);
  const profile = PROFILES[category];
  const pattern = rng.pick(PATTERNS, profile.patternWeights);
  const plantIndex = rng.pick([0, 1, 2], PLANT_WEIGHTS);
  const region = rng.chance(HOME_REGION_SHARE) ? SAMPLE_REGIONS[plantIndex] : rng.pick(SAMPLE_REGIONS);

  // Cost and volume are log-normal and mildly negatively correlated (dear parts sell less), so
  // annual value is long-tailed: a fifth of the items hold most of it.
  const zCost = rng.normal();
  const zVolume = -0.35 * zCost + Math.sqrt(1 - 0.35 ** 2) * rng.normal();
  const unitCost = Math.max(0.05, cents(rng.logNormal(profile.costMedian, 1.0, zCost)));
  const weeklyMean = rng.logNormal(profile.weeklyDemandMedian, 1.2, zVolume) * (pattern === "dead" ? 0.3 : 1);
  const demand = demandHistory(rng, pattern, weeklyMean, weeks);

  const unitPrice = profile.margin === null ? null : cents(unitCost / (1 - rng.uniform(...profile.margin)));
  const leadTimeDays = Math.round(
    Math.min(
      profile.leadTimeRangeDays[1],
      Math.max(profile.leadTimeRangeDays[0], rng.logNormal(profile.leadTimeMedianDays, 0.5)),
    ),
  );
  const leadTimeSdDays = rng.chance(0.15) ? 0 : roundTo(leadTimeDays * rng.uniform(0.05, 0.45), 0.5);
  const moq = rng.chance(profile.noMoqShare) ? 0 : niceQuantity(Math.max(1, weeklyMean * rng.uniform(2, 8)));
  const orderCost =
    category === "WIP"
      ? roundTo(rng.uniform(50, 400), 5)
      : Math.min(500, Math.max(15, roundTo(rng.logNormal(60, 0.5), 5)));

  // On hand: a few weeks of recent demand; some items overstocked, a few stocked out, dead items
  // sit on what is left.
  const recent = demand.values.slice(-13).filter((v): v is number => v !== null);
  const recentMean = recent.length > 0 ? recent.reduce((a, b) => a + b, 0) / recent.length : weeklyMean;
  let onHand: number;
  if (pattern === "dead") onHand = Math.max(1, Math.round(Math.max(weeklyMean, 1) * rng.uniform(4, 30)));
  else if (rng.chance(0.03)) onHand = 0;
  else if (rng.chance(0.08)) onHand = Math.round(Math.max(recentMean, 0.5) * rng.uniform(40, 120));
  else onHand = Math.round(recentMean * rng.logNormal(6, 0.6));

  // Last movement: a day in the last week with demand; before the history when there was none.
  let lastWeek = -1;
  demand.values.forEach((v, t) => {
    if (v !== null && v > 0) lastWeek = t;
  });
  const lastMovement =
    lastWeek >= 0
      ? Math.min(asOfDate, startSerial + 7 * lastWeek + rng.integer(0, 6))
      : startSerial - rng.integer(30, 900);

  const noun = rng.pick(profile.nouns);
  const description = `${noun} ${String.fromCharCode(65 + rng.integer(0, 25))}${rng.integer(10, 999)}`;
  const cells: CellValue[] = [
    `${profile.skuPrefix}-${skuNumber(i)}`,
    description,
    category,
    SAMPLE_PLANTS[plantIndex],
    region,
    rng.pick(SAMPLE_SUPPLIERS, SUPPLIER_WEIGHTS),
    rng.chance(profile.singleSourceShare) ? "Y" : "N",
    unitCost,
    unitPrice,
    onHand,
    leadTimeDays,
    leadTimeSdDays,
    moq,
    orderCost,
    lastMovement,
    ...demand.values,
  ];
  return { cells, pattern };
}

/** Integer option in range, else a RangeError naming it. */
function checkedInteger(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be a whole number ≥ ${min} (got ${value}).`);
  return value;
}

/**
 * The sample table with what the tests and the README need to know about it. Headers: the fixed
 * columns of SAMPLE_FIXED_HEADERS, then one ISO date (`2024-01-01`, the week's Monday) per week.
 */
export function generateSample(options: SampleOptions = {}): SampleData {
  const skus = checkedInteger("skus", options.skus ?? 2000, MIN_SKUS);
  const weeks = checkedInteger("weeks", options.weeks ?? 104, 2);
  const seed = checkedInteger("seed", options.seed ?? 42, Number.MIN_SAFE_INTEGER);
  const startDate = options.startDate ?? "2024-01-01";
  const startSerial = isoToExcelSerial(startDate);
  if (startSerial === null || startSerial < 61)
    throw new RangeError(`startDate must be an ISO date yyyy-mm-dd after 1900-02-28 (got ${startDate}).`);
  const asOfDate = startSerial + 7 * weeks - 1;

  const weekHeaders: string[] = [];
  for (let t = 0; t < weeks; t++) weekHeaders.push(excelSerialToIso(startSerial + 7 * t) ?? "");
  const headers = [...SAMPLE_FIXED_HEADERS, ...weekHeaders];

  const generated = Array.from({ length: skus }, (_, i) =>
    generateRow(i, seed, weeks, startSerial, asOfDate),
  );
  const rows = generated.map((r) => r.cells);
  const patterns = generated.map((r) => r.pattern);
  const drivers = options.promotions ? addPromotions(rows, seed, weeks) : undefined;
  const badRows = sampleBadRows(skus);
  shareSkusAcrossPlants(rows, seed, badRows);
  injectBadRows(rows, badRows);
  const sample: SampleData = {
    table: {
      headers,
      rows,
      source: `Sample data (seed ${seed}, ${skus} SKUs × ${weeks} weeks${drivers ? ", with promotions" : ""})`,
    },
    patterns,
    badRows,
    asOfDate,
  };
  if (drivers) sample.drivers = drivers;
  return sample;
}

/**
 * Draws each row's promotion calendar and price list (SampleDrivers) from its own stream and
 * applies their effect to the row's demand history in place.
 */
function addPromotions(rows: CellValue[][], seed: number, weeks: number): SampleDrivers {
  const length = weeks + SAMPLE_DRIVER_HORIZON;
  const promo: number[][] = [];
  const price: number[][] = [];
  const bases: number[] = [];
  rows.forEach((cells, i) => {
    // Streams −2, −3, … : disjoint from the rows' (0, 1, …) and shareSkusAcrossPlants' (−1).
    const rng = new Random(mix(seed, -2 - i));
    const unitPrice = cells[COLUMN["Unit Price"]];
    const unitCost = cells[COLUMN["Unit Cost"]];
    const base = typeof unitPrice === "number" ? unitPrice : cents((unitCost as number) * 1.25);
    const flags = new Array<number>(length).fill(0);
    const prices = new Array<number>(length);
    let level = 1;
    for (let t = 0; t < length; t++) {
      if (flags[t] === 0 && rng.chance(0.06)) {
        flags[t] = 1;
        if (t + 1 < length && rng.chance(0.5)) flags[t + 1] = 1;
      }
      if (rng.chance(0.04)) level = rng.uniform(0.85, 1.15);
      prices[t] = cents(base * level);
    }
    for (let t = 0; t < weeks; t++) {
      const c = SAMPLE_FIXED_HEADERS.length + t;
      const demand = cells[c];
      if (typeof demand !== "number" || demand === 0) continue;
      const effect = SAMPLE_PROMOTION_LIFT ** flags[t] * (prices[t] / base) ** SAMPLE_PRICE_ELASTICITY;
      cells[c] = Math.max(1, Math.round(demand * effect));
    }
    promo.push(flags);
    price.push(prices);
    bases.push(base);
  });
  return {
    horizon: SAMPLE_DRIVER_HORIZON,
    promo,
    price,
    base: bases,
    lift: SAMPLE_PROMOTION_LIFT,
    elasticity: SAMPLE_PRICE_ELASTICITY,
  };
}

/** The sample SKU table alone (see generateSample). */
export function generateSampleTable(options?: SampleOptions): InputTable {
  return generateSample(options).table;
}

/**
 * Some items are stocked in two plants: about 3% of rows take the SKU, description and category
 * of an earlier row in another plant. These are legitimate rows (the key is SKU + plant), not
 * duplicates.
 */
function shareSkusAcrossPlants(rows: CellValue[][], seed: number, bad: SampleBadRows): void {
  const rng = new Random(mix(seed, -1));
  const reserved = new Set([bad.duplicateOf, bad.duplicateSku, ...bad.formulaLikeDescriptions]);
  const plantsOfSku = new Map<CellValue, Set<CellValue>>(
    rows.map((r) => [r[COLUMN.SKU], new Set([r[COLUMN.Plant]])]),
  );
  for (let i = 1; i < rows.length; i++) {
    if (!rng.chance(0.03)) continue;
    const j = rng.integer(0, i - 1);
    const source = rows[j];
    const target = rows[i];
    const plants = plantsOfSku.get(source[COLUMN.SKU]);
    if (reserved.has(i) || reserved.has(j) || plants === undefined || plants.has(target[COLUMN.Plant]))
      continue;
    plantsOfSku.delete(target[COLUMN.SKU]);
    for (const column of [COLUMN.SKU, COLUMN.Description, COLUMN.Category]) target[column] = source[column];
    plants.add(target[COLUMN.Plant]);
  }
}

function injectBadRows(rows: CellValue[][], bad: SampleBadRows): void {
  rows[bad.missingCost][COLUMN["Unit Cost"]] = null;
  rows[bad.textLeadTime][COLUMN["Lead Time (days)"]] = "n/a";
  rows[bad.textOnHand][COLUMN["On Hand"]] = "12 pcs";
  rows[bad.negativeOnHand][COLUMN["On Hand"]] = -15;
  // A line exported twice: the same item master data, with other quantities.
  for (const header of [
    "SKU",
    "Description",
    "Category",
    "Plant",
    "Region",
    "Supplier",
    "Single Source",
    "Unit Cost",
    "Unit Price",
  ] as const) {
    rows[bad.duplicateSku][COLUMN[header]] = rows[bad.duplicateOf][COLUMN[header]];
  }
  const noDemand = rows[bad.noDemand];
  for (let c = SAMPLE_FIXED_HEADERS.length; c < noDemand.length; c++) noDemand[c] = null;
  noDemand[COLUMN["Last Movement"]] = null;
  bad.formulaLikeDescriptions.forEach((row, k) => {
    rows[row][COLUMN.Description] = FORMULA_LIKE_DESCRIPTIONS[k];
  });
}
