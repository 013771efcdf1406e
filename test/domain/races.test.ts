import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { allocateUin, createAccount } from "../../src/domain/base/accounts.js";
import type { Context } from "../../src/domain/base/context.js";
import { ApiError } from "../../src/protocol/api-error.js";
import { ACTION_ERROR_CODES, ERROR_CODES } from "../../src/spec/generated/errors.js";
import type { ApiVersion } from "../../src/spec/index.js";
import type { Store } from "../../src/store/store.js";
import { DIALECTS } from "../helpers/dialects.js";
import { callAction, domainContext } from "../helpers/domain.js";

/**
 * Organization-scoped writes racing the deletion of their organization, or of the member they
 * concern: whichever comes first, every answer is a success or a code the action documents (or a
 * common API 3.0 code), never InternalError. Each pair runs many times, starting its two calls a
 * different number of turns apart, so the interleavings differ: on SQLite, where statements run one
 * at a time, the pause decides where one handler's awaits fall between the other's; on PostgreSQL
 * both run at once on pooled connections.
 */

/** API 3.0 common codes: those of the product list no action documents, and the product-level ones the common list also names. */
const ACTION_CODES = new Set(Object.values(ACTION_ERROR_CODES).flatMap((a) => Object.values(a).flat()));
const COMMON = new Set([
  ...[...ERROR_CODES].filter((c) => !ACTION_CODES.has(c as never)),
  "FailedOperation", "InvalidParameter", "MissingParameter", "ResourceNotFound", "ResourceUnavailable", "UnauthorizedOperation", "UnsupportedOperation",
]);

/** Why an outcome is not acceptable, or undefined when it is. */
function unacceptable(version: ApiVersion, action: string, outcome: PromiseSettledResult<unknown>): string | undefined {
  if (outcome.status === "fulfilled") return undefined;
  const e = outcome.reason;
  if (!(e instanceof ApiError)) return `${action}: not an API error: ${(e as Error)?.stack ?? String(e)}`;
  if (e.code === "InternalError") return `${action}: InternalError`;
  if (!ACTION_ERROR_CODES[version][action]?.includes(e.code) && !COMMON.has(e.code)) return `${action}: undocumented ${e.code} (${e.message})`;
  return undefined;
}

/** Let `turns` microtask turns pass, then, when `yieldToIo`, one turn of the event loop. */
async function pause(turns: number, yieldToIo: boolean): Promise<void> {
  for (let i = 0; i < turns; i++) await Promise.resolve();
  if (yieldToIo) await new Promise((resolve) => setImmediate(resolve));
}

const PAUSES = [0, 1, 2, 3, 5, 8, 13, 21, 34];
const ADMIN_ACCESS = { PolicyId: 1, PolicyName: "AdministratorAccess" };
const SCP = "SERVICE_CONTROL_POLICY";
const SCP_TEXT = JSON.stringify({ version: "2.0", statement: [{ effect: "deny", action: ["cvm:*"], resource: "*" }] });

/** An organization with a department, a custom policy, a custom identity, and optionally a created member. */
interface World {
  ctx: Context;
  orgId: number;
  root: number;
  dept: number;
  policyId: number;
  identityId: number;
  /** an enterprise account of the admin's entity, outside the organization */
  outsider: number;
  /** a member account the organization created (withMember) */
  member?: number;
  /** a sub-account of the admin, which DeleteAccount takes (withMember) */
  opsSubUin?: number;
}

type Racer = [version: ApiVersion, action: string, input: (w: World) => object];

/** The deletion a racer runs against, with what must come first in the same task (unraced). */
interface Deletion {
  racer: Racer;
  /** the context that deletes (DeleteAccount: a sub-account of the admin) */
  ctx(w: World): Context;
  /** what the deletion waits for, done just before it (DeleteOrganization: no policy type enabled) */
  before?(w: World): Promise<void>;
}

const call = (version: ApiVersion, action: string, input: object, ctx: Context) => callAction(ctx, [version, action], input);

for (const dialect of DIALECTS) {
  describe(`organization-scoped writes racing deletions (${dialect.name})`, () => {
    let store: Store;
    let seq = 0;
    before(async () => {
      store = await dialect.open();
    });
    after(async () => {
      await dialect.dispose(store);
    });

    async function world(withMember: boolean): Promise<World> {
      const now = Date.now();
      const n = ++seq;
      const admin = await createAccount(store, { name: `admin${n}`, verification: "enterprise", entityName: `Entity ${n}`, site: "china" }, now);
      const outsider = await createAccount(store, { name: `out${n}`, verification: "enterprise", entityName: `Entity ${n}`, site: "china" }, now);
      const ctx = domainContext(store, admin);
      const v = "2021-03-31";
      const { OrgId } = (await call(v, "CreateOrganization", {}, ctx)) as { OrgId: number };
      const org = (await store.organizations.find(OrgId))!;
      await call(v, "EnablePolicyType", { OrganizationId: OrgId, PolicyType: SCP }, ctx);
      const { PolicyId } = (await call(v, "CreatePolicy", { Name: `p${n}`, Type: SCP, Content: SCP_TEXT }, ctx)) as { PolicyId: number };
      const { NodeId } = (await call(v, "AddOrganizationNode", { ParentNodeId: org.root_node_id, Name: `d${n}` }, ctx)) as { NodeId: number };
      const { IdentityId } = (await call(v, "CreateOrganizationIdentity", { IdentityAliasName: `i${n}`, IdentityPolicy: [ADMIN_ACCESS] }, ctx)) as { IdentityId: number };
      const w: World = { ctx, orgId: OrgId, root: org.root_node_id, dept: NodeId, policyId: PolicyId, identityId: IdentityId, outsider };
      if (withMember) {
        const { Uin } = (await call(v, "CreateOrganizationMember", { Name: `m${n}`, AccountName: `m${n}`, PolicyType: "Financial", PermissionIds: [1, 2], NodeId: org.root_node_id }, ctx)) as { Uin: number };
        w.member = Uin;
        await store.memberDeletion.set(OrgId, true, now);
        // the sub-account's row is enough: DeleteAccount looks at the calling key's sub-account only
        w.opsSubUin = await allocateUin(store);
        await store.subAccounts.insert({ sub_uin: w.opsSubUin, owner_uin: admin, name: `ops${n}`, created_at: now });
      }
      return w;
    }

    /** Run each racer against `deletion` once per pause pattern; answers every unacceptable outcome. */
    async function race(racers: readonly Racer[], withMember: boolean, deletion: Deletion): Promise<string[]> {
      const problems: string[] = [];
      for (const [version, action, input] of racers) {
        // the worlds are built side by side (independent organizations); the races run one by one
        const worlds = await Promise.all(PAUSES.map(() => world(withMember)));
        for (let round = 0; round < PAUSES.length; round++) {
          const w = worlds[round];
          const [dv, da, di] = deletion.racer;
          await deletion.before?.(w);
          const outcomes = await Promise.allSettled([
            pause(PAUSES[round], round % 2 === 1).then(() => call(version, action, input(w), w.ctx)),
            pause(PAUSES[PAUSES.length - 1 - round], round % 3 === 1).then(() => call(dv, da, di(w), deletion.ctx(w))),
          ]);
          for (const p of [unacceptable(version, action, outcomes[0]), unacceptable(dv, da, outcomes[1])]) if (p) problems.push(`round ${round}: ${p}`);
        }
      }
      return problems;
    }

    it("against DeleteOrganization: every write answers success or a documented code", async () => {
      const v21: ApiVersion = "2021-03-31";
      const v18: ApiVersion = "2018-12-25";
      const racers: Racer[] = [
        [v21, "DescribeOrganizationAuthNode", () => ({ Offset: 0, Limit: 10 })],
        [v21, "CreateOrganizationIdentity", () => ({ IdentityAliasName: "another", IdentityPolicy: [ADMIN_ACCESS] })],
        [v21, "UpdateOrganizationIdentity", (w) => ({ IdentityId: w.identityId, Description: "d", IdentityPolicy: [ADMIN_ACCESS] })],
        [v21, "DeleteOrganizationIdentity", (w) => ({ IdentityId: w.identityId })],
        [v21, "AddOrganizationNode", (w) => ({ ParentNodeId: w.root, Name: "another", Tags: [{ TagKey: "k", TagValue: "v" }] })],
        [v21, "UpdateOrganizationNode", (w) => ({ NodeId: w.dept, Name: "renamed" })],
        [v21, "DeleteOrganizationNodes", (w) => ({ NodeId: [w.dept] })],
        [v21, "CreatePolicy", () => ({ Name: "another", Type: SCP, Content: SCP_TEXT })],
        [v21, "UpdatePolicy", (w) => ({ PolicyId: w.policyId, Type: SCP, Name: "renamed" })],
        [v21, "DeletePolicy", (w) => ({ PolicyId: w.policyId, Type: SCP })],
        [v21, "AttachPolicy", (w) => ({ PolicyId: w.policyId, TargetId: w.dept, TargetType: "NODE", Type: SCP })],
        [v21, "EnablePolicyType", (w) => ({ OrganizationId: w.orgId, PolicyType: "TAG_POLICY" })],
        [v21, "DisablePolicyType", (w) => ({ OrganizationId: w.orgId, PolicyType: SCP })],
        [v21, "CreateOrganizationMember", (w) => ({ Name: "racer", AccountName: "racer", PolicyType: "Financial", PermissionIds: [1, 2], NodeId: w.root })],
        [v21, "InviteOrganizationMember", (w) => ({ MemberUin: w.outsider, Name: "racer", PolicyType: "Financial", PermissionIds: [1, 2], NodeId: w.root })],
        [v21, "MoveOrganizationNodeMembers", (w) => ({ NodeId: w.dept, MemberUin: [w.ctx.caller.uin] })],
        [v21, "UpdateOrganizationMember", (w) => ({ MemberUin: w.ctx.caller.uin, Remark: "r" })],
        [v21, "CreateOrganizationMemberAuthIdentity", (w) => ({ MemberUins: [w.ctx.caller.uin], IdentityIds: [w.identityId] })],
        [v21, "CreateOrgServiceAssign", (w) => ({ ServiceId: 1, MemberUins: [w.ctx.caller.uin] })],
        [v21, "DescribeOrganizationMembers", () => ({ Offset: 0, Limit: 10 })],
        [v18, "AddOrganizationNode", (w) => ({ ParentNodeId: w.root, Name: "legacy" })],
        [v18, "UpdateOrganizationNode", (w) => ({ NodeId: w.dept, Name: "legacy" })],
        [v18, "SendOrganizationInvitation", (w) => ({ InviteUin: w.outsider, Name: "racer", Remark: "r" })],
        [v18, "MoveOrganizationMembersToNode", (w) => ({ NodeId: w.dept, Uins: [w.ctx.caller.uin] })],
        [v18, "DeleteOrganizationNodes", (w) => ({ NodeIds: [w.dept] })],
      ];
      // DeleteOrganization waits until no policy type is enabled: the world's is disabled just before
      // each race, and EnablePolicyType racing it may still win
      const deletion: Deletion = {
        racer: [v21, "DeleteOrganization", () => ({})],
        ctx: (w) => w.ctx,
        before: async (w) => void (await call(v21, "DisablePolicyType", { OrganizationId: w.orgId, PolicyType: SCP }, w.ctx)),
      };
      assert.deepEqual(await race(racers, false, deletion), []);
    });

    it("against DeleteAccount of the member they concern: every write answers success or a documented code", async () => {
      const v21: ApiVersion = "2021-03-31";
      const racers: Racer[] = [
        [v21, "AddOrganizationMemberEmail", (w) => ({ MemberUin: w.member, Email: `m${w.member}@example.com`, CountryCode: "86", Phone: "13800000000" })],
        [v21, "UpdateOrganizationMember", (w) => ({ MemberUin: w.member, Remark: "r", Name: "renamed" })],
        [v21, "CreateOrganizationMemberAuthIdentity", (w) => ({ MemberUins: [w.member], IdentityIds: [w.identityId] })],
        [v21, "CreateOrganizationMemberPolicy", (w) => ({ MemberUin: w.member, IdentityId: 1, PolicyName: "racer" })],
        [v21, "MoveOrganizationNodeMembers", (w) => ({ NodeId: w.dept, MemberUin: [w.member] })],
        [v21, "AttachPolicy", (w) => ({ PolicyId: w.policyId, TargetId: w.member, TargetType: "MEMBER", Type: SCP })],
        [v21, "CreateOrgServiceAssign", (w) => ({ ServiceId: 1, MemberUins: [w.member] })],
      ];
      // member deletion is on in the world, and a sub-account of the admin deletes (never the admin's own key)
      const deletion: Deletion = { racer: [v21, "DeleteAccount", (w) => ({ MemberUin: w.member })], ctx: (w) => ({ ...w.ctx, caller: { ...w.ctx.caller, subUin: w.opsSubUin! } }) };
      assert.deepEqual(await race(racers, true, deletion), []);
    });
  });
}
