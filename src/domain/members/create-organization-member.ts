import { ApiError } from "../../protocol/api-error.js";
import type { CreateOrganizationMemberRequest, CreateOrganizationMemberResponse } from "../../spec/generated/v20210331.js";
import { isForeignKeyViolation, isUniqueViolation } from "../../store/errors.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Store } from "../../store/store.js";
import { createAccount } from "../base/accounts.js";
import type { Context } from "../base/context.js";
import { checkLength, checkName } from "../base/names.js";
import { checkPermissions, checkPolicyType, encodePermissions, POLICY_FINANCIAL } from "../base/permissions.js";
import { checkTags } from "../base/tags.js";
import { orgNotExist, requireAdminOrg } from "../undeclared.js";
import { ensureHostRelation } from "../base/entity-relations.js";
import { checkPermissionsEnabled } from "../base/permissions.js";
import { bindDefaultPolicies } from "../policies/presets.js";
import { relationEntity } from "../base/entity-relations.js";
import { checkAdminVerification, checkPayer } from "./finance.js";
import { parsePayUin, payUinIllegal, paysOnBehalf, STORED_TEXT_MAX } from "./rules.js";
import { LOGIN_IDENTITY_ID } from "../base/identities.js";

const FIRST_RECORD_ID = 1;

/** The request after the checks that need no state. */
interface CreateSpec {
  name: string;
  accountName: string;
  remark: string | null;
  nodeId: number;
  permissions: number[];
  payUin: number | undefined;
  identityIds: number[];
  relationId: number | undefined;
  tags: { TagKey: string; TagValue: string }[];
}

const nameUsed = (name: string) =>
  new ApiError("FailedOperation.OrganizationMemberNameUsed", {
    en: `Parameter \`Name\`: the organization already has a member named ${name}.`,
    zh: `参数\`Name\`：组织中已有名为 ${name} 的成员。`,
  });

const nodeNotExist = (nodeId: number) =>
  new ApiError("ResourceNotFound.OrganizationNodeNotExist", {
    en: `Parameter \`NodeId\`: department ${nodeId} does not exist in the organization.`,
    zh: `参数\`NodeId\`：组织中不存在部门 ${nodeId}。`,
  });

const alreadySucceeded = (recordId: number) =>
  new ApiError("FailedOperation.CreateRecordAlreadySuccess", {
    en: `Parameter \`RecordId\`: creation record ${recordId} already succeeded.`,
    zh: `参数\`RecordId\`：创建记录 ${recordId} 已成功。`,
  });

/** Validate everything that needs no state; answers the normalised request. */
function checkRequest(input: CreateOrganizationMemberRequest): CreateSpec {
  checkName(input.Name, "Name");
  checkName(input.AccountName, "AccountName");
  if (input.Remark !== undefined) checkLength(input.Remark, "Remark", STORED_TEXT_MAX);
  checkPolicyType(input.PolicyType);
  const permissions = checkPermissions(input.PermissionIds);
  const tags = checkTags(input.Tags);
  const payUin = parsePayUin(input.PayUin);
  if (paysOnBehalf(permissions) && payUin === undefined) {
    throw payUinIllegal("Parameter `PayUin` is required with permission 7 (pay on behalf).", "权限 7（代付费）需要参数`PayUin`。");
  }
  if (!paysOnBehalf(permissions) && payUin !== undefined) {
    throw payUinIllegal("Parameter `PayUin` is only used with permission 7 (pay on behalf).", "参数`PayUin`仅在包含权限 7（代付费）时使用。");
  }
  return {
    name: input.Name,
    accountName: input.AccountName,
    remark: input.Remark ?? null,
    nodeId: input.NodeId,
    permissions,
    payUin,
    // every created account gets the login role; the request may add others
    identityIds: [...new Set([LOGIN_IDENTITY_ID, ...(input.IdentityRoleID ?? [])])],
    relationId: input.AuthRelationId ? input.AuthRelationId : undefined,
    tags,
  };
}

/**
 * One attempt of a recorded creation, in one transaction under the organization's lock: every
 * check that reads state, then the new account, its membership, identities and tags, and the
 * record marked successful. Answers the new account's UIN.
 */
async function attempt(tx: Store, ctx: Context, org: Organization, recordId: number, spec: CreateSpec): Promise<number> {
  const now = ctx.now();
  if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
  if (!(await tx.memberRecords.claim(recordId, { name: spec.name, account_name: spec.accountName, node_id: spec.nodeId }, now))) {
    throw alreadySucceeded(recordId);
  }
  const host = await tx.accounts.find(org.host_uin);
  if (!host) throw orgNotExist();
  checkAdminVerification(host);
  if (host.agent === 1) {
    throw new ApiError("UnsupportedOperation.MemberIsAgent", {
      en: "The organization's admin is a reseller or a reseller's client, which cannot create member accounts.",
      zh: "组织管理员账号是代理商或代客，不能创建成员账号。",
    });
  }
  if (!(await tx.nodes.find(org.org_id, spec.nodeId))) throw nodeNotExist(spec.nodeId);
  if (await tx.members.nameTaken(org.org_id, spec.name)) throw nameUsed(spec.name);
  const counts = await tx.members.counts(org.org_id);
  if (counts.members >= ctx.settings.maxMembers) {
    throw new ApiError("LimitExceeded.OrganizationMemberOverLimit", {
      en: `The organization already has ${ctx.settings.maxMembers} members, its admin included.`,
      zh: `组织成员（含管理员）已达上限 ${ctx.settings.maxMembers} 个。`,
    });
  }
  if (counts.created >= ctx.settings.maxCreatedMembers) {
    throw new ApiError("LimitExceeded.CreateMemberOverLimit", {
      en: `The organization has already created ${ctx.settings.maxCreatedMembers} member accounts.`,
      zh: `组织创建的成员账号已达上限 ${ctx.settings.maxCreatedMembers} 个。`,
    });
  }

  // The new account is verified under the admin's entity, or under the entity of the relation given.
  let entityName = host.entity_name;
  let entityAdminUin = org.host_uin;
  if (spec.relationId !== undefined) {
    const relation = await relationEntity(tx, org, host, spec.relationId);
    if (!relation) {
      throw new ApiError("ResourceNotFound.OrganizationAuthRelationNotExist", {
        en: `Parameter \`AuthRelationId\`: verified-entity relation ${spec.relationId} does not exist in the organization.`,
        zh: `参数\`AuthRelationId\`：组织中不存在认证主体关系 ${spec.relationId}。`,
      });
    }
    entityName = relation.entityName;
    entityAdminUin = relation.adminUin;
  }
  if (spec.payUin !== undefined) {
    await checkPayer(tx, org, spec.payUin, { entityName, site: host.site, entityAdminUin }, "create");
  }
  const usable = await tx.identities.usable(org.org_id, spec.identityIds);
  const unknown = spec.identityIds.filter((id) => !usable.has(id));
  if (unknown.length > 0) {
    throw new ApiError("InvalidParameter", {
      en: `Parameter \`IdentityRoleID\`: no identity ${unknown.join(", ")} (see ListOrganizationIdentity).`,
      zh: `参数\`IdentityRoleID\`：身份 ${unknown.join("、")} 不存在（见 ListOrganizationIdentity）。`,
    });
  }

  const uin = await createAccount(tx, { name: spec.accountName, verification: "enterprise", entityName, site: host.site }, now);
  await tx.members.insert({
    member_uin: uin,
    org_id: org.org_id,
    node_id: spec.nodeId,
    is_admin: 0,
    name: spec.name,
    member_type: "Create",
    policy_type: POLICY_FINANCIAL,
    permission_ids: encodePermissions(spec.permissions),
    // an account the organization created cannot leave it on its own
    is_allow_quit: "Denied",
    pay_uin: spec.payUin ?? null,
    remark: spec.remark,
    auth_relation_id: spec.relationId ?? (await ensureHostRelation(tx, org.org_id, now)),
    joined_at: now,
    updated_at: now,
  });
  await tx.identities.assign(uin, spec.identityIds, now);
  await bindDefaultPolicies(tx, org.org_id, { type: "MEMBER", uin }, now);
  await tx.tags.set("member", uin, spec.tags);
  await tx.memberRecords.succeed(recordId, uin, now);
  return uin;
}

/** The same error with the record to retry named in its message (other errors as they are). */
function withRecord(e: unknown, recordId: number): unknown {
  if (!(e instanceof ApiError)) return e;
  const en = e.messageIn("en");
  const zh = e.messageIn("zh");
  return new ApiError(e.code, {
    en: `${en} The attempt is kept as creation record ${recordId}: retry with RecordId ${recordId}.`,
    zh: `${zh} 本次创建记录为 ${recordId}，可使用 RecordId ${recordId} 重试。`,
  });
}

/**
 * CreateOrganizationMember — create a new account as a member of the caller's organization, in
 * the given department, verified under the admin's entity (or the entity of AuthRelationId).
 * Every attempt that passes the stateless checks is recorded; a failed one may be retried by
 * RecordId (the error message names it), and a record that succeeded cannot create a second account.
 * @throws ResourceNotFound.OrganizationNotExist, InvalidParameter, InvalidParameter.TagError,
 *   FailedOperation.OrganizationPolicyIllegal, FailedOperation.OrganizationPermissionIllegal (also
 *   permission 3 or 10 while not enabled for the organization, see gated-permissions.ts),
 *   FailedOperation.PayUinIllegal, FailedOperation.CreateRecordNotExist,
 *   FailedOperation.CreateRecordAlreadySuccess, FailedOperation.AuthInfoEmpty,
 *   FailedOperation.AuthNotEnterprise, UnsupportedOperation.MemberIsAgent,
 *   ResourceNotFound.OrganizationNodeNotExist, FailedOperation.OrganizationNodeNotExist (department
 *   deleted meanwhile), FailedOperation.OrganizationMemberNameUsed,
 *   LimitExceeded.OrganizationMemberOverLimit, LimitExceeded.CreateMemberOverLimit,
 *   ResourceNotFound.OrganizationAuthRelationNotExist, and the payer checks of checkPayer
 */
export async function createOrganizationMember(input: CreateOrganizationMemberRequest, ctx: Context): Promise<CreateOrganizationMemberResponse> {
  const org = await requireAdminOrg(ctx.store, ctx.caller.uin);
  const spec = checkRequest(input);
  await checkPermissionsEnabled(ctx.store, org.org_id, spec.permissions);

  if (input.RecordId) {
    const record = await ctx.store.memberRecords.find(input.RecordId);
    if (!record || record.org_id !== org.org_id) {
      throw new ApiError("FailedOperation.CreateRecordNotExist", {
        en: `Parameter \`RecordId\`: the organization has no creation record ${input.RecordId}.`,
        zh: `参数\`RecordId\`：组织中不存在创建记录 ${input.RecordId}。`,
      });
    }
    if (record.status === "Success") throw alreadySucceeded(record.record_id);
    try {
      return { Uin: await ctx.store.transaction((tx) => attempt(tx, ctx, org, record.record_id, spec)) };
    } catch (e) {
      const err = explain(e, spec);
      if (err instanceof ApiError && err.code === "FailedOperation.CreateRecordAlreadySuccess") throw err;
      // the record goes with its organization (cascade): when that is gone there is nothing to mark
      await ctx.store.transaction((tx) => tx.memberRecords.fail(record.record_id, codeOf(err), ctx.now()));
      if (err instanceof ApiError && err.code === "ResourceNotFound.OrganizationNotExist") throw err;
      throw withRecord(err, record.record_id);
    }
  }

  // A first attempt writes its record in its own transaction; when it fails, all it wrote is rolled
  // back and the record is written again, failed, in a transaction of its own. Both take the
  // organization's lock before the record: an organization deleted meanwhile has no record to keep.
  try {
    return {
      Uin: await ctx.store.transaction(async (tx) => {
        if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
        return attempt(tx, ctx, org, await insertRecord(tx, ctx, org, spec), spec);
      }),
    };
  } catch (e) {
    const err = explain(e, spec);
    const recordId = await ctx.store.transaction(async (tx) => {
      if (!(await tx.organizations.lock(org.org_id))) return undefined;
      const id = await insertRecord(tx, ctx, org, spec);
      await tx.memberRecords.fail(id, codeOf(err), ctx.now());
      return id;
    });
    if (recordId === undefined) throw orgNotExist();
    throw withRecord(err, recordId);
  }
}

/** A new creation record, pending. */
async function insertRecord(tx: Store, ctx: Context, org: Organization, spec: CreateSpec): Promise<number> {
  const id = await tx.counters.next("member_record", FIRST_RECORD_ID);
  const now = ctx.now();
  await tx.memberRecords.insert({
    record_id: id, org_id: org.org_id, name: spec.name, account_name: spec.accountName, node_id: spec.nodeId,
    status: "Pending", member_uin: null, error_code: null, created_at: now, updated_at: now,
  });
  return id;
}

/** The error an attempt answers: constraint violations that lost a race told as the check they passed. */
function explain(e: unknown, spec: CreateSpec): unknown {
  if (isUniqueViolation(e)) return nameUsed(spec.name);
  if (isForeignKeyViolation(e)) {
    return new ApiError("FailedOperation.OrganizationNodeNotExist", {
      en: `Parameter \`NodeId\`: department ${spec.nodeId} was deleted while the member was being created.`,
      zh: `参数\`NodeId\`：创建成员期间部门 ${spec.nodeId} 已被删除。`,
    });
  }
  return e;
}

const codeOf = (err: unknown) => (err instanceof ApiError ? err.code : "InternalError");
