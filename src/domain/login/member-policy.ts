import { ApiError } from "../../protocol/api-error.js";
import { isForeignKeyViolation, isUniqueViolation } from "../../store/errors.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Context } from "../base/context.js";
import { FIRST_POLICY_ID, policyNameExist, requireSupport } from "./rules.js";
import { orgNotExist } from "../undeclared.js";

/** A member access policy to create, its request already checked. */
export interface NewPolicy {
  name: string;
  identityId: number;
  description: string;
  memberUins: number[];
  /** the parameter naming the members, for messages */
  membersParam: string;
}

/**
 * Create a member access policy under the organization's lock: every member must support the
 * identity and the name must be free in the organization. Answers the new policy's id.
 * @throws ResourceNotFound.MemberIdentityNotExist, FailedOperation.MemberPolicyNameExist
 */
export async function insertPolicy(ctx: Context, org: Organization, p: NewPolicy): Promise<number> {
  try {
    return await ctx.store.transaction(async (tx) => {
      if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
      await requireSupport(tx, p.identityId, p.memberUins, p.membersParam);
      if (await tx.memberPolicies.nameTaken(org.org_id, p.name)) throw policyNameExist(p.name);
      const policyId = await tx.counters.next("member_policy", FIRST_POLICY_ID);
      const now = ctx.now();
      await tx.memberPolicies.insert(
        { policy_id: policyId, org_id: org.org_id, name: p.name, identity_id: p.identityId, description: p.description, created_at: now, updated_at: now },
        p.memberUins,
      );
      return policyId;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw policyNameExist(p.name);
    if (isForeignKeyViolation(e)) {
      // a grant or member removed by a writer that did not take the organization's lock
      throw new ApiError("ResourceNotFound.MemberIdentityNotExist", {
        en: `Parameter \`${p.membersParam}\`: a member stopped supporting identity ${p.identityId} while the policy was being created.`,
        zh: `参数\`${p.membersParam}\`：创建策略期间有成员不再支持身份 ${p.identityId}。`,
      });
    }
    throw e;
  }
}
