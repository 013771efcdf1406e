import { resolveCaller } from "../domain/base/caller.js";
import type { ActionDef } from "../domain/base/contract.js";
import type { Context } from "../domain/base/context.js";
import { pageOf } from "../domain/base/paging.js";
import { ApiError } from "../protocol/api-error.js";
import type { ErrorCode } from "../spec/generated/errors.js";

/**
 * Run a declared action on checked input: its page (paging spec), its caller's organization
 * (caller rule), then the handler; a code the contract translates for its version is answered
 * as the translation, with the same message.
 */
export async function invokeAction(def: ActionDef, input: Record<string, unknown>, ctx: Context): Promise<object> {
  const { spec } = def;
  try {
    if (spec.paging) (ctx as Context & { page: unknown }).page = pageOf(spec.paging, input);
    await resolveCaller(spec, input, ctx);
    return await def.handler(input, ctx);
  } catch (e) {
    const translated = e instanceof ApiError ? spec.translate?.[e.code] : undefined;
    throw translated ? (e as ApiError).withCode(translated as ErrorCode) : e;
  }
}
