/**
 * Adapters for the per-item inventory functions: SAFETYSTOCK, SIGMALT, SERVICELEVEL, FILLRATE,
 * REORDERPOINT, EOQ, DAYSOFSUPPLY, NORMLOSS. Argument rules live in elementwise.ts; the math in
 * src/engine. Parameter names are DESIGN §3's, and appear in every message.
 */
import { eoqInto } from "../engine/lotSize";
import { normLossInto } from "../engine/normal";
import {
  ServiceMethod,
  fillRateInto,
  reorderPointInto,
  safetyStockInto,
  serviceLevelInto,
  sigmaLtInto,
} from "../engine/safetyStock";
import { DEFAULT_SIM_PERIODS, DEFAULT_SIM_SEED, simFillRateInto } from "../engine/simulation/simFillRate";
import { daysOfSupplyInto } from "../engine/workingCapital";
import { Param, elementwise } from "./elementwise";
import { excelCall, fail } from "./errors";
import { ErrorKind } from "../engine/errors";

const METHODS = { cycle: ServiceMethod.Cycle, fill: ServiceMethod.Fill } as const;

/** σ_LT's inputs after the first `leading` parameters, with the catalogue's defaults. */
const SIGMA_INPUTS: readonly Param[] = [
  { name: "demand_sd" },
  { name: "lead_time" },
  { name: "demand_mean", optional: true, fallback: 0 },
  { name: "lead_time_sd", optional: true, fallback: 0 },
  { name: "review_period", optional: true, fallback: 0 },
];

const SAFETY_STOCK_PARAMS: readonly Param[] = [
  { name: "service_level" },
  ...SIGMA_INPUTS,
  { name: "method", optional: true, fallback: ServiceMethod.Cycle, choices: METHODS },
  {
    name: "order_qty",
    optional: true,
    requiredWhen: {
      param: 6,
      equals: ServiceMethod.Fill,
      message: 'order_qty is required for method "fill".',
    },
  },
];

export function safetyStock(...args: unknown[]): unknown[][] {
  return excelCall(() =>
    elementwise(SAFETY_STOCK_PARAMS, args, (out, status, [sl, sd, lt, mean, ltSd, review, method, q]) =>
      safetyStockInto(out, status, sl, sd, lt, mean, ltSd, review, method, q),
    ),
  );
}

export function sigmaLt(...args: unknown[]): unknown[][] {
  return excelCall(() =>
    elementwise(SIGMA_INPUTS, args, (out, status, [sd, lt, mean, ltSd, review]) =>
      sigmaLtInto(out, status, sd, lt, mean, ltSd, review),
    ),
  );
}

const SERVICE_LEVEL_PARAMS: readonly Param[] = [{ name: "safety_stock" }, ...SIGMA_INPUTS];

export function serviceLevel(...args: unknown[]): unknown[][] {
  return excelCall(() =>
    elementwise(SERVICE_LEVEL_PARAMS, args, (out, status, [ss, sd, lt, mean, ltSd, review]) =>
      serviceLevelInto(out, status, ss, sd, lt, mean, ltSd, review),
    ),
  );
}

const FILL_RATE_PARAMS: readonly Param[] = [
  { name: "order_qty" },
  { name: "safety_stock" },
  { name: "sigma_lt" },
];

export function fillRate(...args: unknown[]): unknown[][] {
  return excelCall(() =>
    elementwise(FILL_RATE_PARAMS, args, (out, status, [q, ss, sigma]) =>
      fillRateInto(out, status, q, ss, sigma),
    ),
  );
}

const REORDER_POINT_PARAMS: readonly Param[] = [
  { name: "demand_mean" },
  { name: "lead_time" },
  { name: "safety_stock" },
];

export function reorderPoint(...args: unknown[]): unknown[][] {
  return excelCall(() =>
    elementwise(REORDER_POINT_PARAMS, args, (out, status, [mean, lt, ss]) =>
      reorderPointInto(out, status, mean, lt, ss),
    ),
  );
}

const EOQ_PARAMS: readonly Param[] = [
  { name: "annual_demand" },
  { name: "order_cost" },
  { name: "unit_cost" },
  { name: "holding_rate" },
];

export function eoq(...args: unknown[]): unknown[][] {
  return excelCall(() =>
    elementwise(EOQ_PARAMS, args, (out, status, [demand, orderCost, unitCost, rate]) =>
      eoqInto(out, status, demand, orderCost, unitCost, rate),
    ),
  );
}

const DAYS_OF_SUPPLY_PARAMS: readonly Param[] = [{ name: "on_hand" }, { name: "daily_demand" }];

export function daysOfSupply(...args: unknown[]): unknown[][] {
  return excelCall(() =>
    elementwise(DAYS_OF_SUPPLY_PARAMS, args, (out, status, [onHand, daily]) =>
      daysOfSupplyInto(out, status, onHand, daily),
    ),
  );
}

export function normLoss(...args: unknown[]): unknown[][] {
  return excelCall(() =>
    elementwise([{ name: "k" }], args, (out, status, [k]) => normLossInto(out, status, k)),
  );
}

const SIM_FILL_RATE_PARAMS: readonly Param[] = [
  { name: "demand_mean" },
  { name: "demand_sd" },
  { name: "lead_time" },
  { name: "safety_stock" },
  { name: "order_qty" },
  { name: "periods", optional: true, fallback: DEFAULT_SIM_PERIODS },
  { name: "seed", optional: true, fallback: DEFAULT_SIM_SEED },
];

/** Periods one SIMFILLRATE call may simulate in total (about a second), so a big spill never hangs Excel. */
export const MAX_SIMULATED_PERIODS_PER_CALL = 20_000_000;

export function simFillRate(...args: unknown[]): unknown[][] {
  return excelCall(() =>
    elementwise(SIM_FILL_RATE_PARAMS, args, (out, status, [mean, sd, lt, ss, q, periods, seed]) => {
      let total = 0;
      for (let i = 0; i < out.length; i++) if (status[i] === 0 && periods[i] > 0) total += periods[i];
      if (total > MAX_SIMULATED_PERIODS_PER_CALL) {
        fail(
          ErrorKind.Value,
          `This call would simulate ${total} periods in all (limit ${MAX_SIMULATED_PERIODS_PER_CALL}): ` +
            "use fewer rows or fewer periods per row.",
        );
      }
      simFillRateInto(out, status, mean, sd, lt, ss, q, periods, seed);
    }),
  );
}
