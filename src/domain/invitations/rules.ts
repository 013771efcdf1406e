import { ApiError } from "../../protocol/api-error.js";
import type { ErrorCode } from "../../spec/generated/errors.js";
import type { Account } from "../../store/accounts-repo.js";
import type { OrgInvitation } from "../../store/invitations-repo.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Store } from "../../store/store.js";
import { PAY_ON_BEHALF } from "../base/permissions.js";

/**
 * Rules an account must meet to join an organization by invitation. They are checked when the
 * invitation is made and again, in the accepting transaction, when the invitee accepts it: the
 * registry (verification, site, arrears, reseller flag) or the organization may have changed.
 * Codes are those of 2021-03-31; the 2018-12-25 actions translate the ones their version names
 * differently (see `translate`).
 */

/** The terms an invitation offers, as validated by the inviting action or as stored on it. */
export interface JoinTerms {
  name: string;
  nodeId: number;
  permissionIds: readonly number[];
  /** the account that pays for the member when permission 7 is granted */
  payUin: number | null;
  /** the real-name entity the admin asks to be trusted alongside its own, with proof files */
  relationAuthName: string | null;
  hasAuthFile: boolean;
}

export interface JoinParties {
  org: Organization;
  admin: Account;
  invitee: Account;
  /** the invitation being accepted; absent while one is being made */
  invitation?: OrgInvitation;
}

/** The account registry entry of an invitee: an unknown UIN is refused. */
export async function requireAccount(store: Store, uin: number, param: string): Promise<Account> {
  const account = await store.accounts.find(uin);
  if (!account) {
    throw new ApiError("ResourceNotFound.UserNotExist", { en: `Parameter \`${param}\`: account ${uin} does not exist.`, zh: `参数\`${param}\`：账号 ${uin} 不存在。` });
  }
  return account;
}

/** The invitee must not belong to an organization yet (this one or another). */
export async function checkNotInOrganization(store: Store, org: Organization, invitee: Account): Promise<void> {
  const membership = await store.members.find(invitee.uin);
  if (!membership) return;
  if (membership.org_id === org.org_id) {
    throw new ApiError("FailedOperation.OrganizationMemberExist", { en: `Account ${invitee.uin} is already a member of this organization.`, zh: `账号 ${invitee.uin} 已是本组织成员。` });
  }
  throw new ApiError("FailedOperation.MemberExistInOtherOrganization", { en: `Account ${invitee.uin} already belongs to another organization.`, zh: `账号 ${invitee.uin} 已属于其他组织。` });
}

/**
 * Everything but membership that decides whether the invitee may join on these terms: site,
 * real-name verification and entity, reseller relation, arrears, pay-on-behalf, department and
 * member name. Answers the relation to record on the invitation (null when none is needed).
 */
export async function checkJoinable(store: Store, p: JoinParties, terms: JoinTerms, now: number): Promise<string | null> {
  const { admin, invitee } = p;
  if (invitee.site !== admin.site) {
    throw new ApiError("FailedOperation.NotSameRegion", {
      en: `Account ${invitee.uin} is registered on the ${invitee.site} site and the organization on the ${admin.site} site; only accounts of the same site can be invited.`,
      zh: `账号 ${invitee.uin} 与组织不属于同一站点，只能邀请同一站点的账号。`,
    });
  }
  if (invitee.verification === "none") {
    throw new ApiError("FailedOperation.AuthInfoEmpty", { en: `Account ${invitee.uin} has not completed real-name verification.`, zh: `账号 ${invitee.uin} 未完成实名认证。` });
  }
  if (invitee.verification !== "enterprise") {
    throw new ApiError("FailedOperation.AuthNotEnterprise", { en: `Account ${invitee.uin} is not verified as an enterprise.`, zh: `账号 ${invitee.uin} 不是企业实名认证账号。` });
  }
  const relation = await checkEntity(store, p, terms, now);
  checkReseller(admin, invitee);
  await checkFinance(store, p, terms);
  await checkNode(store, p.org, terms.nodeId);
  await checkMemberName(store, p.org, terms.name, invitee.uin, now);
  return relation;
}

/**
 * The invitee's verified entity must be the admin's, or one the organization trusts: a relation
 * (DescribeOrganizationAuthNode) established when an earlier member of that entity joined, or one applied for now with RelationAuthName
 * (naming the invitee's entity) and proof files.
 */
async function checkEntity(store: Store, p: JoinParties, terms: JoinTerms, now: number): Promise<string | null> {
  const entity = p.invitee.entity_name ?? "";
  if (entity === (p.admin.entity_name ?? "")) return null;
  const established = (await store.authRelations.findByName(p.org.org_id, entity)) !== undefined;
  if (p.invitation) {
    // accepting: the relation applied for on the invitation, or one established meanwhile
    if (established || p.invitation.relation_auth_name === entity) return p.invitation.relation_auth_name;
    throw entityMismatch(p.invitee);
  }
  if (established) {
    if (terms.relationAuthName !== null) {
      throw new ApiError("FailedOperation.OrganizationAuthRelationExist", {
        en: `The organization already trusts the entity ${entity}; invite without \`RelationAuthName\`.`,
        zh: `组织已与实名主体 ${entity} 建立互信关系，邀请时无需\`RelationAuthName\`。`,
      });
    }
    return null;
  }
  if (terms.relationAuthName === null || !terms.hasAuthFile || terms.relationAuthName !== entity) throw entityMismatch(p.invitee);
  if (await store.invitations.liveWithRelation(p.org.org_id, entity, now)) {
    throw new ApiError("FailedOperation.ApplyExist", {
      en: `An invitation applying for a relation with the entity ${entity} is already pending.`,
      zh: `已有待处理的邀请在申请与实名主体 ${entity} 的互信关系。`,
    });
  }
  return entity;
}

const entityMismatch = (invitee: Account) =>
  new ApiError("FailedOperation.AuthInfoNotSame", {
    en: `Account ${invitee.uin} is verified as a different entity than the admin; give \`RelationAuthName\` (the invitee's entity) and \`AuthFile\` to apply for a trust relation.`,
    zh: `账号 ${invitee.uin} 的实名主体与管理员不一致；请提供\`RelationAuthName\`（被邀请账号的主体）和\`AuthFile\`申请互信。`,
  });

/** A reseller's client joins only an organization whose admin is one too, and the other way round. */
function checkReseller(admin: Account, invitee: Account): void {
  if (admin.agent !== invitee.agent) {
    throw new ApiError("UnsupportedOperation.AgentNotSame", {
      en: `Account ${invitee.uin} and the admin do not have the same reseller relation.`,
      zh: `账号 ${invitee.uin} 与管理员的经销商关系不一致。`,
    });
  }
}

/**
 * Arrears and pay-on-behalf. With permission 7 the payer (the admin or a member of this
 * organization) pays for the invitee: both must be in good standing, neither a reseller's client,
 * and the invitee verified as the admin's own entity.
 */
async function checkFinance(store: Store, p: JoinParties, terms: JoinTerms): Promise<void> {
  const payOnBehalf = terms.permissionIds.includes(PAY_ON_BEHALF);
  const { invitee } = p;
  if (invitee.arrears === 1) {
    if (payOnBehalf) {
      throw new ApiError("UnsupportedOperation.AbnormalFinancialStatusOfMember", {
        en: `Account ${invitee.uin} is in arrears and cannot be paid for on its behalf.`,
        zh: `账号 ${invitee.uin} 欠费，不支持代付费。`,
      });
    }
    throw new ApiError("UnsupportedOperation.MemberAccountArrears", { en: `Account ${invitee.uin} is in arrears.`, zh: `账号 ${invitee.uin} 欠费。` });
  }
  if (terms.payUin === null) {
    if (payOnBehalf) throw payUinIllegal("permission 7 (pay on behalf) needs `PayUin`.", "权限 7（代付费）需要提供`PayUin`。");
    return;
  }
  const payer = await requirePayer(store, p, terms.payUin);
  if (!payOnBehalf) return;
  if ((invitee.entity_name ?? "") !== (p.admin.entity_name ?? "")) {
    throw new ApiError("UnsupportedOperation.AddDelegatePayerNotAllow", {
      en: `Account ${invitee.uin} is verified as another entity than the admin and cannot be paid for on its behalf.`,
      zh: `账号 ${invitee.uin} 与管理员实名主体不同，不允许代付费。`,
    });
  }
  if (invitee.agent === 1) {
    throw new ApiError("UnsupportedOperation.MemberIsAgent", {
      en: `Account ${invitee.uin} is a reseller or a reseller's client and cannot be paid for on its behalf.`,
      zh: `账号 ${invitee.uin} 是代理商或代客，不支持代付费。`,
    });
  }
  if (payer.agent === 1) {
    throw new ApiError("UnsupportedOperation.ExistedAgent", { en: `The payer ${payer.uin} has a reseller.`, zh: `代付者 ${payer.uin} 存在经销商。` });
  }
  if (payer.arrears === 1) {
    throw new ApiError("UnsupportedOperation.AbnormalFinancialStatusOfAdmin", {
      en: `The payer ${payer.uin} is in arrears and cannot pay on behalf of members.`,
      zh: `代付者 ${payer.uin} 财务状态异常，不支持代付费。`,
    });
  }
}

const payUinIllegal = (en: string, zh: string) => new ApiError("FailedOperation.PayUinIllegal", { en: `Parameter \`PayUin\`: ${en}`, zh: `参数\`PayUin\`：${zh}` });

/** The payer must be the admin or a member of this organization, not the invitee itself. */
async function requirePayer(store: Store, p: JoinParties, payUin: number): Promise<Account> {
  const membership = payUin === p.invitee.uin ? undefined : await store.members.find(payUin);
  const payer = membership?.org_id === p.org.org_id ? await store.accounts.find(payUin) : undefined;
  if (!payer) throw payUinIllegal(`account ${payUin} is neither the admin nor a member of this organization.`, `账号 ${payUin} 不是本组织的管理员或成员。`);
  return payer;
}

/** The department must be one of this organization's. */
export async function checkNode(store: Store, org: Organization, nodeId: number): Promise<void> {
  if (await store.nodes.find(org.org_id, nodeId)) return;
  if (await store.nodes.findAnywhere(nodeId)) {
    throw new ApiError("FailedOperation.OrganizationNodeNotExist", {
      en: `Parameter \`NodeId\`: department ${nodeId} is not in this organization.`,
      zh: `参数\`NodeId\`：部门 ${nodeId} 不属于本组织。`,
    });
  }
  throw new ApiError("ResourceNotFound.OrganizationNodeNotExist", { en: `Parameter \`NodeId\`: department ${nodeId} does not exist.`, zh: `参数\`NodeId\`：部门 ${nodeId} 不存在。` });
}

/** The name must be free among the organization's members and its live invitations of other accounts. */
async function checkMemberName(store: Store, org: Organization, name: string, inviteeUin: number, now: number): Promise<void> {
  if (await store.members.findByName(org.org_id, name)) throw memberNameUsed(name);
  if (await store.invitations.liveWithName(org.org_id, name, now, inviteeUin)) {
    throw new ApiError("FailedOperation.MemberNameUsed", {
      en: `Parameter \`Name\`: ${name} is reserved by a pending invitation of this organization.`,
      zh: `参数\`Name\`：${name} 已被本组织待处理的邀请使用。`,
    });
  }
}

/** A member of the organization already holds this name. */
export const memberNameUsed = (name: string) =>
  new ApiError("FailedOperation.OrganizationMemberNameUsed", { en: `Parameter \`Name\`: a member named ${name} already exists.`, zh: `参数\`Name\`：成员名 ${name} 已存在。` });

/** The organization must have room for one more member (the admin counts; so do live invitations when `reserved`). */
export async function checkMemberRoom(store: Store, org: Organization, maxMembers: number, now: number, reserved: boolean): Promise<void> {
  const members = await store.members.countInOrg(org.org_id);
  const pending = reserved ? await store.invitations.countLive(org.org_id, now) : 0;
  if (members + pending >= maxMembers) {
    throw new ApiError("LimitExceeded.OrganizationMemberOverLimit", {
      en: `The organization may have at most ${maxMembers} members${reserved ? ", pending invitations included" : ""}.`,
      zh: `组织最多可有 ${maxMembers} 个成员${reserved ? "（含待处理的邀请）" : ""}。`,
    });
  }
}

/** Re-throw an ApiError under the code another API version uses for the same condition. */
export async function translate<T>(codes: Partial<Record<ErrorCode, ErrorCode>>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ApiError && codes[e.code]) throw new ApiError(codes[e.code]!, e.text);
    throw e;
  }
}

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** Whether an invitation can still be answered at `now`. */
export const isLive = (inv: OrgInvitation, now: number) => inv.status === "Pending" && inv.expire_at > now;
