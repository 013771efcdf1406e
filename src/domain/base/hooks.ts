import type { ApiError } from "../../protocol/api-error.js";
import type { NotAllowReason } from "../../spec/generated/v20210331.js";
import type { OrgMember } from "../../store/members-repo.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Store } from "../../store/store.js";

/** An account that just joined an organization, created by it or invited. */
export interface MemberJoined {
  org: Organization;
  uin: number;
  via: "created" | "invited";
  now: number;
}

/** A department just added to an organization's tree. */
export interface NodeAdded {
  org: Organization;
  nodeId: number;
  now: number;
}

/** Members about to leave: removed by the admin, their accounts deleted, or quitting themselves. */
export interface MembersLeaving {
  org: Organization;
  members: readonly OrgMember[];
  how: "removed" | "deleted" | "quit";
}

/** Members that left (their rows are gone from the organization). */
export interface MembersRemoved {
  org: Organization;
  uins: readonly number[];
  how: "removed" | "deleted" | "quit";
}

/**
 * Why something may not go ahead: the error to answer, and, for a member's leaving, the field of
 * CheckAccountDelete's NotAllowReason that says so (set true when the refusal holds).
 */
export interface Refusal {
  error: ApiError;
  reason?: keyof NotAllowReason;
}

/**
 * What an area does when another area's objects change, so areas meet here and never import each
 * other: each hook runs in the transaction of the change, with the organization's row locked. A
 * `...Leaving` or `...Deleting` hook answers refusals (none to let it go ahead); the others do their
 * part of the change. Every area exports its hooks; src/domain/registry.ts composes them.
 */
export interface AreaHooks {
  memberJoined?(tx: Store, e: MemberJoined): Promise<void>;
  nodeAdded?(tx: Store, e: NodeAdded): Promise<void>;
  membersLeaving?(tx: Store, e: MembersLeaving): Promise<Refusal[]>;
  membersRemoved?(tx: Store, e: MembersRemoved): Promise<void>;
  organizationDeleting?(tx: Store, org: Organization): Promise<Refusal[]>;
}

/** Every area's hooks, run in the order the areas are listed (ctx.hooks). */
export class Lifecycle {
  constructor(private readonly areas: readonly AreaHooks[]) {}

  async memberJoined(tx: Store, e: MemberJoined): Promise<void> {
    for (const a of this.areas) await a.memberJoined?.(tx, e);
  }

  async nodeAdded(tx: Store, e: NodeAdded): Promise<void> {
    for (const a of this.areas) await a.nodeAdded?.(tx, e);
  }

  /** Every refusal of the members' leaving (CheckAccountDelete reads them all). */
  async membersLeaving(tx: Store, e: MembersLeaving): Promise<Refusal[]> {
    const out: Refusal[] = [];
    for (const a of this.areas) if (a.membersLeaving) out.push(...(await a.membersLeaving(tx, e)));
    return out;
  }

  /** Refuse the members' leaving with the first refusal, if any; then nothing stands in the way. */
  async refuseLeaving(tx: Store, e: MembersLeaving): Promise<void> {
    for (const a of this.areas) {
      const [first] = (await a.membersLeaving?.(tx, e)) ?? [];
      if (first) throw first.error;
    }
  }

  async membersRemoved(tx: Store, e: MembersRemoved): Promise<void> {
    for (const a of this.areas) await a.membersRemoved?.(tx, e);
  }

  /** Refuse deleting the organization with the first refusal, if any. */
  async refuseOrganizationDeleting(tx: Store, org: Organization): Promise<void> {
    for (const a of this.areas) {
      const [first] = (await a.organizationDeleting?.(tx, org)) ?? [];
      if (first) throw first.error;
    }
  }
}
