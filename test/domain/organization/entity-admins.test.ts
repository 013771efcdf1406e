import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Context } from "../../../src/domain/base/context.js";
import { deleteOrganizationMembers } from "../../../src/domain/members/delete-organization-members.js";
import { relationForEntity } from "../../../src/domain/base/entity-relations.js";
import { describeOrganizationAuthNode } from "../../../src/domain/organization/describe-organization-auth-node.js";
import { listEntityRelations, setEntityAdmin } from "../../../src/domain/organization/entity-admins.js";
import { quitOrganization } from "../../../src/domain/organization/quit-organization.js";
import { isForeignKeyViolation } from "../../../src/store/errors.js";
import type { Store } from "../../../src/store/store.js";
import { codeOf, domainContext, organizationOf } from "../../helpers/domain.js";
import { DIALECTS } from "../../helpers/dialects.js";
import { addMember } from "../../helpers/members.js";

for (const dialect of DIALECTS) {
  describe(`entity admins (${dialect.name})`, () => {
    let store: Store;
    let nextUin = 210000000001;
    before(async () => {
      store = await dialect.open();
    });
    after(async () => {
      await dialect.dispose(store);
    });

    const ctxOf = (uin: number): Context => domainContext(store, uin);
    async function account(entity: string, verification: "enterprise" | "personal" = "enterprise"): Promise<number> {
      const uin = nextUin++;
      await store.accounts.insert({ uin, name: `a${uin}`, verification, entityName: entity, site: "china", createdAt: Date.now() });
      return uin;
    }
    /** An organization of "Host Group" with a member of "Partner Ltd" that brought the entity's relation in. */
    async function world() {
      const admin = await account("Host Group");
      const { org } = await organizationOf(ctxOf(admin));
      const relationId = await relationForEntity(store, org, "Partner Ltd", Date.now());
      const join = async (uin: number) => addMember(store, { uin, orgId: org.org_id, nodeId: org.root_node_id, name: `m${uin}`, authRelationId: relationId });
      const partner = await account("Partner Ltd");
      await join(partner);
      return { admin, org, relationId, partner, join };
    }

    it("sets an entity's admin only to a member verified as that entity, and never for the admin's own entity", async () => {
      const w = await world();
      const hostId = (await listEntityRelations(store, w.org.org_id, Date.now())).find((r) => r.isHost)!.relationId;
      const outsider = await account("Partner Ltd");
      const sameEntityPersonal = await account("Partner Ltd", "personal");
      await w.join(sameEntityPersonal);
      const ownEntity = await account("Host Group");
      await w.join(ownEntity);
      const set = (uin: number | null, relationId = w.relationId, orgId = w.org.org_id) => codeOf(setEntityAdmin(store, orgId, relationId, uin));
      assert.equal(await set(outsider), "InvalidParameterValue");
      assert.equal(await set(sameEntityPersonal), "InvalidParameterValue");
      assert.equal(await set(ownEntity), "InvalidParameterValue");
      assert.equal(await set(ownEntity, hostId), "InvalidParameterValue");
      assert.equal(await set(null, hostId), "InvalidParameterValue");
      assert.equal(await set(w.partner, 424242), "ResourceNotFound");
      assert.equal(await set(w.partner, w.relationId, 424242), "ResourceNotFound");
      assert.equal((await listEntityRelations(store, w.org.org_id, Date.now())).find((r) => r.relationId === w.relationId)?.adminUin, undefined);

      await setEntityAdmin(store, w.org.org_id, w.relationId, w.partner);
      assert.deepEqual(
        (await listEntityRelations(store, w.org.org_id, Date.now())).map((r) => [r.relationId, r.authName, r.isHost, r.adminUin]),
        [[hostId, "Host Group", true, w.admin], [w.relationId, "Partner Ltd", false, w.partner]],
      );
      const nodes = await describeOrganizationAuthNode({ Offset: 0, Limit: 10 }, ctxOf(w.admin));
      assert.deepEqual(nodes.Items.map((n) => [n.RelationId, n.Manager.MemberUin]), [[hostId, w.admin], [w.relationId, w.partner]]);
    });

    it("keeps an entity's admin in the organization until it is changed or removed", async () => {
      const w = await world();
      const next = await account("Partner Ltd");
      await w.join(next);
      await setEntityAdmin(store, w.org.org_id, w.relationId, w.partner);
      assert.equal(await codeOf(deleteOrganizationMembers({ MemberUin: [w.partner] }, ctxOf(w.admin))), "FailedOperation.OrganizationAuthManageNotAllowDelete");
      assert.equal(await codeOf(quitOrganization({ OrgId: w.org.org_id }, ctxOf(w.partner))), "FailedOperation.OrganizationAuthManageNotAllowDelete");
      // the database refuses too, whoever writes the membership
      const err = await store.members.delete(w.partner).then(() => undefined, (e: unknown) => e);
      assert.ok(isForeignKeyViolation(err), `a foreign-key violation, got ${String(err)}`);
      assert.ok(await store.members.find(w.partner));

      await setEntityAdmin(store, w.org.org_id, w.relationId, next); // change
      await quitOrganization({ OrgId: w.org.org_id }, ctxOf(w.partner));
      await setEntityAdmin(store, w.org.org_id, w.relationId, null); // remove
      assert.equal((await describeOrganizationAuthNode({ Offset: 0, Limit: 10 }, ctxOf(w.admin))).Total, 1);
      await deleteOrganizationMembers({ MemberUin: [next] }, ctxOf(w.admin));
      assert.equal(await store.members.find(next), undefined);
    });

    it("lets one of an admin change and the new admin's removal win, never leaving a non-member as admin", async () => {
      const w = await world();
      const next = await account("Partner Ltd");
      await w.join(next);
      const results = await Promise.allSettled([setEntityAdmin(store, w.org.org_id, w.relationId, next), deleteOrganizationMembers({ MemberUin: [next] }, ctxOf(w.admin))]);
      const [set, removed] = results;
      assert.ok(set.status === "fulfilled" || removed.status === "fulfilled", "one of them succeeds");
      const admin = (await listEntityRelations(store, w.org.org_id, Date.now())).find((r) => r.relationId === w.relationId)?.adminUin;
      if (admin !== undefined) assert.ok(await store.members.findInOrg(w.org.org_id, admin), "the entity's admin is a member");
    });
  });
}
