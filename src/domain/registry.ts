import { ApiError } from "../protocol/api-error.js";
import type { ApiVersion } from "../spec/index.js";
import type * as V2018 from "../spec/generated/v20181225.js";
import type * as V2021 from "../spec/generated/v20210331.js";
import type { Handler, HandlerMap } from "./context.js";
import { V2018_HANDLERS, V2018_PENDING } from "./v20181225.js";
import { V2021_HANDLERS, V2021_PENDING } from "./v20210331.js";

type AnyHandler = Handler<any, any>;

/** The honest answer of an action whose behaviour is not built yet (after auth and validation). */
function notImplemented(action: string): AnyHandler {
  return async () => {
    throw new ApiError("UnsupportedOperation", {
      en: `${action} is not implemented yet in TCO.`,
      zh: `TCO 尚未实现 ${action}。`,
    });
  };
}

/**
 * Build a complete handler map from the implemented handlers and the list of actions not built
 * yet. The type requires the two to cover every action of the version exactly, so an action that
 * is missing or misnamed fails to compile.
 */
function complete<A, const N extends readonly (keyof A)[]>(
  implemented: Pick<HandlerMap<A>, Exclude<keyof A, N[number]>>,
  pending: N,
): HandlerMap<A> {
  const map: Record<string, AnyHandler> = { ...(implemented as Record<string, AnyHandler>) };
  for (const action of pending) map[action as string] = notImplemented(action as string);
  return map as HandlerMap<A>;
}


export const HANDLERS: Record<ApiVersion, Record<string, AnyHandler>> = {
  "2021-03-31": complete<V2021.Actions, typeof V2021_PENDING>(V2021_HANDLERS, V2021_PENDING),
  "2018-12-25": complete<V2018.Actions, typeof V2018_PENDING>(V2018_HANDLERS, V2018_PENDING),
};
