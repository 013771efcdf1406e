import { randomBytes } from "node:crypto";
import type { Keys, TcoServer, TestAccount } from "./server.js";

/** An organization created through the API, with its admin's clients. */
export interface Org {
  admin: TestAccount;
  c: ReturnType<TcoServer["client"]>;
  orgId: number;
  root: number;
}

/** A member account with keys to call as it. */
export interface Member extends Keys {
  uin: number;
  name: string;
}

const unique = () => randomBytes(3).toString("hex");

/** An organization whose admin is a fresh enterprise-verified account. */
export async function newOrg(server: TcoServer): Promise<Org> {
  const admin = await server.createAccount({ name: `host_${unique()}`, entity: "Example Ltd" });
  const c = server.client(admin);
  const { OrgId } = await c.CreateOrganization();
  const { RootNodeId } = await c.DescribeOrganization({});
  return { admin, c, orgId: OrgId!, root: RootNodeId! };
}

/** A member account created by the organization (CreateOrganizationMember), with a key issued by the operator. */
export async function createdMember(server: TcoServer, o: Org, name = `m_${unique()}`, nodeId = o.root): Promise<Member> {
  const { Uin } = await o.c.CreateOrganizationMember({ Name: name, AccountName: name, PolicyType: "Financial", PermissionIds: [1, 2], NodeId: nodeId });
  const key = await server.operator("CreateAccessKey", { Uin });
  return { uin: Uin!, name, secretId: key.SecretId, secretKey: key.SecretKey };
}

/** An existing account invited (InviteOrganizationMember) that accepted (AcceptOrganizationInvitation). */
export async function invitedMember(server: TcoServer, o: Org, name = `i_${unique()}`, nodeId = o.root): Promise<Member> {
  const account = await server.createAccount({ name, entity: "Example Ltd" });
  await o.c.InviteOrganizationMember({ MemberUin: account.uin, Name: name, PolicyType: "Financial", PermissionIds: [1, 2], NodeId: nodeId });
  const [inv] = (await server.client2018(account).ListOrganizationInvitations({ Invited: 1 })).Invitations!;
  await server.client2018(account).AcceptOrganizationInvitation({ Id: inv.Id! });
  return { ...account, name };
}

/** A department under `parent` (AddOrganizationNode). */
export async function department(o: Org, name: string, parent = o.root): Promise<number> {
  return (await o.c.AddOrganizationNode({ ParentNodeId: parent, Name: name })).NodeId!;
}

/** A sub-account of `owner` with its own key (CreateSubAccount): DeleteAccount takes an admin's sub-account key, never the admin's own. */
export async function subAccountKeys(server: TcoServer, owner: number, name = "ops"): Promise<Keys> {
  const sub = await server.operator("CreateSubAccount", { OwnerUin: owner, Name: name });
  return { secretId: sub.SecretId, secretKey: sub.SecretKey };
}
