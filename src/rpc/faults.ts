import type { ApiVersion } from "../spec/index.js";
import { ApiError } from "../protocol/api-error.js";
import type { ErrorCode } from "../spec/generated/errors.js";

export interface Fault {
  id: number;
  action: string;
  /** only calls by this account; all accounts when absent */
  uin?: number;
  version?: ApiVersion;
  code: ErrorCode;
  message?: string;
  /** calls still to fail */
  remaining: number;
}

/**
 * Injected failures: the next N calls of an action (optionally by one account) answer a chosen
 * error code, so clients can exercise handling of codes the business rules rarely reach.
 * Kept in the memory of the process that received the operator call.
 */
export class Faults {
  private faults: Fault[] = [];
  private nextId = 1;

  add(f: Omit<Fault, "id">): Fault {
    const fault = { ...f, id: this.nextId++ };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Throw the first pending fault that matches this call, using up one of its calls. */
  trip(version: string, action: string, uin: number): void {
    if (this.faults.length === 0) return;
    const i = this.faults.findIndex((f) => f.action === action && (f.uin === undefined || f.uin === uin) && (f.version === undefined || f.version === version));
    if (i < 0) return;
    const f = this.faults[i];
    if (--f.remaining <= 0) this.faults.splice(i, 1);
    throw new ApiError(f.code, f.message);
  }
}
