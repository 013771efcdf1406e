import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { Fixtures, type Org } from "../helpers/invitation-fixtures.js";
import { errorCode, MAIN_JS, ROOT_SECRET_ID, ROOT_SECRET_KEY, TcoServer } from "../helpers/server.js";

const run = promisify(execFile);

describe("member login e-mail binding", () => {
  let server: TcoServer;
  const f = new Fixtures(() => server);
  let org: Org;
  before(async () => {
    server = await TcoServer.start();
    org = await f.org();
  });
  after(async () => {
    await server.stop();
  });

  /** `tco member confirm-email` against the test server: its exit code and output. */
  async function confirmEmail(...args: string[]): Promise<{ code: number; out: string }> {
    const env = { ...process.env, TCO_ROOT_SECRET_ID: ROOT_SECRET_ID, TCO_ROOT_SECRET_KEY: ROOT_SECRET_KEY, TCO_ENDPOINT: server.url };
    try {
      const { stdout } = await run(process.execPath, [MAIN_JS, "member", "confirm-email", ...args], { env });
      return { code: 0, out: stdout };
    } catch (e) {
      const err = e as { code: number; stderr: string };
      return { code: err.code, out: err.stderr };
    }
  }

  /** A member account created by the organization (CreateOrganizationMember). */
  async function createdMember(name: string): Promise<{ uin: number }> {
    const { Uin } = await server
      .client(org.admin)
      .CreateOrganizationMember({ Name: name, AccountName: name, PolicyType: "Financial", PermissionIds: [1, 2], NodeId: org.rootNodeId });
    return { uin: Uin! };
  }
  const bindStatusListed = async (uin: number) =>
    (await server.client(org.admin).DescribeOrganizationMembers({ Offset: 0, Limit: 50, SearchKey: String(uin) })).Items!.find((m) => m.MemberUin === uin)?.BindStatus;

  const add = (uin: number, email: string, phone = "13800000001") =>
    server.client(org.admin).AddOrganizationMemberEmail({ MemberUin: uin, Email: email, CountryCode: "86", Phone: phone });
  const describeBind = (uin: number) => server.client(org.admin).DescribeOrganizationMemberEmailBind({ MemberUin: uin });

  it("binds a created member's e-mail: Valid until the member activates it, then Success", async () => {
    const m = await createdMember("created_one");
    assert.equal((await describeBind(m.uin)).BindStatus, "Unbound");
    assert.equal(await bindStatusListed(m.uin), "Unbound");
    // a created member without security information cannot be removed from the organization
    assert.equal(await errorCode(server.client(org.admin).DeleteOrganizationMembers({ MemberUin: [m.uin] })), "UnsupportedOperation.CreateMemberNotAllowDelete");
    const { BindId } = await add(m.uin, "one@example.com");
    assert.equal(await bindStatusListed(m.uin), "Valid");
    assert.ok(Number.isInteger(BindId) && BindId! > 0);
    const pending = await describeBind(m.uin);
    assert.deepEqual(
      { BindId: pending.BindId, Email: pending.Email, Phone: pending.Phone, CountryCode: pending.CountryCode, BindStatus: pending.BindStatus, PhoneBind: pending.PhoneBind, BindTime: pending.BindTime },
      // the phone masked as the example shows it ("18***32"), the e-mail in clear as there ("123@qq.com")
      { BindId, Email: "one@example.com", Phone: "13***01", CountryCode: "86", BindStatus: "Valid", PhoneBind: 0, BindTime: "" },
    );
    assert.match(pending.ApplyTime!, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    assert.equal(await errorCode(add(m.uin, "another@example.com")), "FailedOperation.MemberEmailExist");

    await server.client(org.admin).SendOrgMemberAccountBindEmail({ MemberUin: m.uin, BindId: BindId! });
    await server.client(org.admin).UpdateOrganizationMemberEmailBind({ MemberUin: m.uin, BindId: BindId!, Email: "One.Fixed@example.com", CountryCode: "+86", Phone: "13800000002" });
    assert.equal((await describeBind(m.uin)).Email, "One.Fixed@example.com");

    const confirmed = await confirmEmail("--uin", String(m.uin));
    assert.equal(confirmed.code, 0, confirmed.out);
    assert.match(confirmed.out, /Success/);
    const bound = await describeBind(m.uin);
    assert.equal(bound.BindStatus, "Success");
    assert.equal(await bindStatusListed(m.uin), "Success");
    assert.equal(bound.PhoneBind, 1);
    assert.equal(bound.Phone, "13***02");
    assert.match(bound.BindTime!, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // the address is now the account's login e-mail
    const { Accounts } = await server.operator("ListAccounts", { Limit: 1000 });
    assert.equal(Accounts.find((a: { Uin: number }) => a.Uin === m.uin).Mail, "One.Fixed@example.com");

    assert.equal(await errorCode(server.client(org.admin).SendOrgMemberAccountBindEmail({ MemberUin: m.uin, BindId: BindId! })), "FailedOperation.EmailBindRecordInvalid");
    assert.equal(await errorCode(add(m.uin, "third@example.com")), "FailedOperation.MemberEmailExist");
    const again = await confirmEmail("--uin", String(m.uin));
    assert.equal(again.code, 1);
    assert.match(again.out, /not awaiting activation/);

    // an activated binding may be changed: the new address awaits activation, the old one stays the login e-mail until then
    await server.client(org.admin).UpdateOrganizationMemberEmailBind({ MemberUin: m.uin, BindId: BindId!, Email: "one.moved@example.com", CountryCode: "86", Phone: "13800000003" });
    const moved = await describeBind(m.uin);
    assert.deepEqual([moved.BindId, moved.BindStatus, moved.Email, moved.Phone, moved.PhoneBind], [BindId, "Valid", "one.moved@example.com", "13***03", 0]);
    assert.equal((await server.operator("ListAccounts", { Limit: 1000 })).Accounts.find((a: { Uin: number }) => a.Uin === m.uin).Mail, "One.Fixed@example.com");
    assert.equal(await errorCode(server.client(org.admin).DeleteOrganizationMembers({ MemberUin: [m.uin] })), "UnsupportedOperation.CreateMemberNotAllowDelete");
    assert.equal((await confirmEmail("--uin", String(m.uin))).code, 0);
    assert.equal((await server.operator("ListAccounts", { Limit: 1000 })).Accounts.find((a: { Uin: number }) => a.Uin === m.uin).Mail, "one.moved@example.com");
    // with its security information bound, the created member may now leave the organization
    await server.client(org.admin).DeleteOrganizationMembers({ MemberUin: [m.uin] });
    assert.equal(await bindStatusListed(m.uin), undefined);
  });

  it("records a failed activation; the failed address can never be bound again", async () => {
    const m = await createdMember("created_two");
    const first = await add(m.uin, "two@example.com");
    const failed = await confirmEmail("--uin", String(m.uin), "--fail", "--reason", "mailbox unreachable");
    assert.equal(failed.code, 0, failed.out);
    const d = await describeBind(m.uin);
    assert.equal(d.BindStatus, "Failed");
    assert.equal(d.Description, "mailbox unreachable");
    assert.equal(await errorCode(add(m.uin, "TWO@example.com")), "FailedOperation.EmailAlreadyUsed");
    assert.equal(await errorCode(add(m.uin, "one.moved@example.com")), "FailedOperation.EmailAlreadyUsed");
    assert.equal(await errorCode(server.client(org.admin).SendOrgMemberAccountBindEmail({ MemberUin: m.uin, BindId: first.BindId! })), "FailedOperation.EmailBindRecordInvalid");
    assert.equal(
      await errorCode(server.client(org.admin).UpdateOrganizationMemberEmailBind({ MemberUin: m.uin, BindId: first.BindId!, Email: "y@example.com", CountryCode: "86", Phone: "13800000003" })),
      "FailedOperation.EmailBindRecordInvalid",
    );
    const second = await add(m.uin, "two.again@example.com");
    assert.notEqual(second.BindId, first.BindId);
    assert.equal((await describeBind(m.uin)).BindStatus, "Valid");
    assert.equal(
      await errorCode(server.client(org.admin).SendOrgMemberAccountBindEmail({ MemberUin: m.uin, BindId: 987654 })),
      "ResourceNotFound.EmailBindRecordNotExist",
    );
  });

  it("refuses invited members, which keep their own login", async () => {
    const invited = await f.member(org);
    assert.equal(await errorCode(add(invited.uin, "invited@example.com")), "UnsupportedOperation");
    assert.equal(
      await errorCode(server.client(org.admin).UpdateOrganizationMemberEmailBind({ MemberUin: invited.uin, BindId: 1, Email: "i@example.com", CountryCode: "86", Phone: "13800000003" })),
      "UnsupportedOperation",
    );
    assert.equal(await errorCode(server.client(org.admin).SendOrgMemberAccountBindEmail({ MemberUin: invited.uin, BindId: 1 })), "ResourceNotFound.EmailBindRecordNotExist");
    const d = await describeBind(invited.uin);
    assert.deepEqual({ BindId: d.BindId, BindStatus: d.BindStatus, Email: d.Email, PhoneBind: d.PhoneBind }, { BindId: 0, BindStatus: "Unbound", Email: "", PhoneBind: 0 });
    const cli = await confirmEmail("--uin", String(invited.uin));
    assert.equal(cli.code, 1);
    assert.match(cli.out, /no e-mail binding/);
  });

  it("answers the documented not-found codes and checks the address and phone", async () => {
    const outsider = await f.account();
    const m = await createdMember("created_three");
    assert.equal(await errorCode(server.client(outsider).DescribeOrganizationMemberEmailBind({ MemberUin: m.uin })), "ResourceNotFound.OrganizationNotExist");
    assert.equal(await errorCode(server.client(outsider).AddOrganizationMemberEmail({ MemberUin: m.uin, Email: "a@example.com", CountryCode: "86", Phone: "13800000001" })), "ResourceNotFound.OrganizationNotExist");
    assert.equal(await errorCode(describeBind(999999999999)), "ResourceNotFound.UserNotExist");
    assert.equal(await errorCode(describeBind(outsider.uin)), "ResourceNotFound.OrganizationMemberNotExist");
    assert.equal(await errorCode(describeBind(org.admin.uin)), "ResourceNotFound.OrganizationMemberNotExist");
    assert.equal(await errorCode(add(outsider.uin, "a@example.com")), "ResourceNotFound.OrganizationMemberNotExist");
    assert.equal(await errorCode(server.client(org.admin).SendOrgMemberAccountBindEmail({ MemberUin: outsider.uin, BindId: 1 })), "ResourceNotFound.OrganizationMemberNotExist");
    assert.equal(await errorCode(add(m.uin, "not-an-address")), "InvalidParameter");
    assert.equal(await errorCode(add(m.uin, "a@example.com", "12ab")), "InvalidParameter");
    assert.equal(await errorCode(server.client(org.admin).AddOrganizationMemberEmail({ MemberUin: m.uin, Email: "a@example.com", CountryCode: "86x", Phone: "13800000001" })), "InvalidParameter");
  });
});
