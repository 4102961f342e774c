/**
 * Per-item policy: classes, archetype, risk flags, service target, σLT, safety stock, reorder
 * point, lot size, target inventory, cash release, SLOB, GMROII and the policy in words. Every
 * number comes from the same engine formulas as the WCAP functions.
 */
import { abcClasses } from "../classify";
import { eoqUnchecked } from "../lotSize";
import { normSInv } from "../normal";
import { fillRateSafetyStockUnchecked, sigmaLtUnchecked } from "../safetyStock";
import { DAYS_PER_YEAR } from "../workingCapital";
import { BufferBasis, ItemForecasts } from "./forecastBuffers";
import { PeriodUnit, DAYS_PER_PERIOD } from "./input";
import { Items } from "./prepare";
import { AbcXyzCell, Archetype, SegmentationSettings } from "./settings";

export type MarginService = "Protect" | "Grow" | "Harvest" | "Reduce";

/** Computed columns for every item (same order as Items). */
export interface Policies {
  abc: string[];
  xyz: string[];
  cell: AbcXyzCell[];
  archetype: Archetype[];
  marginService: (MarginService | "")[];
  singleSource: boolean[];
  longLeadTime: boolean[];
  volatileLeadTime: boolean[];
  volatileDemand: boolean[];
  serviceTarget: Float64Array;
  annualValue: Float64Array;
  /** σ of demand over L + R behind the recommended safety stock (forecast error or demand SD). */
  sigmaLt: Float64Array;
  /** The recommended safety stock: the forecast buffer where one is used, else the demand-SD buffer. */
  safetyStock: Float64Array;
  /** Demand over the lead time (forecast or mean × L) + the recommended safety stock. */
  reorderPoint: Float64Array;
  /** Safety stock from the demand mean and SD (the method without forecasts). */
  bufferDemandSd: Float64Array;
  /** σ over L + R from the forecast error √((L+R)·RMSE² + F²·σL²); NaN without a forecast. */
  forecastSigmaLt: Float64Array;
  /** Safety stock from the forecast error; NaN without a forecast (shown even where not used). */
  bufferForecast: Float64Array;
  /** True where the recommended buffer and reorder point come from the forecast. */
  forecastUsed: boolean[];
  /** safetyStock − bufferDemandSd (0 where the forecast is not used). */
  bufferChange: Float64Array;
  /** bufferChange × unit cost: the cash the forecast frees (negative: ties up). */
  bufferCashEffect: Float64Array;
  lotSize: Float64Array;
  targetUnits: Float64Array;
  targetValue: Float64Array;
  currentValue: Float64Array;
  release: Float64Array;
  slob: boolean[];
  slobExcess: Float64Array;
  /** NaN where there is no demand. */
  daysOfSupply: Float64Array;
  /** NaN where the last movement is unknown. */
  daysSinceMovement: Float64Array;
  grossMarginPct: Float64Array;
  /** NaN where there is no margin or no inventory. */
  gmroii: Float64Array;
  policy: string[];
  warnings: string[][];
}

/** Today as an Excel serial date (UTC). */
export function todaySerial(): number {
  return Math.floor(Date.now() / 86_400_000) + 25569;
}

/** Lot size: EOQ raised to the MOQ and rounded up to a whole multiple of it (whole units without MOQ). */
export function lotSizeUnits(eoq: number, moq: number): number {
  if (!(eoq > 0)) return 0;
  const wholeUnits = Math.ceil(eoq - 1e-9);
  if (!(moq > 0)) return wholeUnits;
  const lot = Math.ceil(eoq / moq - 1e-12) * moq;
  // A vanishingly small MOQ (eoq ÷ moq overflows) constrains nothing.
  return Number.isFinite(lot) ? lot : wholeUnits;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

function archetypeOf(
  abc: string,
  cell: string,
  supplyRisk: boolean,
  slob: boolean,
  rules: SegmentationSettings["archetypeRules"],
): Archetype {
  if (rules.strategicAbc.includes(abc)) return "Strategic";
  if (supplyRisk && !rules.strategicSupplyRiskExceptAbc.includes(abc)) return "Strategic";
  if (rules.tailCells.includes(cell) || (slob && rules.tailSlobAbc.includes(abc))) return "Tail";
  return "Commodity";
}

const ARCHETYPE_POLICY: Record<Archetype, string> = {
  Strategic: "Strategic: higher service, prioritised replenishment",
  Commodity: "Commodity: lean buffers, VMI/consignment candidate",
  Tail: "Tail: discontinue or make-to-order candidate",
};

/** Whole number with thousands separators ("12,345"); toLocaleString is ~20× slower per call. */
export function formatNumber(x: number): string {
  const digits = String(Math.abs(Math.round(x)));
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return Math.round(x) < 0 ? "-" + out : out;
}

/** The recommended policy in words. */
function policyText(p: {
  archetype: Archetype;
  service: number;
  reorderPoint: number;
  lot: number;
  singleSource: boolean;
  slob: boolean;
  release: number;
  demand: number;
}): string {
  const parts = [ARCHETYPE_POLICY[p.archetype]];
  if (p.archetype === "Strategic" && p.singleSource) parts.push("dual-sourcing candidate (single source)");
  if (p.demand > 0) {
    parts.push(
      `${(p.service * 100).toFixed(1)}% service: reorder at ${formatNumber(p.reorderPoint)} in lots of ${formatNumber(p.lot)}`,
    );
  } else parts.push("no demand: do not reorder");
  if (p.slob) parts.push("SLOB: review for disposal or return");
  if (p.release > 0) parts.push(`release ${formatNumber(p.release)} of cash`);
  return parts.join("; ");
}

/**
 * Computes every item's policy. `periodUnit` converts lead times to days for the risk flags;
 * `forecasts` (forecastBuffers.ts) supplies the forecast-driven buffers where they are used.
 */
export function computePolicies(
  items: Items,
  settings: SegmentationSettings,
  periodsPerYear: number,
  periodUnit: PeriodUnit,
  forecasts?: ItemForecasts,
): Policies {
  const n = items.count;
  const f = () => new Float64Array(n);
  const asOf = settings.asOfDate ?? todaySerial();
  const daysPerPeriod = DAYS_PER_PERIOD[periodUnit];

  const annualValue = f();
  for (let i = 0; i < n; i++) annualValue[i] = Math.max(0, items.annualDemand[i]) * items.unitCost[i];
  const abc = abcClasses(annualValue, settings.aCut, settings.bCut);

  const p: Policies = {
    abc,
    xyz: new Array<string>(n),
    cell: new Array<AbcXyzCell>(n),
    archetype: new Array<Archetype>(n),
    marginService: new Array<MarginService | "">(n),
    singleSource: new Array<boolean>(n),
    longLeadTime: new Array<boolean>(n),
    volatileLeadTime: new Array<boolean>(n),
    volatileDemand: new Array<boolean>(n),
    serviceTarget: f(),
    annualValue,
    sigmaLt: f(),
    safetyStock: f(),
    reorderPoint: f(),
    bufferDemandSd: f(),
    forecastSigmaLt: f(),
    bufferForecast: f(),
    forecastUsed: new Array<boolean>(n),
    bufferChange: f(),
    bufferCashEffect: f(),
    lotSize: f(),
    targetUnits: f(),
    targetValue: f(),
    currentValue: f(),
    release: f(),
    slob: new Array<boolean>(n),
    slobExcess: f(),
    daysOfSupply: f(),
    daysSinceMovement: f(),
    grossMarginPct: f(),
    gmroii: f(),
    policy: new Array<string>(n),
    // Shared with Items until a warning is added (then copied), to avoid 100,000 array copies.
    warnings: items.warnings.slice(),
  };

  let lastLevel = NaN;
  let lastZ = NaN;
  for (let i = 0; i < n; i++) {
    const cv = items.demandCv[i];
    const xyz = cv === cv ? (cv <= settings.xCut ? "X" : cv <= settings.yCut ? "Y" : "Z") : "Z";
    const cell = `${abc[i]}${xyz}` as AbcXyzCell;
    p.xyz[i] = xyz;
    p.cell[i] = cell;

    const cost = items.unitCost[i];
    const mean = items.demandMean[i];
    const annual = items.annualDemand[i];
    const leadTime = items.leadTimePeriods[i];
    const leadTimeSd = items.leadTimeSdPeriods[i];

    p.singleSource[i] = items.singleSource[i] === 1;
    p.longLeadTime[i] = leadTime * daysPerPeriod > settings.longLeadTimeDays;
    p.volatileLeadTime[i] = leadTime > 0 && leadTimeSd / leadTime > settings.volatileLeadTimeRatio;
    p.volatileDemand[i] = !(cv <= settings.volatileDemandCv);

    const currentValue = items.onHand[i] * cost;
    p.currentValue[i] = currentValue;
    const dailyDemand = annual / DAYS_PER_YEAR;
    const daysOfSupply = dailyDemand > 0 ? items.onHand[i] / dailyDemand : NaN;
    p.daysOfSupply[i] = daysOfSupply;
    const since = items.lastMovement[i] === items.lastMovement[i] ? asOf - items.lastMovement[i] : NaN;
    p.daysSinceMovement[i] = since;
    const slob =
      since > settings.slobNoMovementDays ||
      daysOfSupply > settings.slobCoverageDays ||
      (!(annual > 0) && items.onHand[i] > 0);
    p.slob[i] = slob;

    const supplyRisk = p.singleSource[i] && p.longLeadTime[i];
    const archetype = archetypeOf(abc[i], cell, supplyRisk, slob, settings.archetypeRules);
    p.archetype[i] = archetype;
    const service = clamp(
      settings.serviceMatrix[cell] + settings.archetypeServiceAdjustment[archetype],
      settings.minService,
      settings.maxService,
    );
    p.serviceTarget[i] = service;

    const eoq = annual > 0 ? eoqUnchecked(annual, items.orderCost[i], cost, settings.holdingRate) : 0;
    const lot = lotSizeUnits(eoq, items.moq[i]);
    p.lotSize[i] = lot;

    // The same safety-stock method for both buffers: fill rate over the lot, else cycle service.
    const fillRate = settings.serviceMethod === "fill" && lot > 0;
    const safetyFor = (sigma: number): number => {
      if (!(annual > 0)) return 0; // nothing to protect
      if (fillRate) return fillRateSafetyStockUnchecked(service, sigma, lot);
      if (service !== lastLevel) {
        lastLevel = service;
        lastZ = normSInv(service);
      }
      return lastZ > 0 ? lastZ * sigma : 0;
    };
    const sigmaDemand = sigmaLtUnchecked(
      items.demandSd[i],
      leadTime,
      mean,
      leadTimeSd,
      settings.reviewPeriods,
    );
    if (settings.serviceMethod === "fill" && !fillRate && sigmaDemand > 0)
      p.warnings[i].push("no lot size: cycle-service safety stock");
    const bufferDemandSd = safetyFor(sigmaDemand);
    p.bufferDemandSd[i] = bufferDemandSd;

    // Forecast buffer: the one-step RMSE scaled to L + R like the demand SD in σLT, with the
    // forecast as the demand rate that lead-time variance multiplies; the forecast is flat, so the
    // demand over the lead time is L · F (the reorder point covers L, as mean · L does).
    const level = forecasts ? forecasts.level[i] : NaN;
    let sigmaForecast = NaN;
    let bufferForecast = NaN;
    if (level === level) {
      sigmaForecast = sigmaLtUnchecked(
        forecasts!.rmse[i],
        leadTime,
        level,
        leadTimeSd,
        settings.reviewPeriods,
      );
      bufferForecast = safetyFor(sigmaForecast);
    }
    p.forecastSigmaLt[i] = sigmaForecast;
    p.bufferForecast[i] = bufferForecast;
    const useForecast = forecasts !== undefined && forecasts.basis[i] === BufferBasis.Forecast;
    p.forecastUsed[i] = useForecast;
    const safety = useForecast ? bufferForecast : bufferDemandSd;
    p.sigmaLt[i] = useForecast ? sigmaForecast : sigmaDemand;
    p.safetyStock[i] = safety;
    p.reorderPoint[i] = (useForecast ? level : Math.max(0, mean)) * leadTime + safety;
    const bufferChange = safety - bufferDemandSd;
    p.bufferChange[i] = bufferChange;
    p.bufferCashEffect[i] = bufferChange * cost;
    const targetUnits = safety + lot / 2;
    p.targetUnits[i] = targetUnits;
    const targetValue = targetUnits * cost;
    p.targetValue[i] = targetValue;
    const release = Math.max(0, currentValue - targetValue);
    p.release[i] = release;
    p.slobExcess[i] = slob ? release : 0;

    const price = items.unitPrice[i];
    const marginPct = price === price && price > 0 ? (price - cost) / price : items.marginPct[i];
    p.grossMarginPct[i] = marginPct;
    const marginPerUnit =
      marginPct === marginPct && marginPct < 1 ? (cost * marginPct) / (1 - marginPct) : NaN;
    const annualMargin = Math.max(0, annual) * marginPerUnit;
    p.gmroii[i] = currentValue > 0 ? annualMargin / currentValue : NaN;
    const critical = service >= settings.criticalService;
    p.marginService[i] =
      marginPct === marginPct
        ? marginPct >= settings.highMarginPct
          ? critical
            ? "Protect"
            : "Grow"
          : critical
            ? "Harvest"
            : "Reduce"
        : "";

    p.policy[i] = policyText({
      archetype,
      service,
      reorderPoint: p.reorderPoint[i],
      lot,
      singleSource: p.singleSource[i],
      slob,
      release,
      demand: annual,
    });
  }
  return p;
}
