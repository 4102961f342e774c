/**
 * Adapters for the working-capital functions. DIO, DSO, DPO and TURNS aggregate whole ranges
 * (blanks skipped, one text or error cell fails the call); CCC, RELEASE and GMROII are per item.
 */
import {
  DAYS_PER_YEAR,
  cashConversionCycleInto,
  cashReleaseInto,
  daysOutstanding,
  gmroiiInto,
  inventoryTurns,
} from "../engine/workingCapital";
import { presentNumbers, rangeNumbers, singleNumber } from "./args";
import { Param, elementwise } from "./elementwise";
import { excelCall } from "./errors";

/**
 * DIO, DSO and DPO: average of the balance cells ÷ Σ flow cells × days. Arguments are read left to
 * right (an error or text cell fails the call), then the engine checks the domain.
 */
export function daysOutstandingCall(
  balance: unknown,
  flow: unknown,
  days: unknown,
  names: { balance: string; flow: string },
): number {
  return excelCall(() => {
    const balances = presentNumbers(rangeNumbers(balance, names.balance));
    const flows = presentNumbers(rangeNumbers(flow, names.flow));
    const period = singleNumber(days, "days", DAYS_PER_YEAR);
    return daysOutstanding({ balances, flows }, period);
  });
}

export function turns(cogs: unknown, inventory: unknown): number {
  return excelCall(() => {
    const flows = presentNumbers(rangeNumbers(cogs, "cogs"));
    const balances = presentNumbers(rangeNumbers(inventory, "inventory"));
    return inventoryTurns(flows, balances);
  });
}

const CCC_PARAMS: readonly Param[] = [{ name: "dio" }, { name: "dso" }, { name: "dpo" }];

export function cashConversionCycle(...args: unknown[]): unknown[][] {
  return excelCall(() =>
    elementwise(CCC_PARAMS, args, (out, status, [dio, dso, dpo]) =>
      cashConversionCycleInto(out, status, dio, dso, dpo),
    ),
  );
}

const RELEASE_PARAMS: readonly Param[] = [
  { name: "current_dio" },
  { name: "target_dio" },
  { name: "cogs" },
  { name: "days", optional: true, fallback: DAYS_PER_YEAR },
];

export function cashRelease(...args: unknown[]): unknown[][] {
  return excelCall(() =>
    elementwise(RELEASE_PARAMS, args, (out, status, [current, target, cogs, days]) =>
      cashReleaseInto(out, status, current, target, cogs, days),
    ),
  );
}

const GMROII_PARAMS: readonly Param[] = [{ name: "gross_margin" }, { name: "average_inventory_cost" }];

export function gmroii(...args: unknown[]): unknown[][] {
  return excelCall(() =>
    elementwise(GMROII_PARAMS, args, (out, status, [margin, cost]) => gmroiiInto(out, status, margin, cost)),
  );
}
