import type { Store } from "../../src/store/store.js";
import type { TcoServer, TestAccount } from "./server.js";

export type Verification = "none" | "personal" | "enterprise";

export interface Org {
  admin: TestAccount;
  orgId: number;
  rootNodeId: number;
}

/** Helpers bound to one server: organizations, accounts and the calls the tests repeat. */
export class Fixtures {
  private seq = 0;
  constructor(private readonly server: () => TcoServer) {}

  account(o: { verification?: Verification; entity?: string; site?: "china" | "intl"; name?: string } = {}): Promise<TestAccount> {
    return this.server().createAccount({ name: o.name, verification: o.verification, entity: o.entity, site: o.site });
  }

  async org(o: { entity?: string } = {}): Promise<Org> {
    const admin = await this.account({ entity: o.entity });
    const { OrgId } = await this.server().client(admin).CreateOrganization();
    const d = await this.server().client(admin).DescribeOrganization({});
    return { admin, orgId: OrgId!, rootNodeId: d.RootNodeId! };
  }

  name(): string {
    return `member_${++this.seq}`;
  }

  invite(org: Org, invitee: { uin: number }, extra: Record<string, unknown> = {}) {
    return this.server()
      .client(org.admin)
      .InviteOrganizationMember({ MemberUin: invitee.uin, Name: this.name(), PolicyType: "Financial", PermissionIds: [1, 2], NodeId: org.rootNodeId, ...extra });
  }

  send(org: Org, invitee: { uin: number }, name = this.name()) {
    return this.server().client2018(org.admin).SendOrganizationInvitation({ InviteUin: invitee.uin, Name: name, Remark: "from 2018" });
  }

  async received(invitee: TestAccount) {
    return (await this.server().client2018(invitee).ListOrganizationInvitations({ Invited: 1 })).Invitations!;
  }

  async lastReceivedId(invitee: TestAccount): Promise<number> {
    return (await this.received(invitee))[0].Id!;
  }

  /** an account that joined `org` by invitation */
  async member(org: Org, o: { verification?: Verification; entity?: string } = {}): Promise<TestAccount> {
    const m = await this.account(o);
    await this.invite(org, m);
    await this.server().client2018(m).AcceptOrganizationInvitation({ Id: await this.lastReceivedId(m) });
    return m;
  }

  update(uin: number, flags: Record<string, unknown>) {
    return this.server().operator("UpdateAccount", { Uin: uin, ...flags });
  }
}

let nextUin = 200000000000;

/** Register an account straight in the store (enterprise-verified as Example Ltd unless told). */
export async function storeAccount(store: Store, o: { entity?: string; mail?: string } = {}): Promise<number> {
  const uin = nextUin++;
  await store.accounts.insert({ uin, name: `acct${uin}`, mail: o.mail ?? null, verification: "enterprise", entityName: o.entity ?? "Example Ltd", site: "china", createdAt: 0 });
  return uin;
}

/** Make an account a member of type Create of an organization, straight in the store. */
export async function storeCreatedMember(store: Store, orgId: number, nodeId: number, uin: number, name: string): Promise<void> {
  await store.members.insert({
    member_uin: uin,
    org_id: orgId,
    node_id: nodeId,
    is_admin: 0,
    name,
    member_type: "Create",
    policy_type: "Financial",
    permission_ids: "1,2",
    is_allow_quit: "Denied",
    pay_uin: null,
    remark: null,
    auth_relation_id: null,
    joined_at: 0,
    updated_at: 0,
  });
}
