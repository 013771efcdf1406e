import { ApiError } from "../../protocol/api-error.js";
import { isUniqueViolation } from "../../store/errors.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Context } from "../base/context.js";
import { v2018, v2021 } from "../base/contract.js";
import { encodePermissions, POLICY_FINANCIAL, REQUIRED_PERMISSIONS } from "../base/permissions.js";
import { maskMail } from "../base/personal-data.js";

export const FIRST_ORG_ID = 10001;
export const FIRST_NODE_ID = 100001;
export const ROOT_NODE_NAME = "Root";

const alreadyInOrganization = () =>
  new ApiError("FailedOperation.OrganizationExistAlready", {
    en: "The caller already belongs to an organization.",
    zh: "调用者已属于一个组织。",
  });

/**
 * Create an organization administered by the caller, with its root department, in one
 * transaction. The caller must be enterprise-verified and in no organization; the database's
 * uniqueness on membership settles concurrent attempts.
 * @throws FailedOperation.AuthInfoEmpty, FailedOperation.AuthNotEnterprise,
 *   FailedOperation.OrganizationExistAlready, UnsupportedOperation.CreateMemberNotAllowCreateOrganization
 */
async function createOrganizationFor(ctx: Context, orgType = 1): Promise<{ org: Organization; nickName: string; mail: string | null }> {
  const account = await ctx.store.accounts.find(ctx.caller.uin);
  if (!account) throw new ApiError("ResourceNotFound.UserNotExist");
  if (account.verification === "none") {
    throw new ApiError("FailedOperation.AuthInfoEmpty", { en: "The account has no real-name verification.", zh: "账号未完成实名认证。" });
  }
  if (account.verification !== "enterprise") {
    throw new ApiError("FailedOperation.AuthNotEnterprise", { en: "Only an enterprise-verified account can create an organization.", zh: "只有企业实名认证的账号才能创建组织。" });
  }
  const existing = await ctx.store.members.find(ctx.caller.uin);
  if (existing) {
    if (existing.member_type === "Create" && existing.is_admin === 0) {
      throw new ApiError("UnsupportedOperation.CreateMemberNotAllowCreateOrganization", {
        en: "A member account created by an organization cannot create an organization.",
        zh: "由组织创建的成员账号不能创建组织。",
      });
    }
    throw alreadyInOrganization();
  }
  try {
    const org = await ctx.store.transaction(async (tx) => {
      const now = ctx.now();
      const orgId = await tx.counters.next("org", FIRST_ORG_ID);
      const rootNodeId = await tx.counters.next("node", FIRST_NODE_ID);
      const row = { org_id: orgId, host_uin: ctx.caller.uin, org_type: orgType, root_node_id: rootNodeId, created_at: now };
      await tx.organizations.insert(row);
      // the counts once the admin's membership below is in
      const org: Organization = { ...row, member_count: 1, created_member_count: 0, members_rev: 1 };
      await tx.nodes.insert({ node_id: rootNodeId, org_id: orgId, parent_id: null, name: ROOT_NODE_NAME, remark: null, depth: 0, created_at: now, updated_at: now });
      await tx.members.insert({
        member_uin: ctx.caller.uin,
        org_id: orgId,
        node_id: rootNodeId,
        is_admin: 1,
        name: account.name,
        // MemberType is Invite (invited) or Create (created by the organization, see OrgMember in the
        // API's data types); the organization did not create its admin's account, and DeleteAccount
        // refuses it as not created (UnsupportedOperation.InviteAccountNotAllowDelete)
        member_type: "Invite",
        policy_type: POLICY_FINANCIAL,
        permission_ids: encodePermissions(REQUIRED_PERMISSIONS),
        is_allow_quit: "Denied",
        pay_uin: null,
        remark: null,
        auth_relation_id: null,
        joined_at: now,
        updated_at: now,
      });
      return org;
    });
    return { org, nickName: account.name, mail: account.mail };
  } catch (e) {
    if (isUniqueViolation(e)) throw alreadyInOrganization();
    throw e;
  }
}

/** CreateOrganization (2021-03-31) — create an organization administered by the caller (see createOrganizationFor). */
export const createOrganization = v2021(
  "CreateOrganization",
  {
    caller: "account",
    codes: ["FailedOperation.AuthInfoEmpty", "FailedOperation.AuthNotEnterprise", "FailedOperation.OrganizationExistAlready", "UnsupportedOperation.CreateMemberNotAllowCreateOrganization"],
  },
  async (_input, ctx) => {
    const { org, nickName } = await createOrganizationFor(ctx);
    return { OrgId: org.org_id, NickName: nickName };
  },
);

/**
 * CreateOrganization (2018-12-25) — the same organization, OrgType fixed at 1; the admin's e-mail
 * masked (see personal-data.ts). This version documents FailedOperation,
 * FailedOperation.OrganizationExistAlready and ResourceNotFound.UserNotExist only: an account
 * without enterprise verification gets the generic FailedOperation (with the 2021-03-31 message
 * saying why), and a member account an organization created is in an organization already.
 */
export const createOrganization2018 = v2018(
  "CreateOrganization",
  {
    caller: "account",
    codes: ["InvalidParameterValue", "FailedOperation", "FailedOperation.OrganizationExistAlready"],
    translate: {
      "FailedOperation.AuthInfoEmpty": "FailedOperation",
      "FailedOperation.AuthNotEnterprise": "FailedOperation",
      "UnsupportedOperation.CreateMemberNotAllowCreateOrganization": "FailedOperation.OrganizationExistAlready",
    },
  },
  async (input, ctx) => {
    if (input.OrgType !== 1) {
      throw new ApiError("InvalidParameterValue", { en: "Parameter `OrgType` must be 1.", zh: "参数`OrgType`取值须为 1。" });
    }
    const { org, nickName, mail } = await createOrganizationFor(ctx, input.OrgType);
    return { OrgId: org.org_id, Nickname: nickName, Mail: maskMail(mail ?? ""), OrgType: org.org_type };
  },
);
