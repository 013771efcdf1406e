import type { Context } from "../domain/base/context.js";
import type { CredentialCache } from "../protocol/credentials.js";
import type { Faults } from "../rpc/faults.js";

/** What operator actions get besides the domain context: the server's process-level state. */
export interface OperatorContext extends Context {
  faults: Faults;
  credentials: CredentialCache;
}

export type OperatorHandler = (input: any, ctx: OperatorContext) => Promise<Record<string, unknown>>;
