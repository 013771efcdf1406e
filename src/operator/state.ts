import { ApiError } from "../protocol/api-error.js";
import { ERROR_CODES, type ErrorCode } from "../spec/generated/errors.js";
import { isApiVersion, schemaOf } from "../spec/index.js";
import type { OperatorContext } from "./context.js";

/** ResetState — delete every organization, account and key except the root account's. */
export async function resetStateAction(_input: unknown, ctx: OperatorContext) {
  await ctx.store.reset();
  ctx.credentials.clear();
  ctx.faults.clear();
  return {};
}

interface InjectFaultInput { Action: string; Code: string; Count?: number; Uin?: number; Version?: string; Message?: string }

/** InjectFault — make the next Count calls of Action (by Uin, if given) fail with Code. */
export async function injectFaultAction(input: InjectFaultInput, ctx: OperatorContext) {
  if (input.Version !== undefined && !isApiVersion(input.Version)) {
    throw new ApiError("InvalidParameterValue", "Parameter `Version` must be 2021-03-31 or 2018-12-25.");
  }
  const versions = input.Version && isApiVersion(input.Version) ? [input.Version] : (["2021-03-31", "2018-12-25"] as const);
  if (!versions.some((v) => input.Action in schemaOf(v).actions)) {
    throw new ApiError("InvalidParameterValue", `Parameter \`Action\`: ${input.Action} is not an action of the Organization API.`);
  }
  if (!ERROR_CODES.has(input.Code)) {
    throw new ApiError("InvalidParameterValue", `Parameter \`Code\`: ${input.Code} is not an error code of the Organization API.`);
  }
  const count = input.Count ?? 1;
  if (count < 1) throw new ApiError("InvalidParameterValue", "Parameter `Count` must be at least 1.");
  const fault = ctx.faults.add({
    action: input.Action,
    code: input.Code as ErrorCode,
    remaining: count,
    uin: input.Uin,
    version: input.Version && isApiVersion(input.Version) ? input.Version : undefined,
    message: input.Message,
  });
  return { FaultId: fault.id };
}

/** ListFaults — the injected faults still pending. */
export async function listFaultsAction(_input: unknown, ctx: OperatorContext) {
  return {
    Faults: ctx.faults.list().map((f) => ({
      FaultId: f.id, Action: f.action, Code: f.code, Remaining: f.remaining, Uin: f.uin, Version: f.version, Message: f.message,
    })),
  };
}

/** ClearFaults — drop every pending fault. */
export async function clearFaultsAction(_input: unknown, ctx: OperatorContext) {
  ctx.faults.clear();
  return {};
}
