import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Context } from "../../src/domain/base/context.js";
import { addOrganizationMemberEmail } from "../../src/domain/member-email/add-organization-member-email.js";
import { confirmMemberEmail } from "../../src/domain/member-email/confirm-member-email.js";
import { describeOrganizationMemberEmailBind } from "../../src/domain/member-email/describe-organization-member-email-bind.js";
import {
  DAY_MS,
  HOUR_MS,
  LINK_EXPIRED,
  MAX_ACCOUNTS_PER_PHONE,
  MAX_BINDS_PER_DAY,
  MAX_BOUND_CHANGES_PER_MONTH,
  MAX_RESENDS,
  MAX_RESENDS_PER_HOUR,
  MAX_UPDATES,
  startOfLocalMonth,
} from "../../src/domain/member-email/rules.js";
import { sendOrgMemberAccountBindEmail } from "../../src/domain/member-email/send-org-member-account-bind-email.js";
import { updateOrganizationMemberEmailBind } from "../../src/domain/member-email/update-organization-member-email-bind.js";
import { ApiError } from "../../src/protocol/api-error.js";
import type { Store } from "../../src/store/store.js";
import { codeOf, domainContext, organizationOf } from "../helpers/domain.js";
import { DIALECTS } from "../helpers/dialects.js";
import { storeAccount, storeCreatedMember } from "../helpers/invitation-fixtures.js";

// Binding needs members of type Create, which another area's action makes: these tests put such
// members in the store directly and call the handlers, on every dialect.
for (const dialect of DIALECTS) {
  describe(`member e-mail binding rules (${dialect.name})`, () => {
    let store: Store;
    let clock = Date.parse("2024-03-01T02:00:00Z");
    let ctx: Context;
    let org: { orgId: number; rootNodeId: number };
    let seq = 0;

    before(async () => {
      store = await dialect.open();
      const admin = await storeAccount(store);
      ctx = domainContext(store, admin, { clock: () => clock });
      const created = await organizationOf(ctx);
      org = { orgId: created.org.org_id, rootNodeId: created.org.root_node_id };
    });
    after(async () => {
      await dialect.dispose(store);
    });

    async function member(o: { mail?: string } = {}): Promise<number> {
      const uin = await storeAccount(store, o);
      await storeCreatedMember(store, org.orgId, org.rootNodeId, uin, `created_${++seq}`);
      return uin;
    }
    let phones = 0;
    const freshPhone = () => `139${String(++phones).padStart(8, "0")}`;
    const add = (uin: number, email: string, phone = freshPhone()) => addOrganizationMemberEmail({ MemberUin: uin, Email: email, CountryCode: "86", Phone: phone }, ctx);
    const describeBind = (uin: number) => describeOrganizationMemberEmailBind({ MemberUin: uin }, ctx);
    const send = (uin: number, bindId: number) => sendOrgMemberAccountBindEmail({ MemberUin: uin, BindId: bindId }, ctx);
    const update = (uin: number, bindId: number, email: string, phone = freshPhone()) =>
      updateOrganizationMemberEmailBind({ MemberUin: uin, BindId: bindId, Email: email, CountryCode: "86", Phone: phone }, ctx);

    it("lets one phone verify a limited number of accounts", async () => {
      const uins: number[] = [];
      for (let i = 0; i < MAX_ACCOUNTS_PER_PHONE; i++) {
        uins.push(await member());
        await add(uins[i], `phone${i}@example.com`, "13700000000");
      }
      const extra = await member();
      assert.equal(await codeOf(add(extra, "phone-extra@example.com", "13700000000")), "LimitExceeded.PhoneNumBound");
      await confirmMemberEmail(store, clock, uins[0], false);
      const { BindId } = await add(extra, "phone-extra@example.com", "13700000000");
      assert.ok(BindId);
    });

    it("allows a limited number of changes before activation", async () => {
      const uin = await member();
      const { BindId } = await add(uin, "change0@example.com");
      for (let i = 1; i <= MAX_UPDATES; i++) await update(uin, BindId!, `change${i}@example.com`);
      assert.equal(await codeOf(update(uin, BindId!, "change-more@example.com")), "LimitExceeded.UpdateEmailBindOverLimit");
      assert.equal((await describeBind(uin)).Email, `change${MAX_UPDATES}@example.com`);
      // the addresses given up on the way are free again
      const other = await member();
      await add(other, "change0@example.com");
      assert.equal(await codeOf(update(uin, 999999, "x@example.com")), "ResourceNotFound.EmailBindRecordNotExist");
      assert.equal(await codeOf(update(other, (await describeBind(other)).BindId!, `change${MAX_UPDATES}@example.com`)), "FailedOperation.EmailAlreadyUsed");
      assert.equal(await codeOf(update(other, (await describeBind(other)).BindId!, "no address")), "InvalidParameter");
      assert.equal(await codeOf(update(other, BindId!, "x@example.com")), "ResourceNotFound.EmailBindRecordNotExist");
    });

    it("changes an activated binding a limited number of times a month; each change awaits activation again", async () => {
      const uin = await member();
      const { BindId } = await add(uin, "bound0@example.com");
      await confirmMemberEmail(store, clock, uin, true);
      const tz = ctx.settings.utcOffsetMinutes;
      // start in the middle of a (local) month, so the changes below fall in one month
      clock = startOfLocalMonth(clock, tz) + 40 * DAY_MS;
      clock = startOfLocalMonth(clock, tz) + 10 * DAY_MS;
      let activated = "bound0@example.com";
      for (let i = 1; i <= MAX_BOUND_CHANGES_PER_MONTH; i++) {
        await update(uin, BindId!, `bound${i}@example.com`);
        const d = await describeBind(uin);
        assert.deepEqual([d.BindId, d.BindStatus, d.Email, d.BindTime], [BindId, "Valid", `bound${i}@example.com`, ""], "the new address awaits activation");
        assert.equal((await store.accounts.find(uin))?.mail, activated, "the activated address stays the login e-mail until then");
        activated = `bound${i}@example.com`;
        // before its activation the new address may still be corrected (those changes are not counted here)
        if (i === 1) for (let j = 1; j <= MAX_UPDATES; j++) await update(uin, BindId!, (activated = `bound1-${j}@example.com`));
        await confirmMemberEmail(store, clock, uin, true);
        assert.equal((await store.accounts.find(uin))?.mail, activated);
        clock += DAY_MS;
      }
      assert.equal(await codeOf(update(uin, BindId!, "bound-more@example.com")), "LimitExceeded.UpdateEmailBindOverLimit");
      assert.equal((await describeBind(uin)).BindStatus, "Success", "the refused change left the binding as it was");
      // a new month allows changes again
      clock = startOfLocalMonth(startOfLocalMonth(clock, tz) + 32 * DAY_MS, tz);
      await update(uin, BindId!, "bound-more@example.com");
      assert.equal((await describeBind(uin)).BindStatus, "Valid");
    });

    it("limits resending the activation mail per hour and in all", async () => {
      const uin = await member();
      const { BindId } = await add(uin, "resend@example.com");
      let sent = 0;
      while (sent < MAX_RESENDS) {
        for (let i = 0; i < MAX_RESENDS_PER_HOUR && sent < MAX_RESENDS; i++, sent++) await send(uin, BindId!);
        if (sent < MAX_RESENDS) {
          assert.equal(await codeOf(send(uin, BindId!)), "LimitExceeded.SendEmailWithinOneHourLimit");
          clock += HOUR_MS;
        }
      }
      clock += HOUR_MS;
      assert.equal(await codeOf(send(uin, BindId!)), "LimitExceeded.SendEmailLimit");
    });

    it("fails a binding whose link expired, and lets a new address be bound", async () => {
      const uin = await member();
      const { BindId } = await add(uin, "late@example.com");
      clock += 14 * DAY_MS;
      await send(uin, BindId!); // a new link, valid 15 days from now
      clock += 14 * DAY_MS;
      assert.equal((await describeBind(uin)).BindStatus, "Valid");
      clock += 2 * DAY_MS;
      const d = await describeBind(uin);
      assert.equal(d.BindStatus, "Failed");
      assert.equal(d.Description, LINK_EXPIRED);
      assert.equal(await codeOf(send(uin, BindId!)), "FailedOperation.EmailBindRecordInvalid");
      assert.equal(await codeOf(update(uin, BindId!, "late2@example.com")), "FailedOperation.EmailBindRecordInvalid");
      assert.equal(await codeOf(confirmMemberEmail(store, clock, uin, true)), "FailedOperation.BindEmailLinkExpired");
      assert.equal((await store.emailBinds.find(BindId!))?.status, "Failed");
      assert.equal(await codeOf(confirmMemberEmail(store, clock, uin, true)), "FailedOperation.BindEmailLinkInvalid");
      assert.equal(await codeOf(add(uin, "late@example.com")), "FailedOperation.EmailAlreadyUsed");
      await add(uin, "late2@example.com");
      assert.equal((await confirmMemberEmail(store, clock, uin, true)).status, "Success");
      assert.equal((await store.accounts.find(uin))?.mail, "late2@example.com");
    });

    it("caps the bindings a member may apply for in a day", async () => {
      const uin = await member();
      for (let i = 0; i < MAX_BINDS_PER_DAY; i++) {
        await add(uin, `daily${i}@example.com`);
        await confirmMemberEmail(store, clock, uin, false, "bounced");
      }
      assert.equal(await codeOf(add(uin, "daily-more@example.com")), "LimitExceeded.EmailBindOverLimit");
      clock += DAY_MS;
      await add(uin, "daily-more@example.com");
    });

    it("refuses another account's registry e-mail, but not the member's own", async () => {
      await storeAccount(store, { mail: "Someone@Example.com" });
      const uin = await member({ mail: "mine@example.com" });
      assert.equal(await codeOf(add(uin, "someone@example.com")), "FailedOperation.EmailAlreadyUsed");
      await add(uin, "mine@example.com");
    });

    it("answers BindStatus of many members in one query (for member listings)", async () => {
      const [unbound, valid, success, failed, expired] = [await member(), await member(), await member(), await member(), await member()];
      await add(valid, "s-valid@example.com");
      await add(success, "s-success@example.com");
      await confirmMemberEmail(store, clock, success, true);
      await add(failed, "s-failed@example.com");
      await confirmMemberEmail(store, clock, failed, false);
      await add(expired, "s-expired@example.com");
      const later = clock + 16 * DAY_MS;
      const statuses = await store.emailBinds.statusesFor([unbound, valid, success, failed, 999999999999], clock);
      assert.deepEqual([...statuses.entries()], [
        [unbound, "Unbound"],
        [valid, "Valid"],
        [success, "Success"],
        [failed, "Failed"],
        [999999999999, "Unbound"],
      ]);
      assert.equal((await store.emailBinds.statusesFor([expired, success], later)).get(expired), "Failed");
    });

    it("answers callers without an organization, and UINs that are not its members", async () => {
      const uin = await member();
      const { BindId } = await add(uin, "scope@example.com");
      const outsider = domainContext(store, await storeAccount(store), { clock: () => clock });
      const stranger = await storeAccount(store);
      const upd = (c: Context, m: number) => updateOrganizationMemberEmailBind({ MemberUin: m, BindId: BindId!, Email: "scope2@example.com", CountryCode: "86", Phone: freshPhone() }, c);
      assert.equal(await codeOf(upd(outsider, uin)), "ResourceNotFound.OrganizationNotExist");
      assert.equal(await codeOf(sendOrgMemberAccountBindEmail({ MemberUin: uin, BindId: BindId! }, outsider)), "ResourceNotFound.OrganizationNotExist");
      assert.equal(await codeOf(upd(ctx, stranger)), "ResourceNotFound.OrganizationMemberNotExist");
      assert.equal(await codeOf(upd(ctx, 999999999999)), "ResourceNotFound.OrganizationMemberNotExist");
    });

    it("settles concurrent bindings of one member with exactly one", async () => {
      const uin = await member();
      const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => add(uin, `race${i}@example.com`)));
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
      for (const r of results) if (r.status === "rejected") assert.equal((r.reason as ApiError).code, "FailedOperation.MemberEmailExist");
    });
  });
}
