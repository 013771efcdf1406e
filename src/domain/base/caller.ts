import { ApiError } from "../../protocol/api-error.js";
import type { ErrorCode } from "../../spec/generated/errors.js";
import type { Organization } from "../../store/organizations-repo.js";
import type { Store } from "../../store/store.js";
import type { ActionSpec, CallerRule } from "./contract.js";
import type { Context, DelegateContext } from "./context.js";
import type { PagingSpec } from "./paging.js";
import { serviceByProduct } from "./services-catalogue.js";

/** The answer to a caller that belongs to no organization, unless its action's contract names another. */
export const orgNotExist = (code: ErrorCode = "ResourceNotFound.OrganizationNotExist") =>
  new ApiError(code, { en: "The caller does not belong to an organization.", zh: "调用者不属于任何组织。" });

/**
 * Lock the organization's row for the rest of the transaction, as every writer of its membership
 * does first; the organization deleted meanwhile → ResourceNotFound.OrganizationNotExist.
 */
export async function lockOrg(tx: Store, org: Pick<Organization, "org_id">): Promise<void> {
  if (!(await tx.organizations.lock(org.org_id))) throw orgNotExist();
}

/** A trusted-service product abbreviation such as `cloudaudit`. */
const PRODUCT_RE = /^[a-z][a-z0-9_-]{0,63}$/;

type AnySpec = ActionSpec<string, CallerRule, PagingSpec | undefined>;

/**
 * Give `ctx` what the action's caller rule needs (ctx.org, ctx.membership, ctx.delegation), or
 * answer the code its contract gives for a caller the rule leaves out. An organization's admin
 * is found by one read (its organization by host), a member by two (membership, organization).
 */
export async function resolveCaller(spec: AnySpec, input: Record<string, unknown>, ctx: Context): Promise<void> {
  if (spec.caller === "account") return;
  const outsider = (spec.outsider ?? "ResourceNotFound.OrganizationNotExist") as ErrorCode;
  const notAdmin = (spec.notAdmin ?? outsider) as ErrorCode;
  const store = ctx.store;
  const uin = ctx.caller.uin;
  const c = ctx as DelegateContext;
  if (spec.caller === "admin") {
    const org = await store.organizations.findByHost(uin);
    if (org) {
      c.org = org;
      return;
    }
    // a member hears its own code where the page gives one; a single read otherwise
    if (notAdmin !== outsider && (await store.members.find(uin))) throw onlyAdmin(notAdmin, ctx.action);
    throw orgNotExist(outsider);
  }
  const membership = await store.members.find(uin);
  const org = membership ? await store.organizations.find(membership.org_id) : undefined;
  if (!membership || !org) throw orgNotExist(outsider);
  c.org = org;
  c.membership = membership;
  if (spec.caller === "member") return;
  // delegate: the admin, or a member acting as the delegated admin of the service the input names
  const product = spec.product?.(input);
  if (membership.is_admin === 1) return;
  if (product === undefined) throw onlyAdmin(notAdmin, ctx.action, true);
  const service = serviceByProduct(product);
  const assign = service ? await store.serviceAssigns.find(org.org_id, service.id, uin) : undefined;
  if (!assign) {
    throw new ApiError("ResourceNotFound.OrganizationServiceNotExist", {
      en: `The caller is not a delegated admin of the organization service ${product}.`,
      zh: `调用者不是集团服务 ${product} 的委派管理员。`,
    });
  }
  c.delegation = assign;
}

/**
 * The product a `delegate` action's input names, checked: a product abbreviation
 * (InvalidParameter otherwise) of a service the catalogue has (ResourceNotFound.OrganizationServiceNotExist).
 */
export function namedProduct(product: string | undefined): string | undefined {
  if (product === undefined) return undefined;
  if (!PRODUCT_RE.test(product)) {
    throw new ApiError("InvalidParameter", { en: `Parameter \`Product\`: "${product}" is not a product abbreviation.`, zh: `参数\`Product\`：“${product}”不是产品简称。` });
  }
  if (!serviceByProduct(product)) {
    throw new ApiError("ResourceNotFound.OrganizationServiceNotExist", {
      en: `Parameter \`Product\`: organization service ${product} does not exist.`,
      zh: `参数\`Product\`：集团服务 ${product} 不存在。`,
    });
  }
  return product;
}

function onlyAdmin(code: ErrorCode, action: string, orDelegate = false): ApiError {
  return orDelegate
    ? new ApiError(code, {
        en: `Only the organization's admin, or a delegated admin naming its service's \`Product\`, may call ${action}.`,
        zh: `只有组织管理员，或指定其服务\`Product\`的委派管理员，可以调用 ${action}。`,
      })
    : new ApiError(code, { en: `Only the organization's admin may call ${action}.`, zh: `只有组织管理员可以调用 ${action}。` });
}
