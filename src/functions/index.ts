/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's boundary: cells arrive as any. */
/**
 * The WCAP custom functions: the entry of dist/functions.js. Each function below is what Excel
 * shows (its JSDoc becomes functions.json; parameter names are DESIGN §3's snake_case names) and
 * delegates in one line to its adapter. custom-functions-metadata-plugin appends
 * `CustomFunctions.associate("ID", fn)` for each to this file, the only side effect in the bundle.
 *
 * Per-item functions take ranges or single values (1×1 broadcasts) and spill a result of the same
 * shape. Omitted optional arguments get their default in the adapter, never from TypeScript.
 */
import { biasCall, mapeCall, wapeCall } from "./accuracy";
import { forecastCall } from "./forecast";
import {
  abc as abcLabels,
  abcXyz,
  demandClassCall,
  demandCv as demandCvColumn,
  xyz as xyzLabels,
} from "./classify";
import {
  daysOfSupply as daysOfSupplyCall,
  eoq as eoqCall,
  fillRate as fillRateCall,
  normLoss as normLossCall,
  reorderPoint as reorderPointCall,
  safetyStock as safetyStockCall,
  serviceLevel as serviceLevelCall,
  sigmaLt as sigmaLtCall,
  simFillRate as simFillRateCall,
} from "./inventory";
import {
  cashConversionCycle,
  cashRelease,
  daysOutstandingCall,
  gmroii as gmroiiCall,
  turns as turnsCall,
} from "./workingCapital";

/**
 * Days inventory outstanding: average of the inventory cells ÷ sum of the COGS cells × days.
 * @customfunction DIO
 * @param inventory Inventory balances (e.g. month-end values); blanks are skipped.
 * @param cogs Cost of goods sold over the period; blanks are skipped.
 * @param [days] Days in the period the COGS covers. Default 365.
 * @returns Days of inventory on hand.
 */
export function dio(inventory: any[][], cogs: any[][], days?: any): number {
  return daysOutstandingCall(inventory, cogs, days, { balance: "inventory", flow: "cogs" });
}

/**
 * Days sales outstanding: average of the receivables cells ÷ sum of the revenue cells × days.
 * @customfunction DSO
 * @param receivables Accounts receivable balances; blanks are skipped.
 * @param revenue Revenue over the period; blanks are skipped.
 * @param [days] Days in the period the revenue covers. Default 365.
 * @returns Days to collect from customers.
 */
export function dso(receivables: any[][], revenue: any[][], days?: any): number {
  return daysOutstandingCall(receivables, revenue, days, { balance: "receivables", flow: "revenue" });
}

/**
 * Days payables outstanding: average of the payables cells ÷ sum of the COGS cells × days.
 * @customfunction DPO
 * @param payables Accounts payable balances; blanks are skipped.
 * @param cogs Cost of goods sold over the period; blanks are skipped.
 * @param [days] Days in the period the COGS covers. Default 365.
 * @returns Days taken to pay suppliers.
 */
export function dpo(payables: any[][], cogs: any[][], days?: any): number {
  return daysOutstandingCall(payables, cogs, days, { balance: "payables", flow: "cogs" });
}

/**
 * Cash conversion cycle in days: DIO + DSO − DPO, element-wise.
 * @customfunction CCC
 * @param dio Days inventory outstanding (value or range).
 * @param dso Days sales outstanding (value or range).
 * @param dpo Days payables outstanding (value or range).
 * @returns Days between paying suppliers and collecting from customers.
 */
export function ccc(dio: any[][], dso: any[][], dpo: any[][]): any[][] {
  return cashConversionCycle(dio, dso, dpo);
}

/**
 * Inventory turns: sum of the COGS cells ÷ average of the inventory cells.
 * @customfunction TURNS
 * @param cogs Cost of goods sold over the period; blanks are skipped.
 * @param inventory Inventory balances; blanks are skipped.
 * @returns Times the inventory turns over in the period.
 */
export function turns(cogs: any[][], inventory: any[][]): number {
  return turnsCall(cogs, inventory);
}

/**
 * Cash released by bringing DIO down to a target: max(0, current − target) × COGS ÷ days.
 * @customfunction RELEASE
 * @param current_dio Current days inventory outstanding (value or range).
 * @param target_dio Target days inventory outstanding (value or range).
 * @param cogs Cost of goods sold per period of `days` (value or range).
 * @param [days] Days the COGS covers. Default 365.
 * @returns Cash freed, in the currency of the COGS.
 */
export function release(current_dio: any[][], target_dio: any[][], cogs: any[][], days?: any[][]): any[][] {
  return cashRelease(current_dio, target_dio, cogs, days);
}

/**
 * Gross margin return on inventory investment: gross margin ÷ average inventory at cost, element-wise.
 * @customfunction GMROII
 * @param gross_margin Gross margin earned in the period (may be negative).
 * @param average_inventory_cost Average inventory at cost over the same period.
 * @returns Margin earned per unit of money tied up in inventory.
 */
export function gmroii(gross_margin: any[][], average_inventory_cost: any[][]): any[][] {
  return gmroiiCall(gross_margin, average_inventory_cost);
}

/**
 * Safety stock for a service target: cycle service max(0, z·σLT), or fill rate (k with σLT·G(k) = (1−target)·Q).
 * @customfunction SAFETYSTOCK
 * @param service_level Target as a probability in (0, 1): cycle service level, or fill rate for method "fill".
 * @param demand_sd Standard deviation of demand per period.
 * @param lead_time Lead time in periods.
 * @param [demand_mean] Mean demand per period (needed with lead_time_sd). Default 0.
 * @param [lead_time_sd] Standard deviation of the lead time in periods. Default 0.
 * @param [review_period] Review period in periods, added to the lead time. Default 0.
 * @param [method] "cycle" (default) or "fill".
 * @param [order_qty] Order quantity per replenishment; required for "fill".
 * @returns Safety stock in demand units.
 */
export function safetyStock(
  service_level: any[][],
  demand_sd: any[][],
  lead_time: any[][],
  demand_mean?: any[][],
  lead_time_sd?: any[][],
  review_period?: any[][],
  method?: any[][],
  order_qty?: any[][],
): any[][] {
  return safetyStockCall(
    service_level,
    demand_sd,
    lead_time,
    demand_mean,
    lead_time_sd,
    review_period,
    method,
    order_qty,
  );
}

/**
 * Cycle service level a safety stock gives: Φ(safety_stock ÷ σLT).
 * @customfunction SERVICELEVEL
 * @param safety_stock Safety stock in demand units.
 * @param demand_sd Standard deviation of demand per period.
 * @param lead_time Lead time in periods.
 * @param [demand_mean] Mean demand per period. Default 0.
 * @param [lead_time_sd] Standard deviation of the lead time in periods. Default 0.
 * @param [review_period] Review period in periods. Default 0.
 * @returns Probability of no stockout in a replenishment cycle.
 */
export function serviceLevel(
  safety_stock: any[][],
  demand_sd: any[][],
  lead_time: any[][],
  demand_mean?: any[][],
  lead_time_sd?: any[][],
  review_period?: any[][],
): any[][] {
  return serviceLevelCall(safety_stock, demand_sd, lead_time, demand_mean, lead_time_sd, review_period);
}

/**
 * Fill rate of a policy: 1 − σLT·G(safety_stock ÷ σLT) ÷ order_qty (not clamped).
 * @customfunction FILLRATE
 * @param order_qty Order quantity per replenishment.
 * @param safety_stock Safety stock in demand units (may be negative).
 * @param sigma_lt Standard deviation of demand over lead time plus review period (WCAP.SIGMALT).
 * @returns Expected fraction of demand served from stock.
 */
export function fillRate(order_qty: any[][], safety_stock: any[][], sigma_lt: any[][]): any[][] {
  return fillRateCall(order_qty, safety_stock, sigma_lt);
}

/**
 * Reorder point: mean demand × lead time + safety stock.
 * @customfunction REORDERPOINT
 * @param demand_mean Mean demand per period.
 * @param lead_time Lead time in periods.
 * @param safety_stock Safety stock in demand units.
 * @returns Inventory position at which to reorder.
 */
export function reorderPoint(demand_mean: any[][], lead_time: any[][], safety_stock: any[][]): any[][] {
  return reorderPointCall(demand_mean, lead_time, safety_stock);
}

/**
 * Economic order quantity: √(2 · annual demand · order cost ÷ (holding rate · unit cost)).
 * @customfunction EOQ
 * @param annual_demand Demand per year in units.
 * @param order_cost Fixed cost per order.
 * @param unit_cost Cost per unit.
 * @param holding_rate Annual holding cost as a fraction of unit cost (e.g. 0.25).
 * @returns Order quantity that minimises ordering plus holding cost.
 */
export function eoq(
  annual_demand: any[][],
  order_cost: any[][],
  unit_cost: any[][],
  holding_rate: any[][],
): any[][] {
  return eoqCall(annual_demand, order_cost, unit_cost, holding_rate);
}

/**
 * Days of supply: on-hand quantity ÷ daily demand.
 * @customfunction DAYSOFSUPPLY
 * @param on_hand Quantity on hand (may be negative for backorders).
 * @param daily_demand Demand per day.
 * @returns Days the stock lasts at that demand.
 */
export function daysOfSupply(on_hand: any[][], daily_demand: any[][]): any[][] {
  return daysOfSupplyCall(on_hand, daily_demand);
}

/**
 * Standard normal loss function G(k) = φ(k) − k·(1 − Φ(k)): expected shortage per unit of σ.
 * @customfunction NORMLOSS
 * @param k Safety factor (any real number).
 * @returns Expected units short per unit of standard deviation.
 */
export function normLoss(k: any[][]): any[][] {
  return normLossCall(k);
}

/**
 * Coefficient of variation of demand per row: sample standard deviation ÷ mean (blanks skipped).
 * @customfunction DEMANDCV
 * @param demand_history Demand history, one row per item and one column per period.
 * @returns One CV per row.
 */
export function demandCv(demand_history: any[][]): any[][] {
  return demandCvColumn(demand_history);
}

/**
 * Standard deviation of demand over lead time plus review period: √((L+R)·sd² + mean²·lead_time_sd²).
 * @customfunction SIGMALT
 * @param demand_sd Standard deviation of demand per period.
 * @param lead_time Lead time in periods.
 * @param [demand_mean] Mean demand per period. Default 0.
 * @param [lead_time_sd] Standard deviation of the lead time in periods. Default 0.
 * @param [review_period] Review period in periods. Default 0.
 * @returns σLT in demand units.
 */
export function sigmaLt(
  demand_sd: any[][],
  lead_time: any[][],
  demand_mean?: any[][],
  lead_time_sd?: any[][],
  review_period?: any[][],
): any[][] {
  return sigmaLtCall(demand_sd, lead_time, demand_mean, lead_time_sd, review_period);
}

/**
 * ABC class by value: A while the share of higher-ranked items is below a_cut, B below b_cut, else C.
 * @customfunction ABC
 * @param values Value per item (e.g. annual consumption value), one column; blanks count as 0.
 * @param [a_cut] Cumulative share that ends class A. Default 0.8.
 * @param [b_cut] Cumulative share that ends class B. Default 0.95.
 * @returns One label A, B or C per item.
 */
export function abc(values: any[][], a_cut?: any, b_cut?: any): string[][] {
  return abcLabels(values, a_cut, b_cut);
}

/**
 * XYZ class by demand variability: X if CV ≤ x_cut, Y if CV ≤ y_cut, else Z.
 * @customfunction XYZ
 * @param demand_history Demand history, one row per item and one column per period; blanks skipped.
 * @param [x_cut] Largest CV of class X. Default 0.5.
 * @param [y_cut] Largest CV of class Y. Default 1.0.
 * @returns One label X, Y or Z per row (Z when the mean is ≤ 0 or there are fewer than 2 values).
 */
export function xyz(demand_history: any[][], x_cut?: any, y_cut?: any): string[][] {
  return xyzLabels(demand_history, x_cut, y_cut);
}

/**
 * Combined ABC-XYZ class per item, "AX" … "CZ".
 * @customfunction ABCXYZ
 * @param values Value per item, one column; blanks count as 0.
 * @param demand_history Demand history with one row per item of values.
 * @param [a_cut] Cumulative share that ends class A. Default 0.8.
 * @param [b_cut] Cumulative share that ends class B. Default 0.95.
 * @param [x_cut] Largest CV of class X. Default 0.5.
 * @param [y_cut] Largest CV of class Y. Default 1.0.
 * @returns One two-letter label per item.
 */
export function abcxyz(
  values: any[][],
  demand_history: any[][],
  a_cut?: any,
  b_cut?: any,
  x_cut?: any,
  y_cut?: any,
): string[][] {
  return abcXyz(values, demand_history, a_cut, b_cut, x_cut, y_cut);
}

/**
 * Weighted absolute percentage error: Σ|actual − forecast| ÷ Σ|actual|.
 * @customfunction WAPE
 * @param actual Actual demand per period.
 * @param forecast Forecast per period, same shape as actual.
 * @returns Forecast error as a fraction of actual volume.
 */
export function wape(actual: any[][], forecast: any[][]): number {
  return wapeCall(actual, forecast);
}

/**
 * Mean absolute percentage error over periods with non-zero actual: mean of |actual − forecast| ÷ |actual|.
 * @customfunction MAPE
 * @param actual Actual demand per period.
 * @param forecast Forecast per period, same shape as actual.
 * @returns Average error as a fraction of actual.
 */
export function mape(actual: any[][], forecast: any[][]): number {
  return mapeCall(actual, forecast);
}

/**
 * Forecast bias: Σ(forecast − actual) ÷ Σ actual; positive means over-forecasting.
 * @customfunction BIAS
 * @param actual Actual demand per period.
 * @param forecast Forecast per period, same shape as actual.
 * @returns Net error as a fraction of actual volume.
 */
export function bias(actual: any[][], forecast: any[][]): number {
  return biasCall(actual, forecast);
}

/**
 * Demand class per row (Syntetos, Boylan & Croston 2005): smooth, erratic, intermittent or lumpy, from the average inter-demand interval (ADI = non-blank periods ÷ periods with demand, cut 1.32) and the squared CV of the non-zero demand sizes (CV², cut 0.49).
 * @customfunction DEMANDCLASS
 * @param demand_history Demand history ≥ 0, one row per item and one column per period; blanks skipped.
 * @returns One label per row; #DIV/0! for a row without any non-zero demand, #NUM! for a negative demand.
 */
export function demandClass(demand_history: any[][]): any[][] {
  return demandClassCall(demand_history);
}

/**
 * Simulated fill rate of an (s, nQ) policy with periodic review and backorders, reorder level s = demand_mean·(lead_time + 1) + safety_stock.
 * @customfunction SIMFILLRATE
 * @param demand_mean Mean demand per period (normal demand, negative draws count as 0).
 * @param demand_sd Standard deviation of demand per period.
 * @param lead_time Lead time in whole periods (≥ 1).
 * @param safety_stock Safety stock in demand units (may be negative).
 * @param order_qty Order quantity Q; orders are whole multiples of it.
 * @param [periods] Periods to simulate, a whole number up to 10,000,000. Default 100,000.
 * @param [seed] Seed of the random numbers, a whole number ≥ 0. Default 1.
 * @returns Demand served from stock in its own period ÷ total demand.
 */
export function simFillRate(
  demand_mean: any[][],
  demand_sd: any[][],
  lead_time: any[][],
  safety_stock: any[][],
  order_qty: any[][],
  periods?: any[][],
  seed?: any[][],
): any[][] {
  return simFillRateCall(demand_mean, demand_sd, lead_time, safety_stock, order_qty, periods, seed);
}

/**
 * Forecasts of demand per row for the next `horizon` periods; with method "auto" the model is chosen per row by rolling-origin holdout error (MASE) and must beat seasonal naive. Optional promotion and price drivers lift or lower the forecast.
 * @customfunction FORECAST
 * @param demand_history Demand history, one row per item and one column per period, oldest first; interior blanks are interpolated.
 * @param horizon Number of future periods to forecast (a whole number ≥ 1).
 * @param [method] "auto" (default), "naive", "snaive", "ses", "damped", "hw_add", "hw_mul", "croston", "sba" or "tsb".
 * @param [season_length] Periods per season (e.g. 12 for months, 52 for weeks); detected from the data when omitted.
 * @param [promo] Promotion per period: 1 = promoted, 0 or blank = not, or an intensity ≥ 0. Columns: the history's periods, then the horizon's steps; one row per item or one row for all.
 * @param [price] Price per period (> 0; blank = unknown). Columns: the history's periods, then the horizon's steps; one row per item or one row for all.
 * @param [sensing] TRUE corrects the first four forecast steps toward a recent level shift (demand sensing); FALSE or omitted keeps the model's forecast.
 * @returns One row of forecasts per item.
 */
export function forecast(
  demand_history: any[][],
  horizon: any,
  method?: any,
  season_length?: any,
  promo?: any[][],
  price?: any[][],
  sensing?: any,
): any[][] {
  return forecastCall(demand_history, horizon, method, season_length, promo, price, sensing);
}
