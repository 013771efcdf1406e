import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createAccount } from "../../src/domain/base/accounts.js";
import { DEFAULT_DOMAIN_SETTINGS, type Context } from "../../src/domain/base/context.js";
import { inviteOrganizationMember } from "../../src/domain/invitations/invite-organization-member.js";
import { checkAccountDelete } from "../../src/domain/members/check-account-delete.js";
import { createOrganizationMember } from "../../src/domain/members/create-organization-member.js";
import { deleteAccount } from "../../src/domain/members/delete-account.js";
import { deleteOrganizationMembers } from "../../src/domain/members/delete-organization-members.js";
import { describeOrganizationMembers } from "../../src/domain/members/describe-organization-members.js";
import { updateOrganizationMember } from "../../src/domain/members/update-organization-member.js";
import { relationForEntity } from "../../src/domain/base/entity-relations.js";
import { createOrganization } from "../../src/domain/organization/create-organization.js";
import { setEntityAdmin } from "../../src/domain/organization/entity-admins.js";
import type { Organization } from "../../src/store/organizations-repo.js";
import type { Site } from "../../src/store/schema.js";
import type { Store } from "../../src/store/store.js";
import { codeOf, domainContext } from "../helpers/domain.js";
import { DIALECTS } from "../helpers/dialects.js";
import { addMember } from "../helpers/members.js";

interface World {
  store: Store;
  ctx: Context;
  admin: number;
  org: Organization;
  /** an account of another verified entity that brought its relation into the organization, made its admin */
  boss: number;
  /** that entity's relation (DescribeOrganizationAuthNode's RelationId) */
  relation: number;
  account(name: string, o?: { entity?: string; site?: Site }): Promise<number>;
}

async function world(store: Store): Promise<World> {
  const now = Date.now();
  const account = (name: string, o: { entity?: string; site?: Site } = {}) =>
    createAccount(store, { name, verification: "enterprise", entityName: o.entity ?? "Example Ltd", site: o.site ?? "china" }, now);
  const admin = await account("admin");
  const ctx = domainContext(store, admin);
  await createOrganization({}, ctx);
  const org = (await store.organizations.findByHost(admin))!;
  const boss = await account("boss", { entity: "Other Co" });
  const relation = await relationForEntity(store, org, "Other Co", now);
  await addMember(store, { uin: boss, orgId: org.org_id, nodeId: org.root_node_id, name: "boss", authRelationId: relation, joinedAt: now - 60_000 });
  await setEntityAdmin(store, org.org_id, relation, boss);
  return { store, ctx, admin, org, boss, relation, account };
}

const create = (w: World, name: string, extra: Partial<Parameters<typeof createOrganizationMember>[0]> = {}) =>
  createOrganizationMember({ Name: name, AccountName: name, PolicyType: "Financial", PermissionIds: [1, 2], NodeId: w.org.root_node_id, ...extra }, w.ctx);

for (const dialect of DIALECTS) {
  describe(`members: verified entities and payers (${dialect.name})`, () => {
    let store: Store;
    before(async () => {
      store = await dialect.open();
    });
    after(async () => {
      await dialect.dispose(store);
    });

    it("creates a member for another verified entity through its relation, paid for by that entity's admin", async () => {
      const w = await world(store);
      const { Uin } = await create(w, "other-1", { AuthRelationId: w.relation, PermissionIds: [1, 2, 7], PayUin: String(w.boss) });
      const account = await store.accounts.find(Uin);
      assert.equal(account?.entity_name, "Other Co");
      assert.equal(account?.verification, "enterprise");
      const member = await store.members.find(Uin);
      assert.equal(member?.auth_relation_id, w.relation);
      assert.equal(member?.pay_uin, w.boss);
      assert.equal(await codeOf(create(w, "other-2", { AuthRelationId: 99 })), "ResourceNotFound.OrganizationAuthRelationNotExist");
      // the organization's admin administers its own entity, not the relation's
      assert.equal(await codeOf(create(w, "other-3", { AuthRelationId: w.relation, PermissionIds: [1, 2, 7], PayUin: String(w.admin) })), "FailedOperation.PayUinIllegal");
      const check = await checkAccountDelete({ MemberUin: w.boss }, w.ctx);
      assert.equal(check.NotAllowReason.IsAuthManager, true);
      assert.equal(check.AllowDelete, false);
    });

    it("refuses a payer in arrears, a reselling payer and a payer of another site (CreateOrganizationMember)", async () => {
      const w = await world(store);
      const paid = { AuthRelationId: w.relation, PermissionIds: [1, 2, 7], PayUin: String(w.boss) };
      await store.accounts.update(w.boss, { arrears: true });
      assert.equal(await codeOf(create(w, "p-1", paid)), "UnsupportedOperation.PayerArrearsAndNoCreditAccount");
      await store.accounts.update(w.boss, { arrears: false, agent: true });
      assert.equal(await codeOf(create(w, "p-2", paid)), "UnsupportedOperation.ExistedAgent");
      await store.accounts.update(w.boss, { agent: false, site: "intl" });
      assert.equal(await codeOf(create(w, "p-3", paid)), "UnsupportedOperation.InconsistentUserTypes");
    });

    it("checks the payer of an invited member against its own entity (UpdateOrganizationMember)", async () => {
      const w = await world(store);
      const invited = await w.account("invited", { entity: "Other Co" });
      await addMember(store, { uin: invited, orgId: w.org.org_id, nodeId: w.org.root_node_id, name: "invited", authRelationId: w.relation, allowQuit: "Denied" });
      const pay = (payer: number) => updateOrganizationMember({ MemberUin: invited, PolicyType: "Financial", PermissionIds: [1, 2, 7], PayUin: String(payer) }, w.ctx);
      assert.equal(await codeOf(pay(w.admin)), "FailedOperation.AuthInfoNotSame");
      const sameEntity = await w.account("colleague", { entity: "Other Co" });
      await addMember(store, { uin: sameEntity, orgId: w.org.org_id, nodeId: w.org.root_node_id, name: "colleague", authRelationId: w.relation });
      assert.equal(await codeOf(pay(sameEntity)), "FailedOperation.PayUinIllegal");
      await store.accounts.update(invited, { site: "intl" });
      assert.equal(await codeOf(pay(w.boss)), "UnsupportedOperation.InconsistentUserTypes");
      await store.accounts.update(invited, { site: "china" });
      await pay(w.boss);
      assert.equal((await store.members.find(invited))?.pay_uin, w.boss);
      assert.equal(
        await codeOf(updateOrganizationMember({ MemberUin: invited, IsAllowQuit: "Allow" }, w.ctx)),
        "InvalidParameter.AllowQuitIllegal",
      );
      assert.equal(await codeOf(updateOrganizationMember({ MemberUin: invited, IsModifyNickName: 1 }, w.ctx)), "UnsupportedOperation");

      // removal: the payer of another member, the entity's admin, and a member paid for all stay
      assert.equal(await codeOf(deleteOrganizationMembers({ MemberUin: [w.boss] }, w.ctx)), "FailedOperation.MemberIsDelegatePayerNotAllowDelete");
      assert.equal(await codeOf(deleteOrganizationMembers({ MemberUin: [invited] }, w.ctx)), "FailedOperation.MemberExistDelegatePayerNotAllowDelete");
      await updateOrganizationMember({ MemberUin: invited, PolicyType: "Financial", PermissionIds: [1, 2] }, w.ctx);
      assert.equal(await codeOf(deleteOrganizationMembers({ MemberUin: [w.boss] }, w.ctx)), "FailedOperation.OrganizationAuthManageNotAllowDelete");
      await deleteOrganizationMembers({ MemberUin: [invited, sameEntity] }, w.ctx);
      assert.equal(await store.members.find(invited), undefined);
      assert.ok(await store.accounts.find(invited), "a removed member's account stays");
    });

    it("does not delete the account of a verified entity's admin until the admin is removed", async () => {
      const w = await world(store);
      const created = await w.account("created-admin", { entity: "Third Co" });
      const relation = await relationForEntity(store, w.org, "Third Co", Date.now());
      await addMember(store, { uin: created, orgId: w.org.org_id, nodeId: w.org.root_node_id, name: "created-admin", authRelationId: relation, memberType: "Create" });
      await setEntityAdmin(store, w.org.org_id, relation, created);
      await store.memberDeletion.set(w.org.org_id, true, Date.now());
      const check = await checkAccountDelete({ MemberUin: created }, w.ctx);
      assert.deepEqual([check.AllowDelete, check.NotAllowReason.IsCreateMember, check.NotAllowReason.IsAuthManager], [false, true, true]);
      // deletion is the work of a sub-account of the admin (see deleteAccount)
      const ops = { ...w.ctx, caller: { ...w.ctx.caller, subUin: w.admin + 1 } };
      assert.equal(await codeOf(deleteAccount({ MemberUin: created }, ops)), "FailedOperation.OrganizationAuthManageNotAllowDelete");
      await setEntityAdmin(store, w.org.org_id, relation, null);
      assert.equal((await checkAccountDelete({ MemberUin: created }, w.ctx)).AllowDelete, true);
      await deleteAccount({ MemberUin: created }, ops);
      assert.equal(await store.accounts.find(created), undefined);
    });

    it("refuses DeleteAccount while member deletion is off, with the admin's own key, and while the member owns resources", async () => {
      const w = await world(store);
      const { Uin } = await create(w, "to-delete");
      const ops = { ...w.ctx, caller: { ...w.ctx.caller, subUin: w.admin + 1 } };
      const reasons = async () => (await checkAccountDelete({ MemberUin: Uin }, w.ctx)).NotAllowReason;
      assert.equal((await reasons()).DeletionPermission, false);
      assert.equal(await codeOf(deleteAccount({ MemberUin: Uin }, ops)), "UnsupportedOperation.DeleteAccountDisabled");
      await store.memberDeletion.set(w.org.org_id, true, Date.now());
      await store.memberDeletion.set(w.org.org_id, true, Date.now()); // turning it on twice keeps it on
      assert.equal((await reasons()).DeletionPermission, true);
      assert.equal(await codeOf(deleteAccount({ MemberUin: Uin }, w.ctx)), "UnauthorizedOperation");
      const key = { uin: Uin, serviceType: "cos", resourceType: "bucket", region: "ap-shanghai", resourceId: "logs-1250000000" };
      await store.memberResources.insert(await store.counters.next("member_resource", 1), key, Date.now());
      assert.deepEqual((await reasons()).ExistResources, [`qcs::cos:ap-shanghai:uin/${Uin}:bucket/logs-1250000000`]);
      assert.equal(await codeOf(deleteAccount({ MemberUin: Uin }, ops)), "UnsupportedOperation.MemberAccountExistResource");
      await store.memberResources.delete(key);
      await deleteAccount({ MemberUin: Uin }, ops);
      assert.equal(await store.members.find(Uin), undefined);
    });

    it("lets one of several concurrent retries of a creation record succeed", async () => {
      const w = await world(store);
      const message = await create(w, "boss").then(
        () => "",
        (e: Error) => e.message,
      );
      const recordId = Number(/RecordId (\d+)/.exec(message)?.[1]);
      assert.ok(recordId > 0, message);
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => create(w, "retried", { RecordId: recordId })));
      const ok = results.filter((r) => r.status === "fulfilled");
      assert.equal(ok.length, 1);
      for (const r of results) if (r.status === "rejected") assert.equal((r.reason as { code: string }).code, "FailedOperation.CreateRecordAlreadySuccess");
      const record = await store.memberRecords.find(recordId);
      assert.equal(record?.status, "Success");
      assert.equal(record?.member_uin, (ok[0] as PromiseFulfilledResult<{ Uin: number }>).value.Uin);
    });

    it("searches names by exact, case-sensitive prefix whatever the database collation", async () => {
      const w = await world(store);
      for (const name of ["ab", "Ab", "abc", "a-b", "ab中文", "ac", "b"]) await create(w, name);
      const names = async (key: string) =>
        (await describeOrganizationMembers({ Offset: 0, Limit: 50, SearchKey: key }, w.ctx)).Items.map((m) => m.Name);
      assert.deepEqual(await names("ab"), ["ab", "abc", "ab中文"]);
      assert.deepEqual(await names("A"), ["Ab"]);
      assert.deepEqual(await names("a-"), ["a-b"]);
      assert.deepEqual(await names("ab中"), ["ab中文"]);
      assert.deepEqual(await names("%"), []);
    });

    it("an organization manages 100 accounts by default, its admin included (FAQ: more by a support ticket)", async () => {
      const w = await world(store);
      // the admin and boss are in; 97 more make 99
      const now = Date.now();
      for (let i = 0; i < 97; i++) {
        const uin = await createAccount(store, { name: `filler${i}`, verification: "enterprise", entityName: "Example Ltd", site: "china" }, now);
        await addMember(store, { uin, orgId: w.org.org_id, nodeId: w.org.root_node_id, name: `filler${i}` });
      }
      assert.equal(w.ctx.settings.maxMembers, DEFAULT_DOMAIN_SETTINGS.maxMembers);
      await create(w, "the100th");
      assert.equal(await store.members.countInOrg(w.org.org_id), 100);
      assert.equal(await codeOf(create(w, "the101st")), "LimitExceeded.OrganizationMemberOverLimit");
      const invitee = await w.account("invitee");
      const invite = inviteOrganizationMember({ MemberUin: invitee, Name: "invitee", PolicyType: "Financial", PermissionIds: [1, 2], NodeId: w.org.root_node_id }, w.ctx);
      assert.equal(await codeOf(invite), "LimitExceeded.OrganizationMemberOverLimit");
    });
  });
}
