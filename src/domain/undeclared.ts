import type { Context } from "./base/context.js";

/**
 * The handler style before action contracts: the handler finds its caller's organization itself.
 * Kept only while areas move to declared contracts (base/contract.ts); gone once all have.
 */
export type UndeclaredHandler<I, O> = (input: I, ctx: Context) => Promise<O>;

/** Handlers of the former style for some actions of an API's `Actions` map. */
export type UndeclaredMap<A> = {
  [K in keyof A]?: A[K] extends { input: infer I; output: infer O } ? UndeclaredHandler<I, O> : never;
};
