import { ApiError } from "../../protocol/api-error.js";
import type { AccessKey } from "../../store/keys-repo.js";
import type { Store } from "../../store/store.js";
import { allocateUin, createAccessKey } from "./accounts.js";

/** CAM user names: 1 to 64 letters, digits and _+=,.@- characters. */
const SUB_ACCOUNT_NAME_RE = /^[A-Za-z0-9_+=,.@-]{1,64}$/;
/** Sub-accounts one account may have (CAM's documented quota). */
export const MAX_SUB_ACCOUNTS = 1000;

/**
 * Register a sub-account (CAM user) of `ownerUin`, in the caller's transaction, with its first
 * access key; the key signs requests as the sub-account, acting for the owner.
 */
export async function createSubAccount(store: Store, ownerUin: number, name: string, now: number): Promise<{ subUin: number; key: AccessKey }> {
  if (!SUB_ACCOUNT_NAME_RE.test(name)) {
    throw new ApiError("InvalidParameterValue", "Parameter `Name` must be 1 to 64 letters, digits or _+=,.@- characters.");
  }
  if (!(await store.accounts.find(ownerUin))) throw new ApiError("ResourceNotFound", `Account ${ownerUin} does not exist.`);
  if (await store.subAccounts.nameTaken(ownerUin, name)) {
    throw new ApiError("ResourceInUse", `Account ${ownerUin} already has a sub-account named ${name}.`);
  }
  if ((await store.subAccounts.count(ownerUin)) >= MAX_SUB_ACCOUNTS) {
    throw new ApiError("LimitExceeded", `Account ${ownerUin} already has ${MAX_SUB_ACCOUNTS} sub-accounts.`);
  }
  const subUin = await allocateUin(store);
  await store.subAccounts.insert({ sub_uin: subUin, owner_uin: ownerUin, name, created_at: now });
  const key = await createAccessKey(store, ownerUin, now, subUin);
  return { subUin, key };
}
