import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createAccount } from "../../src/domain/base/accounts.js";
import { createSubAccount } from "../../src/domain/base/sub-accounts.js";
import type { Context } from "../../src/domain/base/context.js";
import { bindOrganizationMemberAuthAccount } from "../../src/domain/login/bind-organization-member-auth-account.js";
import { createOrganizationIdentity } from "../../src/domain/login/create-organization-identity.js";
import { createOrganizationMemberPolicy } from "../../src/domain/login/create-organization-member-policy.js";
import { createOrganizationMembersPolicy } from "../../src/domain/login/create-organization-members-policy.js";
import { createOrganization } from "../../src/domain/organization/create-organization.js";
import { isForeignKeyViolation } from "../../src/store/errors.js";
import type { Organization } from "../../src/store/organizations-repo.js";
import type { Store } from "../../src/store/store.js";
import { domainContext } from "../helpers/domain.js";
import { DIALECTS } from "../helpers/dialects.js";
import { addMember } from "../helpers/members.js";

/** How concurrent callers settle: the codes of those that failed, sorted, and how many succeeded. */
async function settle(calls: Promise<unknown>[]): Promise<{ ok: number; codes: string[] }> {
  const results = await Promise.allSettled(calls);
  const codes = results.flatMap((r) => (r.status === "rejected" ? [String((r.reason as { code?: string }).code ?? r.reason)] : [])).sort();
  return { ok: results.filter((r) => r.status === "fulfilled").length, codes };
}

const ADMIN_ACCESS = { PolicyId: 1, PolicyName: "AdministratorAccess" };

for (const dialect of DIALECTS) {
  describe(`member login rules under concurrency (${dialect.name})`, () => {
    let store: Store;
    before(async () => {
      store = await dialect.open();
    });
    after(async () => {
      await dialect.dispose(store);
    });

    /** An organization with `members` invited members, each supporting the built-in identity. */
    async function world(members: number, settings: Partial<Context["settings"]> = {}) {
      const now = Date.now();
      const admin = await createAccount(store, { name: "admin", verification: "enterprise", entityName: "Example Ltd", site: "china" }, now);
      const ctx = domainContext(store, admin, { settings });
      await createOrganization({}, ctx);
      const org = (await store.organizations.findByHost(admin)) as Organization;
      const uins: number[] = [];
      for (let i = 0; i < members; i++) {
        const uin = await createAccount(store, { name: `m${i}`, verification: "enterprise", entityName: "Example Ltd", site: "china" }, now);
        await addMember(store, { uin, orgId: org.org_id, nodeId: org.root_node_id, name: `m${i}` });
        await store.identities.grant([uin], [1], now);
        uins.push(uin);
      }
      return { ctx, org, admin, uins };
    }

    it("one of several concurrent identities of one name is created", async () => {
      const { ctx } = await world(0);
      const r = await settle(Array.from({ length: 5 }, () => createOrganizationIdentity({ IdentityAliasName: "same", IdentityPolicy: [ADMIN_ACCESS] }, ctx)));
      assert.deepEqual(r, { ok: 1, codes: Array(4).fill("FailedOperation.OrganizationIdentityNameUsed") });
    });

    it("concurrent identities stop at the organization's limit", async () => {
      const { ctx } = await world(0, { maxIdentities: 3 });
      const r = await settle(Array.from({ length: 6 }, (_, i) => createOrganizationIdentity({ IdentityAliasName: `id-${i}`, IdentityPolicy: [ADMIN_ACCESS] }, ctx)));
      assert.deepEqual(r, { ok: 3, codes: Array(3).fill("LimitExceeded.IdentityExceedLimit") });
    });

    it("one of several concurrent policies of one name is created", async () => {
      const { ctx, uins } = await world(2);
      const r = await settle([
        createOrganizationMemberPolicy({ MemberUin: uins[0], PolicyName: "same", IdentityId: 1 }, ctx),
        createOrganizationMembersPolicy({ MemberUins: uins, PolicyName: "same", IdentityId: 1 }, ctx),
        createOrganizationMemberPolicy({ MemberUin: uins[1], PolicyName: "same", IdentityId: 1 }, ctx),
      ]);
      assert.deepEqual(r, { ok: 1, codes: Array(2).fill("FailedOperation.MemberPolicyNameExist") });
    });

    it("a sub-account bound concurrently through two policies holds the identity on the member once", async () => {
      const { ctx, org, uins } = await world(1);
      const sub = await store.transaction((tx) => createSubAccount(tx, org.host_uin, "ops", Date.now()));
      const [p1, p2] = [
        (await createOrganizationMemberPolicy({ MemberUin: uins[0], PolicyName: "p1", IdentityId: 1 }, ctx)).PolicyId!,
        (await createOrganizationMemberPolicy({ MemberUin: uins[0], PolicyName: "p2", IdentityId: 1 }, ctx)).PolicyId!,
      ];
      const r = await settle([p1, p2].map((PolicyId) => bindOrganizationMemberAuthAccount({ MemberUin: uins[0], PolicyId, OrgSubAccountUins: [sub.subUin] }, ctx)));
      assert.deepEqual(r, { ok: 1, codes: ["FailedOperation.SubAccountIdentityExist"] });
    });

    it("the database refuses to revoke a grant a policy uses, or to delete an identity a policy grants", async () => {
      const { ctx, uins } = await world(1);
      await createOrganizationMemberPolicy({ MemberUin: uins[0], PolicyName: "p", IdentityId: 1 }, ctx);
      await assert.rejects(store.identities.revoke(uins[0], 1), (e) => isForeignKeyViolation(e));
      const { IdentityId } = await createOrganizationIdentity({ IdentityAliasName: "custom", IdentityPolicy: [ADMIN_ACCESS] }, ctx);
      await store.identities.grant(uins, [IdentityId!], Date.now());
      await createOrganizationMemberPolicy({ MemberUin: uins[0], PolicyName: "q", IdentityId: IdentityId! }, ctx);
      await assert.rejects(store.identities.delete(IdentityId!), (e) => isForeignKeyViolation(e));
    });
  });
}
