import { createAccessKey, createAccount, uinTaken } from "../domain/base/accounts.js";
import { formatTime } from "../domain/base/time.js";
import { ApiError } from "../protocol/api-error.js";
import type { Account } from "../store/accounts-repo.js";
import type { Site, Verification } from "../store/schema.js";
import type { OperatorContext } from "./context.js";

const VERIFICATIONS: readonly Verification[] = ["none", "personal", "enterprise"];
const SITES: readonly Site[] = ["china", "intl"];

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ApiError("InvalidParameterValue", `Parameter \`${name}\` must be one of ${allowed.join(", ")}.`);
  }
  return value as T;
}

function checkUin(uin: number): void {
  if (uin < 100000000000 || uin > 999999999999) throw new ApiError("InvalidParameterValue", "Parameter `Uin` must be a 12-digit account id.");
}

/** The operator's view of an account. */
export function accountView(a: Account, ctx: OperatorContext) {
  return {
    Uin: a.uin,
    Name: a.name,
    Mail: a.mail ?? "",
    Verification: a.verification,
    EntityName: a.entity_name ?? "",
    Site: a.site,
    Arrears: a.arrears === 1,
    Agent: a.agent === 1,
    IsRoot: a.is_root === 1,
    CreateTime: formatTime(a.created_at, ctx.settings.utcOffsetMinutes),
  };
}

interface CreateAccountInput { Name: string; Uin?: number; Mail?: string; Verification?: string; EntityName?: string; Site?: string }

/** CreateAccount — register an account and issue its first access key. */
export async function createAccountAction(input: CreateAccountInput, ctx: OperatorContext) {
  const verification = oneOf("Verification", input.Verification, VERIFICATIONS) ?? "none";
  const site = oneOf("Site", input.Site, SITES) ?? "china";
  if (input.Uin !== undefined) checkUin(input.Uin);
  if (verification !== "none" && !input.EntityName) {
    throw new ApiError("MissingParameter", "Parameter `EntityName` is required for a verified account.");
  }
  return ctx.store.transaction(async (tx) => {
    if (input.Uin !== undefined && (await uinTaken(tx, input.Uin))) {
      throw new ApiError("FailedOperation.AccountAlreadyRegister", `Account ${input.Uin} already exists.`);
    }
    const now = ctx.now();
    const uin = await createAccount(
      tx,
      { uin: input.Uin, name: input.Name, mail: input.Mail, verification, entityName: verification === "none" ? null : input.EntityName, site },
      now,
    );
    const key = await createAccessKey(tx, uin, now);
    const account = (await tx.accounts.find(uin))!;
    return { Account: accountView(account, ctx), SecretId: key.secret_id, SecretKey: key.secret_key };
  });
}

/** ListAccounts — page through the registry. */
export async function listAccountsAction(input: { Offset?: number; Limit?: number }, ctx: OperatorContext) {
  const limit = Math.min(input.Limit ?? 100, 1000);
  const [rows, total] = await Promise.all([ctx.store.accounts.list(input.Offset ?? 0, limit), ctx.store.accounts.count()]);
  return { Accounts: rows.map((a) => accountView(a, ctx)), Total: total };
}

interface UpdateAccountInput {
  Uin: number; Name?: string; Mail?: string; Verification?: string; EntityName?: string; Site?: string; Arrears?: boolean; Agent?: boolean;
}

/** UpdateAccount — change registry attributes the business rules consult (verification, arrears, ...). */
export async function updateAccountAction(input: UpdateAccountInput, ctx: OperatorContext) {
  const found = await ctx.store.accounts.update(input.Uin, {
    name: input.Name,
    mail: input.Mail,
    verification: oneOf("Verification", input.Verification, VERIFICATIONS),
    entityName: input.EntityName,
    site: oneOf("Site", input.Site, SITES),
    arrears: input.Arrears,
    agent: input.Agent,
  });
  if (!found) throw new ApiError("ResourceNotFound", `Account ${input.Uin} does not exist.`);
  ctx.credentials.clear();
  return {};
}

/** CreateAccessKey — one more key pair for an account. */
export async function createAccessKeyAction(input: { Uin: number }, ctx: OperatorContext) {
  if (!(await ctx.store.accounts.find(input.Uin))) throw new ApiError("ResourceNotFound", `Account ${input.Uin} does not exist.`);
  const key = await createAccessKey(ctx.store, input.Uin, ctx.now());
  return { Uin: input.Uin, SecretId: key.secret_id, SecretKey: key.secret_key };
}
