import { ApiError } from "../../protocol/api-error.js";
import type { Account } from "../../store/accounts-repo.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Site } from "../../store/schema.js";
import type { Store } from "../../store/store.js";
import { payUinIllegal } from "./rules.js";

/** The member a payer would pay for: its verified entity, site, and that entity's admin. */
export interface PaidMember {
  uin?: number;
  entityName: string | null;
  site: Site;
  /** the admin of the member's verified entity; only that account may pay for it */
  entityAdminUin: number | undefined;
}

/**
 * Check that `payerUin` may pay on behalf of `member` and answer the payer's account. The payer
 * must be the admin of the member's verified entity, on the same site, and in good standing:
 * not a reseller and not in arrears (read from the account registry).
 * `action` selects the codes each action documents for the same conditions.
 * @throws FailedOperation.PayUinIllegal, ResourceNotFound.OrganizationMemberNotExist (create),
 *   FailedOperation.AuthInfoNotSame (update), UnsupportedOperation.InconsistentUserTypes,
 *   UnsupportedOperation.ExistedAgent, UnsupportedOperation.AbnormalFinancialStatusOfAdmin (create),
 *   UnsupportedOperation.PayerArrearsAndNoCreditAccount
 */
export async function checkPayer(store: Store, org: Organization, payerUin: number, member: PaidMember, action: "create" | "update"): Promise<Account> {
  if (payerUin === member.uin) {
    throw payUinIllegal("A member cannot pay on its own behalf: `PayUin` must be another account.", "成员不能为自己代付：`PayUin`须为其他账号。");
  }
  const payerMembership = await store.members.findInOrg(org.org_id, payerUin);
  const payer = payerMembership ? await store.accounts.find(payerUin) : undefined;
  if (!payer) {
    if (action === "create") {
      throw new ApiError("ResourceNotFound.OrganizationMemberNotExist", {
        en: `Parameter \`PayUin\`: account ${payerUin} is not in the organization.`,
        zh: `参数\`PayUin\`：账号 ${payerUin} 不在该组织中。`,
      });
    }
    throw payUinIllegal(`Parameter \`PayUin\`: account ${payerUin} is not in the organization.`, `参数\`PayUin\`：账号 ${payerUin} 不在该组织中。`);
  }
  if (action === "update" && payer.entity_name !== member.entityName) {
    throw new ApiError("FailedOperation.AuthInfoNotSame", {
      en: `Parameter \`PayUin\`: account ${payerUin} is verified under another entity than the member.`,
      zh: `参数\`PayUin\`：账号 ${payerUin} 的实名主体与成员不同。`,
    });
  }
  if (payerUin !== member.entityAdminUin) {
    const admin = member.entityAdminUin === undefined ? "" : ` (${member.entityAdminUin})`;
    throw payUinIllegal(
      `Parameter \`PayUin\` must be the admin of the member's verified entity${admin}.`,
      `参数\`PayUin\`须为成员所属实名主体的主体管理员${admin}。`,
    );
  }
  if (payer.site !== member.site) {
    throw new ApiError("UnsupportedOperation.InconsistentUserTypes", {
      en: `The payer ${payerUin} and the member belong to different sites (${payer.site}, ${member.site}).`,
      zh: `代付者 ${payerUin} 与成员属于不同站点（${payer.site}、${member.site}）。`,
    });
  }
  if (payer.agent === 1) {
    throw new ApiError("UnsupportedOperation.ExistedAgent", {
      en: `The payer ${payerUin} is a reseller or a reseller's client.`,
      zh: `代付者 ${payerUin} 是经销商或经销商子客。`,
    });
  }
  if (payer.arrears === 1) {
    if (action === "create" && payerUin === org.host_uin) {
      throw new ApiError("UnsupportedOperation.AbnormalFinancialStatusOfAdmin", {
        en: "The organization's admin, who would pay on the member's behalf, is in arrears.",
        zh: "将为成员代付的组织管理员账号欠费。",
      });
    }
    throw new ApiError("UnsupportedOperation.PayerArrearsAndNoCreditAccount", {
      en: `The payer ${payerUin} is in arrears and has no credit account.`,
      zh: `代付者 ${payerUin} 欠费且未开通信用账户。`,
    });
  }
  return payer;
}

/** The admin must still be enterprise-verified to set up financial relations. */
export function checkAdminVerification(host: Account): void {
  if (host.verification === "none") {
    throw new ApiError("FailedOperation.AuthInfoEmpty", { en: "The organization's admin has no real-name verification.", zh: "组织管理员账号未完成实名认证。" });
  }
  if (host.verification !== "enterprise") {
    throw new ApiError("FailedOperation.AuthNotEnterprise", { en: "The organization's admin is not enterprise-verified.", zh: "组织管理员账号不是企业实名认证。" });
  }
}
