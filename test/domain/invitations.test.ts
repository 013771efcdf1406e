import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Context } from "../../src/domain/base/context.js";
import { inviteOrganizationMember } from "../../src/domain/invitations/invite-organization-member.js";
import { DAY_MS } from "../../src/domain/invitations/rules.js";
import { acceptOrganizationInvitation } from "../../src/domain/legacy/accept-organization-invitation.js";
import { sendOrganizationInvitation } from "../../src/domain/legacy/send-organization-invitation.js";
import { ApiError } from "../../src/protocol/api-error.js";
import type { Store } from "../../src/store/store.js";
import { codeOf, domainContext, organizationOf } from "../helpers/domain.js";
import { DIALECTS } from "../helpers/dialects.js";
import { storeAccount, storeCreatedMember } from "../helpers/invitation-fixtures.js";

for (const dialect of DIALECTS) {
  describe(`invitation acceptance (${dialect.name})`, () => {
    let store: Store;
    let clock = Date.parse("2024-03-01T02:00:00Z");
    const ctxOf = (uin: number, settings = {}): Context => domainContext(store, uin, { clock: () => clock, settings });

    before(async () => {
      store = await dialect.open();
    });
    after(async () => {
      await dialect.dispose(store);
    });

    async function newOrg() {
      const admin = await storeAccount(store);
      const { org } = await organizationOf(ctxOf(admin));
      return { admin, org };
    }
    /** the id of the latest invitation an account received */
    async function latestId(uin: number): Promise<number> {
      return (await store.invitations.listReceived(uin, 0, 1)).rows[0].invitation_id;
    }

    it("makes the invitee a member of type Invite on the invitation's terms, tags and relation included", async () => {
      const { admin, org } = await newOrg();
      const invitee = await storeAccount(store, { entity: "Partner Ltd" });
      await inviteOrganizationMember(
        {
          MemberUin: invitee,
          Name: "partner",
          PolicyType: "Financial",
          PermissionIds: [2, 1, 4],
          NodeId: org.root_node_id,
          Remark: "hello",
          IsAllowQuit: "Denied",
          RelationAuthName: "Partner Ltd",
          AuthFile: [{ Name: "proof.pdf", Url: "https://example.com/proof.pdf" }],
          Tags: [{ TagKey: "team", TagValue: "blue" }],
        },
        ctxOf(admin),
      );
      const id = await latestId(invitee);
      assert.equal((await store.invitations.find(id))?.relation_auth_name, "Partner Ltd");
      await acceptOrganizationInvitation({ Id: id }, ctxOf(invitee));
      const m = await store.members.find(invitee);
      assert.deepEqual(
        { org: m?.org_id, node: m?.node_id, type: m?.member_type, admin: m?.is_admin, name: m?.name, perms: m?.permission_ids, quit: m?.is_allow_quit, remark: m?.remark, pay: m?.pay_uin },
        { org: org.org_id, node: org.root_node_id, type: "Invite", admin: 0, name: "partner", perms: "1,2,4", quit: "Denied", remark: "hello", pay: null },
      );
      assert.deepEqual((await store.tags.forMany("member", [invitee])).get(invitee), [{ TagKey: "team", TagValue: "blue" }]);
      assert.equal((await store.invitations.find(id))?.status, "Accepted");
    });

    it("refuses acceptance when a member took the name meanwhile, or the organization filled up", async () => {
      const { admin, org } = await newOrg();
      const invitee = await storeAccount(store);
      await sendOrganizationInvitation({ InviteUin: invitee, Name: "wanted", Remark: "" }, ctxOf(admin));
      const id = await latestId(invitee);
      // the limit was lowered after the invitation was made: the admin alone fills it
      assert.equal(await codeOf(acceptOrganizationInvitation({ Id: id }, ctxOf(invitee, { maxMembers: 1 }))), "LimitExceeded.Members");
      const squatter = await storeAccount(store);
      await storeCreatedMember(store, org.org_id, org.root_node_id, squatter, "wanted");
      assert.equal(await codeOf(acceptOrganizationInvitation({ Id: id }, ctxOf(invitee))), "FailedOperation.MemberNameUsed");
      assert.equal(await store.members.find(invitee), undefined);
      assert.equal((await store.invitations.find(id))?.status, "Pending");
    });

    it("lets concurrent acceptances of two organizations' invitations make one membership", async () => {
      const a = await newOrg();
      const b = await newOrg();
      const invitee = await storeAccount(store);
      await sendOrganizationInvitation({ InviteUin: invitee, Name: "racer", Remark: "" }, ctxOf(a.admin));
      await sendOrganizationInvitation({ InviteUin: invitee, Name: "racer", Remark: "" }, ctxOf(b.admin));
      const ids = (await store.invitations.listReceived(invitee, 0, 10)).rows.map((r) => r.invitation_id);
      const results = await Promise.allSettled(ids.map((Id) => acceptOrganizationInvitation({ Id }, ctxOf(invitee))));
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
      for (const r of results) if (r.status === "rejected") assert.equal((r.reason as ApiError).code, "FailedOperation.InOrganizationAlready");
      assert.ok(await store.members.find(invitee));
    });

    it("marks an expired invitation Expired when the account is invited again", async () => {
      const { admin } = await newOrg();
      const invitee = await storeAccount(store);
      await sendOrganizationInvitation({ InviteUin: invitee, Name: "later", Remark: "" }, ctxOf(admin));
      const first = await latestId(invitee);
      clock += 8 * DAY_MS;
      assert.equal(await codeOf(acceptOrganizationInvitation({ Id: first }, ctxOf(invitee))), "ResourceNotFound.InvitationNotExist");
      await sendOrganizationInvitation({ InviteUin: invitee, Name: "later", Remark: "" }, ctxOf(admin));
      assert.equal((await store.invitations.find(first))?.status, "Expired");
      await acceptOrganizationInvitation({ Id: await latestId(invitee) }, ctxOf(invitee));
      assert.equal((await store.members.find(invitee))?.name, "later");
    });
  });
}
