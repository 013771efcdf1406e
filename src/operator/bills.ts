import { billRows, type BillInput } from "../domain/financial/bills.js";
import { ApiError } from "../protocol/api-error.js";
import type { OperatorContext } from "./context.js";

/** Bill lines one LoadBills call takes (the CLI sends bigger files in parts). */
export const MAX_BILLS_PER_CALL = 5000;

/**
 * LoadBills — store members' bill lines (account, month, product, amount) for the financial
 * overview. A line for an account, month and product already stored is replaced. All or nothing.
 */
export async function loadBillsAction(input: { Bills: BillInput[] }, ctx: OperatorContext) {
  if (input.Bills.length > MAX_BILLS_PER_CALL) throw new ApiError("InvalidParameterValue", `At most ${MAX_BILLS_PER_CALL} bill lines per call.`);
  await ctx.store.transaction(async (tx) => {
    await tx.bills.upsertMany(await billRows(tx, input.Bills, ctx.now()));
  });
  return { Loaded: input.Bills.length };
}

/** ClearBills — delete the bill lines of some accounts, or all of them. */
export async function clearBillsAction(input: { MemberUins?: number[] }, ctx: OperatorContext) {
  return { Deleted: await ctx.store.bills.clear(input.MemberUins) };
}
