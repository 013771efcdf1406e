import { ApiError } from "../../protocol/api-error.js";
import { isForeignKeyViolation } from "../../store/errors.js";
import type { Store } from "../../store/store.js";
import { ensureHostRelation } from "../base/entity-relations.js";

/**
 * Entity admins ("主体管理员"). Per the operation guide 集团认证主体管理
 * (https://cloud.tencent.com/document/product/850/60328): the organization's admin sets the admin of
 * another verified entity of the organization on the console's 认证主体管理 page, changes it, or
 * removes it; the choice is among the member accounts verified as that entity; the entity admin pays
 * on behalf of that entity's members and approves creating members for it; a member that is an
 * entity admin can be deleted only after the entity admin is changed or removed. The API has no
 * action for this (DescribeOrganizationAuthNode only lists the relations whose admin is set), so
 * the operator API stands in for the console step. The admin's own entity is always administered
 * by the organization's admin.
 */

/** A verified entity of an organization, with its admin when one is set. */
export interface EntityRelation {
  relationId: number;
  authName: string;
  isHost: boolean;
  adminUin?: number;
}

const orgMissing = (orgId: number) =>
  new ApiError("ResourceNotFound", { en: `Parameter \`OrgId\`: organization ${orgId} does not exist.`, zh: `参数\`OrgId\`：组织 ${orgId} 不存在。` });

/**
 * The organization's verified entities (its admin's own first, then by relation id), with their
 * admins. The admin's own relation is created the first time, as DescribeOrganizationAuthNode does.
 */
export async function listEntityRelations(store: Store, orgId: number, now: number): Promise<EntityRelation[]> {
  const org = await store.organizations.find(orgId);
  if (!org) throw orgMissing(orgId);
  await ensureHostRelation(store, orgId, now);
  const [host, relations] = await Promise.all([store.accounts.find(org.host_uin), store.authRelations.listAll(orgId)]);
  return relations.map((r) => {
    const isHost = r.is_host === 1;
    const adminUin = isHost ? org.host_uin : r.manager_uin ?? undefined;
    return { relationId: r.relation_id, authName: (isHost ? host?.entity_name : r.auth_name) ?? "", isHost, ...(adminUin !== undefined ? { adminUin } : {}) };
  });
}

/**
 * Set or change (`adminUin`) or remove (null) the admin of another entity's relation, under the
 * organization's lock (which every removal of a member takes first). The new admin must be a member
 * of the organization verified as that entity.
 * @throws ResourceNotFound (organization, relation), InvalidParameterValue (the admin's own entity,
 *   an account that is not a member or not verified as the entity)
 */
export async function setEntityAdmin(store: Store, orgId: number, relationId: number, adminUin: number | null): Promise<void> {
  const notMember = (uin: number) =>
    new ApiError("InvalidParameterValue", { en: `Parameter \`MemberUin\`: account ${uin} is not a member of organization ${orgId}.`, zh: `参数\`MemberUin\`：账号 ${uin} 不是组织 ${orgId} 的成员。` });
  try {
    await store.transaction(async (tx) => {
      if (!(await tx.organizations.lock(orgId))) throw orgMissing(orgId);
      const [relation] = await tx.authRelations.findMany(orgId, [relationId]);
      if (!relation) {
        throw new ApiError("ResourceNotFound", {
          en: `Parameter \`RelationId\`: organization ${orgId} has no verified-entity relation ${relationId}.`,
          zh: `参数\`RelationId\`：组织 ${orgId} 没有认证主体关系 ${relationId}。`,
        });
      }
      if (relation.is_host === 1) {
        throw new ApiError("InvalidParameterValue", {
          en: `Parameter \`RelationId\`: relation ${relationId} is the organization admin's own entity, which the organization's admin administers.`,
          zh: `参数\`RelationId\`：关系 ${relationId} 是组织管理员自身的主体，由组织管理员管理。`,
        });
      }
      if (adminUin !== null) {
        const member = await tx.members.findInOrg(orgId, adminUin);
        if (!member) throw notMember(adminUin);
        const account = await tx.accounts.find(adminUin);
        if (account?.verification !== "enterprise" || account.entity_name !== relation.auth_name) {
          throw new ApiError("InvalidParameterValue", {
            en: `Parameter \`MemberUin\`: member ${adminUin} is not verified as the entity ${relation.auth_name}; an entity's admin is one of its own member accounts.`,
            zh: `参数\`MemberUin\`：成员 ${adminUin} 的企业实名主体不是 ${relation.auth_name}；主体管理员须为该主体的成员账号。`,
          });
        }
      }
      await tx.authRelations.setManager(orgId, relationId, adminUin);
    });
  } catch (e) {
    // the database keeps an entity's admin a member (a removal that did not take the lock)
    if (adminUin !== null && isForeignKeyViolation(e)) throw notMember(adminUin);
    throw e;
  }
}
