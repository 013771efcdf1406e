import { createSubAccount } from "../domain/base/sub-accounts.js";
import { formatTime } from "../domain/base/time.js";
import { ApiError } from "../protocol/api-error.js";
import { isUniqueViolation } from "../store/errors.js";
import type { SubAccount } from "../store/sub-accounts-repo.js";
import type { OperatorContext } from "./context.js";

/** The operator's view of a sub-account. */
function subAccountView(s: SubAccount, ctx: OperatorContext) {
  return { SubUin: s.sub_uin, OwnerUin: s.owner_uin, Name: s.name, CreateTime: formatTime(s.created_at, ctx.settings.utcOffsetMinutes) };
}

/** CreateSubAccount — register a sub-account (CAM user) of an account and issue its first access key. */
export async function createSubAccountAction(input: { OwnerUin: number; Name: string }, ctx: OperatorContext) {
  try {
    return await ctx.store.transaction(async (tx) => {
      const { subUin, key } = await createSubAccount(tx, input.OwnerUin, input.Name, ctx.now());
      return { SubUin: subUin, OwnerUin: input.OwnerUin, Name: input.Name, SecretId: key.secret_id, SecretKey: key.secret_key };
    });
  } catch (e) {
    // two concurrent creations of one name: the unique index decides
    if (isUniqueViolation(e)) throw new ApiError("ResourceInUse", `Account ${input.OwnerUin} already has a sub-account named ${input.Name}.`);
    throw e;
  }
}

/** ListSubAccounts — page through an account's sub-accounts. */
export async function listSubAccountsAction(input: { OwnerUin: number; Offset?: number; Limit?: number }, ctx: OperatorContext) {
  if (!(await ctx.store.accounts.find(input.OwnerUin))) throw new ApiError("ResourceNotFound", `Account ${input.OwnerUin} does not exist.`);
  const limit = Math.min(input.Limit ?? 100, 1000);
  const [rows, total] = await Promise.all([ctx.store.subAccounts.list(input.OwnerUin, input.Offset ?? 0, limit), ctx.store.subAccounts.count(input.OwnerUin)]);
  return { SubAccounts: rows.map((s) => subAccountView(s, ctx)), Total: total };
}
