import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { TEST_DATABASE_URL } from "../helpers/dialects.js";
import { Fixtures, type Org } from "../helpers/invitation-fixtures.js";
import { errorCode, MAIN_JS, ROOT_SECRET_ID, ROOT_SECRET_KEY, TcoServer, type TestAccount } from "../helpers/server.js";

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const SCP = "SERVICE_CONTROL_POLICY";
const TAG = "TAG_POLICY";
const FULL_ACCESS = 1000;

/** A service control policy of one statement. */
const scp = (effect: string, action: string | string[], resource: string | string[] = "*", extra: Record<string, unknown> = {}) =>
  JSON.stringify({ version: "2.0", statement: [{ effect, action, resource, ...extra }] });
/** A tag policy. */
const tagPolicy = (tags: Record<string, unknown>) => JSON.stringify({ tags });

const run = promisify(execFile);
/** Run the `tco` CLI against a server; answers stdout. */
async function tco(server: TcoServer, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [MAIN_JS, ...args, "--endpoint", server.url], {
    env: { ...process.env, TCO_ROOT_SECRET_ID: ROOT_SECRET_ID, TCO_ROOT_SECRET_KEY: ROOT_SECRET_KEY },
  });
  return stdout;
}

/** Helpers shared by the suites below, bound to one server. */
class PolicyFixtures extends Fixtures {
  constructor(private readonly srv: () => TcoServer) {
    super(srv);
  }

  api(who: { secretId: string; secretKey: string }) {
    return this.srv().client(who);
  }

  async enable(org: Org, ...types: string[]) {
    for (const t of types) await this.api(org.admin).EnablePolicyType({ OrganizationId: org.orgId, PolicyType: t });
  }

  async dept(org: Org, parent: number, name: string): Promise<number> {
    return (await this.api(org.admin).AddOrganizationNode({ ParentNodeId: parent, Name: name })).NodeId!;
  }

  /** an account that joined `org` by invitation into department `nodeId` */
  async memberIn(org: Org, nodeId: number, name = this.name()): Promise<TestAccount> {
    const m = await this.account();
    await this.invite(org, m, { NodeId: nodeId, Name: name });
    await this.srv().client2018(m).AcceptOrganizationInvitation({ Id: await this.lastReceivedId(m) });
    return m;
  }

  async create(org: Org, name: string, type: string, content: string, description?: string): Promise<number> {
    return (await this.api(org.admin).CreatePolicy({ Name: name, Type: type, Content: content, Description: description })).PolicyId!;
  }

  async attach(org: Org, policyId: number, targetType: "NODE" | "MEMBER", targetId: number, type = SCP) {
    await this.api(org.admin).AttachPolicy({ PolicyId: policyId, TargetType: targetType, TargetId: targetId, Type: type });
  }

  async directPolicies(org: Org, targetId: number, type = SCP): Promise<number[]> {
    return (await this.api(org.admin).ListPoliciesForTarget({ TargetId: targetId, PolicyType: type, Rp: 200 })).List!.map((p) => p.StrategyId!);
  }

  async effective(who: { secretId: string; secretKey: string }, targetId: number) {
    const r = await this.api(who).DescribeEffectivePolicy({ TargetId: targetId });
    return { ...r.EffectivePolicy!, doc: JSON.parse(r.EffectivePolicy!.PolicyContent!) };
  }
}

for (const backend of TEST_DATABASE_URL ? (["sqlite", "postgres"] as const) : (["sqlite"] as const)) {
  describe(`organization management policies (${backend})`, () => {
    let server: TcoServer;
    const f = new PolicyFixtures(() => server);
    before(async () => {
      server = await TcoServer.start({ postgres: backend === "postgres" });
    });
    after(async () => {
      await server.stop();
    });

    it("enables service control policies: FullQcloudAccess on every department and member, then custom policies bound and edited", async () => {
      const org = await f.org();
      const api = f.api(org.admin);
      const engineering = await f.dept(org, org.rootNodeId, "engineering");
      const early = await f.member(org);

      for (const [Type, name] of [[0, SCP], [1, TAG]] as const) {
        const c = await api.DescribePolicyConfig({ OrganizationId: org.orgId, Type });
        assert.deepEqual([c.Status, c.Type], [0, name]);
      }
      assert.equal((await api.DescribePolicyConfig({ OrganizationId: org.orgId })).Type, SCP, "Type defaults to 0");
      assert.equal(await errorCode(api.CreatePolicy({ Name: "early", Type: SCP, Content: scp("allow", "*") })), "FailedOperation.OrganizationPolicyIsNotEnabled");

      await f.enable(org, SCP);
      assert.equal((await api.DescribePolicyConfig({ OrganizationId: org.orgId, Type: 0 })).Status, 1);
      assert.equal((await api.DescribePolicyConfig({ OrganizationId: org.orgId, Type: 1 })).Status, 0);
      assert.equal(await errorCode(f.enable(org, SCP)), "FailedOperation.OrganizationPolicyIsNotDisabled");

      // everything that exists gets FullQcloudAccess; so does what is added later
      const research = await f.dept(org, engineering, "research");
      const late = await f.memberIn(org, research);
      const { Uin: made } = await api.CreateOrganizationMember({ Name: "made_late", AccountName: "made_late", PolicyType: "Financial", PermissionIds: [1, 2], NodeId: research });
      for (const id of [org.rootNodeId, engineering, research, org.admin.uin, early.uin, late.uin, made!]) {
        assert.deepEqual(await f.directPolicies(org, id), [FULL_ACCESS], `FullQcloudAccess on ${id}`);
      }
      const [rootEntry] = (await api.ListPoliciesForTarget({ TargetId: org.rootNodeId })).List!;
      assert.equal(rootEntry.StrategyName, "FullQcloudAccess");
      assert.equal(rootEntry.Type, 1, "bound to a department");
      assert.equal(rootEntry.Uin, org.rootNodeId);
      assert.equal(rootEntry.Name, "Root");
      assert.match(rootEntry.AttachTime!, TIME);
      assert.equal((await api.ListPoliciesForTarget({ TargetId: late.uin })).List![0].Type, 2, "bound to a member");

      const presets = await api.ListPolicies({ Scope: "QCS" });
      assert.equal(presets.TotalNum, 1);
      assert.deepEqual({ ...presets.List![0], AddTime: "", UpdateTime: "" }, {
        PolicyId: FULL_ACCESS,
        PolicyName: "FullQcloudAccess",
        Type: 2,
        AttachedTimes: 7,
        Description: presets.List![0].Description,
        AddTime: "",
        UpdateTime: "",
      });
      const preset = await api.DescribePolicy({ PolicyId: FULL_ACCESS });
      assert.equal(preset.Type, 2);
      assert.deepEqual(JSON.parse(preset.PolicyDocument!), { version: "2.0", statement: [{ effect: "allow", action: "*", resource: "*" }] });

      // a custom deny policy, bound to a department
      const content = scp("deny", ["cvm:TerminateInstances", "cbs:Delete*"], ["qcs::cvm:ap-guangzhou:uin/100000000001:instance/*", "*"]);
      const denyId = await f.create(org, "deny_terminate", SCP, content, "no terminating");
      assert.ok(denyId >= 100001);
      const d = await api.DescribePolicy({ PolicyId: denyId, PolicyType: SCP });
      assert.deepEqual([d.PolicyId, d.PolicyName, d.Type, d.Description, d.PolicyDocument], [denyId, "deny_terminate", 1, "no terminating", content]);
      assert.match(d.AddTime!, TIME);
      assert.match(d.UpdateTime!, TIME);

      await f.attach(org, denyId, "NODE", engineering);
      await f.attach(org, denyId, "NODE", engineering); // binding again changes nothing
      assert.deepEqual(await f.directPolicies(org, engineering), [FULL_ACCESS, denyId]);
      const targets = await api.ListTargetsForPolicy({ PolicyId: denyId });
      assert.equal(targets.TotalNum, 1);
      assert.deepEqual({ ...targets.List![0], AddTime: "" }, { Uin: engineering, RelatedType: 1, Name: "engineering", AddTime: "" });
      assert.match(targets.List![0].AddTime!, TIME);
      const listed = (await api.ListPoliciesForTarget({ TargetId: engineering })).List!.find((p) => p.StrategyId === denyId)!;
      assert.deepEqual([listed.StrategyName, listed.Remark, listed.Uin, listed.Name, listed.Type], ["deny_terminate", "no terminating", engineering, "engineering", 1]);

      // edits apply where it is bound
      const newContent = scp("deny", "cvm:*");
      await api.UpdatePolicy({ PolicyId: denyId, Name: "deny_cvm", Description: "no cvm at all", Content: newContent });
      const u = await api.DescribePolicy({ PolicyId: denyId });
      assert.deepEqual([u.PolicyName, u.Description, u.PolicyDocument], ["deny_cvm", "no cvm at all", newContent]);
      assert.ok(u.UpdateTime! >= u.AddTime!);
      assert.equal((await api.ListPoliciesForTarget({ TargetId: engineering })).List!.find((p) => p.StrategyId === denyId)!.StrategyName, "deny_cvm");
      await api.UpdatePolicy({ PolicyId: denyId, Type: SCP });
      assert.equal((await api.DescribePolicy({ PolicyId: denyId })).PolicyName, "deny_cvm", "an update naming nothing changes nothing");
    });

    it("merges tag policies from the root down to a member three levels below: @@assign, @@append, @@remove, child controls, siblings", async () => {
      const started = Math.floor(Date.now() / 1000) - 1;
      const org = await f.org();
      const api = f.api(org.admin);
      await f.enable(org, SCP, TAG);
      assert.equal((await api.DescribePolicyConfig({ OrganizationId: org.orgId, Type: 1 })).Status, 1);
      const dept = await f.dept(org, org.rootNodeId, "dept");
      const sub = await f.dept(org, dept, "subdept");
      const member = await f.memberIn(org, sub);

      const rootPolicy = await f.create(
        org,
        "root_tags",
        TAG,
        tagPolicy({
          env: { tag_key: { "@@assign": "env" }, tag_value: { "@@assign": ["prod", "test"] } },
          CostCenter: {
            tag_key: { "@@assign": "CostCenter", "@@operators_allowed_for_child_policies": ["@@none"] },
            tag_value: { "@@assign": ["100", "200"], "@@operators_allowed_for_child_policies": ["@@append"] },
          },
        }),
      );
      const deptPolicy = await f.create(
        org,
        "dept_tags",
        TAG,
        tagPolicy({
          env: { tag_value: { "@@append": ["staging"] }, resource_type_scope: { "@@assign": ["cvm:*", "cos:bucket"] } },
          costcenter: { tag_key: { "@@assign": "costcenter" }, tag_value: { "@@assign": ["999"], "@@append": ["300"] }, enforced_for: { "@@assign": ["cvm:instance"] } },
        }),
      );
      const subPolicy = await f.create(org, "sub_tags", TAG, tagPolicy({ env: { tag_value: { "@@remove": ["test"] } }, owner: { tag_key: "owner", tag_value_dynamic: "on" } }));
      const memberFirst = await f.create(org, "member_first", TAG, tagPolicy({ env: { tag_value: { "@@append": ["dev"] } }, team: { tag_value: { "@@assign": ["core"] } } }));
      const memberSecond = await f.create(org, "member_second", TAG, tagPolicy({ team: { tag_value: { "@@assign": ["other"], "@@append": ["infra"] } } }));
      await f.attach(org, rootPolicy, "NODE", org.rootNodeId, TAG);
      await f.attach(org, deptPolicy, "NODE", dept, TAG);
      await f.attach(org, subPolicy, "NODE", sub, TAG);
      await f.attach(org, memberFirst, "MEMBER", member.uin, TAG);
      await f.attach(org, memberSecond, "MEMBER", member.uin, TAG);

      const env = { tag_key: "env", tag_value: ["prod", "staging", "dev"], resource_type_scope: ["cvm:*", "cos:bucket"] };
      const costCenter = { tag_key: "CostCenter", tag_value: ["100", "200", "300"], enforced_for: ["cvm:instance"] };
      const owner = { tag_key: "owner", tag_value_dynamic: "on" };
      const seen = await f.effective(org.admin, member.uin);
      assert.equal(seen.TargetId, member.uin);
      assert.deepEqual(seen.doc, { tags: { env, CostCenter: costCenter, owner, team: { tag_key: "team", tag_value: ["core", "infra"] } } });
      assert.deepEqual(Object.keys(seen.doc.tags), ["env", "CostCenter", "owner", "team"], "keys in order of first appearance from the root");
      assert.ok(seen.LastUpdatedTimestamp! >= started && seen.LastUpdatedTimestamp! <= Date.now() / 1000 + 1);

      // departments see only what is above them; the member sees its own effective policy too
      assert.deepEqual((await f.effective(org.admin, sub)).doc.tags.env.tag_value, ["prod", "staging"]);
      assert.deepEqual((await f.effective(org.admin, dept)).doc.tags.env.tag_value, ["prod", "test", "staging"]);
      assert.deepEqual((await f.effective(org.admin, org.rootNodeId)).doc, {
        tags: { env: { tag_key: "env", tag_value: ["prod", "test"] }, CostCenter: { tag_key: "CostCenter", tag_value: ["100", "200"] } },
      });
      assert.deepEqual((await f.effective(member, member.uin)).doc, seen.doc);
      assert.equal(await errorCode(f.api(member).DescribeEffectivePolicy({ TargetId: sub })), "InvalidParameter.OrganizationMemberNotManager");

      // changes show at once: detach the second member policy, edit the department's
      await api.DetachPolicy({ PolicyId: memberSecond, TargetType: "MEMBER", TargetId: member.uin, Type: TAG });
      await api.UpdatePolicy({ PolicyId: deptPolicy, Type: TAG, Content: tagPolicy({ env: { tag_value: { "@@append": ["qa"] } } }) });
      const after = await f.effective(org.admin, member.uin);
      assert.deepEqual(after.doc.tags.env, { tag_key: "env", tag_value: ["prod", "qa", "dev"] });
      assert.deepEqual(after.doc.tags.CostCenter, { tag_key: "CostCenter", tag_value: ["100", "200"] });
      assert.deepEqual(after.doc.tags.team, { tag_key: "team", tag_value: ["core"] });
      assert.ok(after.LastUpdatedTimestamp! >= seen.LastUpdatedTimestamp!);

      // no tag policy anywhere above: none applies
      const other = await f.org();
      await f.enable(other, TAG);
      assert.equal(await errorCode(f.api(other.admin).DescribeEffectivePolicy({ TargetId: other.rootNodeId })), "ResourceNotFound.EffectivePolicyNotFound");
    });

    it("refuses malformed policies with the documented codes, in CreatePolicy and UpdatePolicy", async () => {
      const org = await f.org();
      const api = f.api(org.admin);
      await f.enable(org, SCP, TAG);
      const existing: Record<string, number> = { [SCP]: await f.create(org, "scp_ok", SCP, scp("allow", "*")), [TAG]: await f.create(org, "tag_ok", TAG, tagPolicy({ env: { tag_value: ["a"] } })) };
      const ok = (o: Record<string, unknown> = {}) => JSON.stringify({ version: "2.0", statement: [{ effect: "allow", action: "cvm:*", resource: "*", ...o }] });
      const cases: [string, string, string][] = [
        [SCP, "InvalidParameter.PolicyDocumentError", "{version: 2.0}"],
        [SCP, "InvalidParameter.PolicyDocumentError", JSON.stringify({ version: "2.0", statement: [], extra: 1 })],
        [SCP, "InvalidParameter.VersionError", JSON.stringify({ version: "1.0", statement: [{ effect: "allow", action: "*", resource: "*" }] })],
        [SCP, "InvalidParameter.StatementError", JSON.stringify({ version: "2.0", statement: {} })],
        [SCP, "InvalidParameter.EffectError", ok({ effect: "maybe" })],
        [SCP, "InvalidParameter.ActionMiss", JSON.stringify({ version: "2.0", statement: [{ effect: "allow", resource: "*" }] })],
        [SCP, "InvalidParameter.ActionError", ok({ action: "RunInstances" })],
        [SCP, "InvalidParameter.ActionServiceNotExist", ok({ action: "nosuch:RunInstances" })],
        [SCP, "InvalidParameter.ActionNotExist", ok({ action: "cvm:Run Instances" })],
        [SCP, "InvalidParameter.ResourceError", ok({ resource: [] })],
        [SCP, "InvalidParameter.ResourceQcsError", ok({ resource: "cvm:instance/ins-1" })],
        [SCP, "InvalidParameter.ResourceContentError", ok({ resource: "qcs::cvm" })],
        [SCP, "InvalidParameter.ResourceProjectError", ok({ resource: "qcs:abc:cvm:ap-guangzhou:uin/1:instance/*" })],
        [SCP, "InvalidParameter.ResourceServiceNotExist", ok({ resource: "qcs::nosuch:ap-guangzhou:uin/1:instance/*" })],
        [SCP, "InvalidParameter.ResourceRegionError", ok({ resource: "qcs::cvm:GZ:uin/1:instance/*" })],
        [SCP, "InvalidParameter.ResourceUinError", ok({ resource: "qcs::cvm:ap-guangzhou:owner:instance/*" })],
        [SCP, "InvalidParameter.NotSupportProduct", ok({ resource: "qcs::cvm:ap-guangzhou:uin/1:database/db-1" })],
        [SCP, "InvalidParameter.ConditionError", ok({ condition: ["ip_equal"] })],
        [SCP, "InvalidParameter.ConditionTypeError", ok({ condition: { ip_between: { "qcs:ip": "10.0.0.1" } } })],
        [SCP, "InvalidParameter.ConditionContentError", ok({ condition: { ip_equal: "10.0.0.1" } })],
        [SCP, "InvalidParameter.PrincipalError", ok({ principal: "everyone" })],
        [SCP, "InvalidParameter.PrincipalQcsNotExist", ok({ principal: { qcs: [] } })],
        [SCP, "InvalidParameter.PrincipalQcsError", ok({ principal: { qcs: ["100000000001"] } })],
        [SCP, "InvalidParameter.PrincipalServiceNotExist", ok({ principal: { service: ["nosuch.qcloud.com"] } })],
        [SCP, "InvalidParameter.PolicyDocumentLengthOverLimit", ok({ action: Array.from({ length: 400 }, (_, i) => `cvm:Action${i}`) })],
        [TAG, "InvalidParameterValue.PolicyContentInvalid", "tags: env"],
        [TAG, "InvalidParameterValue.PolicyContentInvalid", tagPolicy({ env: { tag_value: { "@@assign": "prod" } } })],
        [TAG, "InvalidParameterValue.PolicyContentInvalid", JSON.stringify({ tags: { env: { tag_value: ["a"] } }, version: "2.0" })],
        [TAG, "InvalidParameter.PolicyKeyDuplicated", '{"tags":{"env":{"tag_value":["a"]},"ENV":{"tag_value":["b"]}}}'],
        [TAG, "InvalidParameter.ReservedTagKey", tagPolicy({ tencent_id: { tag_value: ["a"] } })],
        [TAG, "InvalidParameter.UnsupportedService", tagPolicy({ env: { enforced_for: ["nosuch:instance"] } })],
        [TAG, "InvalidParameter.PolicyDocumentLengthOverLimit", tagPolicy({ env: { tag_value: Array.from({ length: 500 }, (_, i) => `value${i}`) } })],
      ];
      for (const [type, code, content] of cases) {
        assert.equal(await errorCode(api.CreatePolicy({ Name: "bad", Type: type, Content: content })), code, `create: ${content.slice(0, 80)}`);
        assert.equal(await errorCode(api.UpdatePolicy({ PolicyId: existing[type], Type: type, Content: content })), code, `update: ${content.slice(0, 80)}`);
      }
      // the policy type's own syntax decides: a valid tag policy is no service control policy
      assert.equal(await errorCode(api.CreatePolicy({ Name: "bad", Type: SCP, Content: tagPolicy({ env: { tag_value: ["a"] } }) })), "InvalidParameter.PolicyDocumentError");
      assert.equal(await errorCode(api.CreatePolicy({ Name: "bad", Type: TAG, Content: scp("allow", "*") })), "InvalidParameterValue.PolicyContentInvalid");

      // names, descriptions, types
      for (const name of ["", "has space", "x".repeat(129), "dash-name"]) {
        assert.equal(await errorCode(api.CreatePolicy({ Name: name, Type: SCP, Content: scp("allow", "*") })), "InvalidParameter.PolicyNameError", name);
        assert.equal(await errorCode(api.UpdatePolicy({ PolicyId: existing[SCP], Name: name })), "InvalidParameter.PolicyNameError", name);
      }
      await f.create(org, "中文_名称_" + "x".repeat(118), SCP, scp("allow", "*"));
      const long = "描".repeat(101); // 303 bytes
      assert.equal(await errorCode(api.CreatePolicy({ Name: "d", Type: SCP, Content: scp("allow", "*"), Description: long })), "InvalidParameter.ParamError");
      assert.equal(await errorCode(api.UpdatePolicy({ PolicyId: existing[SCP], Description: long })), "InvalidParameter.DescriptionLengthOverlimit");
      assert.equal(await errorCode(api.CreatePolicy({ Name: "t", Type: "RESOURCE_POLICY", Content: scp("allow", "*") })), "InvalidParameter.ParamError");
      assert.equal(await errorCode(api.UpdatePolicy({ PolicyId: existing[SCP], Type: "scp" })), "InvalidParameter.ParamError");

      // name clashes: a preset's name, another policy of the organization and type
      assert.equal(await errorCode(api.CreatePolicy({ Name: "FullQcloudAccess", Type: SCP, Content: scp("allow", "*") })), "InvalidParameter.PolicyNameExisted");
      assert.equal(await errorCode(api.UpdatePolicy({ PolicyId: existing[SCP], Name: "FullQcloudAccess" })), "InvalidParameter.PolicyNameExisted");
      assert.equal(await errorCode(api.CreatePolicy({ Name: "scp_ok", Type: SCP, Content: scp("allow", "*") })), "FailedOperation.PolicyNameInUse");
      await f.create(org, "scp_ok", TAG, tagPolicy({ env: { tag_value: ["a"] } })); // names are per type
      const second = await f.create(org, "scp_two", SCP, scp("allow", "*"));
      assert.equal(await errorCode(api.UpdatePolicy({ PolicyId: second, Name: "scp_ok" })), "FailedOperation.PolicyNameInUse");
      await api.UpdatePolicy({ PolicyId: second, Name: "scp_two" }); // its own name is fine
      const neighbour = await f.org();
      await f.enable(neighbour, SCP);
      await f.create(neighbour, "scp_ok", SCP, scp("allow", "*")); // and per organization
    });

    it("lists, pages and searches policies, a target's policies and a policy's targets", async () => {
      const org = await f.org();
      const api = f.api(org.admin);
      await f.enable(org, SCP, TAG);
      const ids: number[] = [];
      for (const name of ["alpha_1", "Alpha_2", "beta_1", "beta_2", "gammax1"]) ids.push(await f.create(org, name, SCP, scp("deny", "cvm:*"), `policy ${name}`));
      const tagId = await f.create(org, "alpha_tags", TAG, tagPolicy({ env: { tag_value: ["a"] } }));

      // ListPolicies: presets first (by id), pages of Rp, scopes, keyword, type
      const all = await api.ListPolicies({});
      assert.equal(all.TotalNum, 6);
      assert.deepEqual(all.List!.map((p) => p.PolicyId), [FULL_ACCESS, ...ids]);
      const pages = [];
      for (let page = 1; page <= 3; page++) pages.push(...(await api.ListPolicies({ Rp: 2, Page: page, Scope: "All", PolicyType: SCP })).List!.map((p) => p.PolicyId));
      assert.deepEqual(pages, [FULL_ACCESS, ...ids]);
      assert.deepEqual((await api.ListPolicies({ Rp: 2, Page: 4 })).List, []);
      assert.deepEqual((await api.ListPolicies({ Scope: "Local" })).List!.map((p) => p.PolicyId), ids);
      assert.deepEqual((await api.ListPolicies({ Scope: "QCS" })).List!.map((p) => p.PolicyId), [FULL_ACCESS]);
      const alpha = await api.ListPolicies({ Keyword: "ALPHA" });
      assert.deepEqual([alpha.TotalNum, alpha.List!.map((p) => p.PolicyName)], [2, ["alpha_1", "Alpha_2"]]);
      assert.equal((await api.ListPolicies({ Keyword: "a_1" })).TotalNum, 2, "LIKE characters are taken literally");
      assert.equal((await api.ListPolicies({ Keyword: "%" })).TotalNum, 0);
      const tags = await api.ListPolicies({ PolicyType: TAG });
      assert.deepEqual([tags.TotalNum, tags.List![0].PolicyId, tags.List![0].Type, tags.List![0].AttachedTimes], [1, tagId, 1, 0]);
      const node = all.List![1];
      assert.equal(node.Description, "policy alpha_1");
      assert.match(node.AddTime!, TIME);
      assert.match(node.UpdateTime!, TIME);
      assert.equal(await errorCode(api.ListPolicies({ Rp: 201 })), "InvalidParameter");
      assert.equal(await errorCode(api.ListPolicies({ Rp: 0 })), "InvalidParameter");
      assert.equal(await errorCode(api.ListPolicies({ Page: 0 })), "InvalidParameter");
      assert.equal(await errorCode(api.ListPolicies({ Page: 201 })), "InvalidParameter");
      assert.equal(await errorCode(api.ListPolicies({ Scope: "Mine" })), "InvalidParameter");
      assert.equal(await errorCode(api.ListPolicies({ PolicyType: "BACKUP_POLICY" })), "InvalidParameter");

      // a department with several policies, a member, the root
      const ops = await f.dept(org, org.rootNodeId, "ops");
      const m = await f.memberIn(org, ops, "operator_one");
      for (const id of ids.slice(0, 3)) await f.attach(org, id, "NODE", ops);
      await f.attach(org, ids[0], "NODE", org.rootNodeId);
      await f.attach(org, ids[0], "MEMBER", m.uin);
      const forOps = await api.ListPoliciesForTarget({ TargetId: ops, Rp: 2, Page: 1 });
      assert.equal(forOps.TotalNum, 4);
      const rest = await api.ListPoliciesForTarget({ TargetId: ops, Rp: 2, Page: 2 });
      assert.deepEqual([...forOps.List!, ...rest.List!].map((p) => p.StrategyId), [FULL_ACCESS, ...ids.slice(0, 3)], "by binding time");
      assert.deepEqual((await api.ListPoliciesForTarget({ TargetId: ops, Keyword: "beta" })).List!.map((p) => p.StrategyName), ["beta_1"]);
      assert.equal((await api.ListPoliciesForTarget({ TargetId: ops, PolicyType: TAG })).TotalNum, 0);
      assert.equal((await api.ListPolicies({ Keyword: "alpha_1" })).List![0].AttachedTimes, 3);

      const targets = await api.ListTargetsForPolicy({ PolicyId: ids[0], PolicyType: SCP });
      assert.deepEqual(
        targets.List!.map((t) => [t.Uin, t.RelatedType, t.Name]),
        [
          [ops, 1, "ops"],
          [org.rootNodeId, 1, "Root"],
          [m.uin, 2, "operator_one"],
        ],
      );
      assert.deepEqual((await api.ListTargetsForPolicy({ PolicyId: ids[0], TargetType: "Node" })).List!.map((t) => t.Uin), [ops, org.rootNodeId]);
      assert.deepEqual((await api.ListTargetsForPolicy({ PolicyId: ids[0], TargetType: "User" })).List!.map((t) => t.Uin), [m.uin]);
      assert.deepEqual((await api.ListTargetsForPolicy({ PolicyId: ids[0], Keyword: `root ${m.uin}` })).List!.map((t) => t.Uin), [org.rootNodeId, m.uin]);
      const paged = await api.ListTargetsForPolicy({ PolicyId: ids[0], Rp: 1, Page: 3 });
      assert.deepEqual([paged.TotalNum, paged.List!.map((t) => t.Uin)], [3, [m.uin]]);
      assert.equal((await api.ListTargetsForPolicy({ PolicyId: FULL_ACCESS })).TotalNum, 4, "root, ops, admin, member");
      assert.equal(await errorCode(api.ListTargetsForPolicy({ PolicyId: ids[0], TargetType: "Group" })), "InvalidParameter");
      assert.equal(await errorCode(api.ListTargetsForPolicy({ PolicyId: ids[0], Rp: 500 })), "InvalidParameter");
      assert.equal(await errorCode(api.ListTargetsForPolicy({ PolicyId: ids[0], PolicyType: "X" })), "InvalidParameter");
      assert.equal(await errorCode(api.ListPoliciesForTarget({ TargetId: ops, Page: 300 })), "InvalidParameter");
      assert.equal(await errorCode(api.ListPoliciesForTarget({ TargetId: ops, PolicyType: "X" })), "InvalidParameter");
    });

    it("keeps the binding rules: no deleting a bound policy, no unbinding a target's last service control policy, disabling unbinds", async () => {
      const org = await f.org();
      const api = f.api(org.admin);
      await f.enable(org, SCP, TAG);
      const dept = await f.dept(org, org.rootNodeId, "dept");
      const custom = await f.create(org, "custom", SCP, scp("deny", "cos:*"));
      const tagId = await f.create(org, "tags", TAG, tagPolicy({ env: { tag_value: ["a"] } }));
      await f.attach(org, custom, "NODE", dept);
      await f.attach(org, tagId, "NODE", dept, TAG);

      assert.equal(await errorCode(api.DeletePolicy({ PolicyId: custom })), "FailedOperation.OrganizationPolicyInUsed");
      assert.equal(await errorCode(api.DeletePolicy({ PolicyId: tagId, Type: TAG })), "FailedOperation.OrganizationPolicyInUsed");
      // unbinding: fine while another service control policy stays, refused for the last one
      await api.DetachPolicy({ PolicyId: FULL_ACCESS, TargetType: "NODE", TargetId: dept });
      assert.deepEqual(await f.directPolicies(org, dept), [custom]);
      assert.equal(await errorCode(api.DetachPolicy({ PolicyId: custom, TargetType: "NODE", TargetId: dept })), "FailedOperation.OrganizationDetachLastPolicyError");
      assert.equal(await errorCode(api.DetachPolicy({ PolicyId: FULL_ACCESS, TargetType: "NODE", TargetId: dept })), "FailedOperation.OrganizationDetachPolicyError", "not bound there");
      assert.equal(await errorCode(api.DetachPolicy({ PolicyId: custom, TargetType: "NODE", TargetId: 999999 })), "FailedOperation.OrganizationDetachPolicyError", "no such department");
      assert.equal(await errorCode(api.DetachPolicy({ PolicyId: custom, TargetType: "MEMBER", TargetId: 100000000999 })), "FailedOperation.OrganizationDetachPolicyError", "no such member");
      await f.attach(org, FULL_ACCESS, "NODE", dept);
      await api.DetachPolicy({ PolicyId: custom, TargetType: "NODE", TargetId: dept, Type: SCP });
      // tag policies may all go
      await api.DetachPolicy({ PolicyId: tagId, TargetType: "NODE", TargetId: dept, Type: TAG });
      assert.deepEqual(await f.directPolicies(org, dept, TAG), []);

      // unbound: deletable; gone afterwards; presets never
      await api.DeletePolicy({ PolicyId: custom, Type: SCP });
      assert.equal(await errorCode(api.DescribePolicy({ PolicyId: custom })), "ResourceNotFound.PolicyNotExist");
      assert.equal(await errorCode(api.DeletePolicy({ PolicyId: custom })), "ResourceNotFound.PolicyNotExist");
      assert.equal(await errorCode(api.DeletePolicy({ PolicyId: FULL_ACCESS })), "ResourceNotFound.PolicyIdNotFound");
      assert.equal(await errorCode(api.UpdatePolicy({ PolicyId: FULL_ACCESS, Description: "mine now" })), "ResourceNotFound.PolicyIdNotFound");

      // disabling unbinds every policy of the type and keeps the policies; writes need the type enabled
      const kept = await f.create(org, "kept", SCP, scp("deny", "cdb:*"));
      await f.attach(org, kept, "NODE", org.rootNodeId);
      await api.DisablePolicyType({ OrganizationId: org.orgId, PolicyType: SCP });
      assert.equal((await api.DescribePolicyConfig({ OrganizationId: org.orgId })).Status, 0);
      assert.deepEqual(await f.directPolicies(org, org.rootNodeId), []);
      assert.deepEqual(await f.directPolicies(org, dept), []);
      const listed = await api.ListPolicies({ Scope: "Local" });
      assert.deepEqual(listed.List!.map((p) => [p.PolicyName, p.AttachedTimes]), [["kept", 0]]);
      assert.equal((await api.DescribePolicy({ PolicyId: kept })).PolicyName, "kept", "policies stay readable");
      const notEnabled = "FailedOperation.OrganizationPolicyIsNotEnabled";
      assert.equal(await errorCode(api.AttachPolicy({ PolicyId: kept, TargetType: "NODE", TargetId: dept })), notEnabled);
      assert.equal(await errorCode(api.DetachPolicy({ PolicyId: kept, TargetType: "NODE", TargetId: dept })), notEnabled);
      assert.equal(await errorCode(api.UpdatePolicy({ PolicyId: kept, Name: "renamed" })), notEnabled);
      assert.equal(await errorCode(api.DeletePolicy({ PolicyId: kept })), notEnabled);
      assert.equal(await errorCode(api.CreatePolicy({ Name: "more", Type: SCP, Content: scp("allow", "*") })), notEnabled);
      assert.equal(await errorCode(api.DisablePolicyType({ OrganizationId: org.orgId, PolicyType: SCP })), notEnabled);
      // enabling again binds FullQcloudAccess everywhere, custom policies stay unbound
      await f.enable(org, SCP);
      assert.deepEqual(await f.directPolicies(org, org.rootNodeId), [FULL_ACCESS]);
      assert.deepEqual(await f.directPolicies(org, dept), [FULL_ACCESS]);
      assert.deepEqual(await f.directPolicies(org, org.admin.uin), [FULL_ACCESS]);

      // tag policies likewise: once disabled, no effective policy is left
      const rootTags = await f.create(org, "root_tags", TAG, tagPolicy({ env: { tag_value: ["a"] } }));
      await f.attach(org, rootTags, "NODE", org.rootNodeId, TAG);
      assert.deepEqual((await f.effective(org.admin, dept)).doc.tags.env.tag_value, ["a"]);
      await api.DisablePolicyType({ OrganizationId: org.orgId, PolicyType: TAG });
      assert.equal(await errorCode(api.DescribeEffectivePolicy({ TargetId: dept })), "ResourceNotFound.EffectivePolicyNotFound");
    });

    it("lists a member's resources that break its effective tag policy; the operator and the CLI register them", async () => {
      const org = await f.org();
      const api = f.api(org.admin);
      await f.enable(org, TAG);
      const dept = await f.dept(org, org.rootNodeId, "finance");
      const m = await f.memberIn(org, dept);
      const rootTags = await f.create(org, "cost", TAG, tagPolicy({ CostCenter: { tag_key: "CostCenter", tag_value: ["100", "2*"], resource_type_scope: ["cvm:*"] } }));
      const deptTags = await f.create(org, "env", TAG, tagPolicy({ env: { tag_value: ["prod"] } }));
      await f.attach(org, rootTags, "NODE", org.rootNodeId, TAG);
      await f.attach(org, deptTags, "NODE", dept, TAG);

      const register = (id: string, service: string, type: string, tags: Record<string, string>, region = "ap-guangzhou") =>
        server.operator("RegisterMemberResource", {
          Uin: m.uin,
          ServiceType: service,
          ResourceType: type,
          ResourceId: id,
          Region: region,
          Tags: Object.entries(tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
        });
      const ok = await register("ins-ok", "cvm", "instance", { CostCenter: "250", env: "prod" });
      assert.equal(ok.Resource.Resource, `qcs::cvm:ap-guangzhou:uin/${m.uin}:instance/ins-ok`);
      await register("ins-case", "cvm", "instance", { costcenter: "100" });
      await register("disk-1", "cvm", "volume", { CostCenter: "999", env: "dev" });
      await register("bucket-1", "cos", "bucket", { CostCenter: "999" }, "");
      // the CLI registers too
      const line = await tco(server, ["resource", "register", "--uin", String(m.uin), "--type", "vpc:subnet", "--id", "subnet-1", "--region", "ap-shanghai", "--tag", "env=test", "--tag", "owner=a=b"]);
      assert.match(line, new RegExp(`qcs::vpc:ap-shanghai:uin/${m.uin}:subnet/subnet-1\\s+env=test,owner=a=b`));
      const listed = JSON.parse(await tco(server, ["resource", "list", "--uin", String(m.uin), "--json"]));
      assert.equal(listed.Total, 5);
      assert.deepEqual(listed.Resources[4].Tags, [{ TagKey: "env", TagValue: "test" }, { TagKey: "owner", TagValue: "a=b" }]);

      const all = await api.ListNonCompliantResource({ MaxResults: 50, MemberUin: m.uin });
      assert.equal(all.PaginationToken, "");
      assert.deepEqual(
        all.Items!.map((i) => [i.Resource, i.ComplianceDetails!.ComplianceStatus, i.ComplianceDetails!.NonCompliantKeys, i.ComplianceDetails!.KeysWithNonCompliantValues]),
        [
          [`qcs::cvm:ap-guangzhou:uin/${m.uin}:instance/ins-case`, false, ["costcenter"], []],
          [`qcs::cvm:ap-guangzhou:uin/${m.uin}:volume/disk-1`, false, [], ["CostCenter", "env"]],
          [`qcs::vpc:ap-shanghai:uin/${m.uin}:subnet/subnet-1`, false, [], ["env"]],
        ],
      );
      assert.deepEqual(all.Items![1].Tags, [{ TagKey: "CostCenter", TagValue: "999" }, { TagKey: "env", TagValue: "dev" }]);

      // pages
      const first = await api.ListNonCompliantResource({ MaxResults: 2, MemberUin: m.uin });
      assert.equal(first.Items!.length, 2);
      assert.notEqual(first.PaginationToken, "");
      const second = await api.ListNonCompliantResource({ MaxResults: 2, MemberUin: m.uin, PaginationToken: first.PaginationToken });
      assert.deepEqual([...first.Items!, ...second.Items!].map((i) => i.Resource), all.Items!.map((i) => i.Resource));
      assert.equal(second.PaginationToken, "");
      // one key only
      const env = await api.ListNonCompliantResource({ MaxResults: 10, MemberUin: m.uin, TagKey: "env" });
      assert.deepEqual(env.Items!.map((i) => [i.Resource!.split(":").pop(), i.ComplianceDetails!.KeysWithNonCompliantValues]), [["volume/disk-1", ["env"]], ["subnet/subnet-1", ["env"]]]);

      // fixing a resource's tags (registering it again) takes it off the list; deregistering forgets it
      await register("ins-case", "cvm", "instance", { CostCenter: "100" });
      await tco(server, ["resource", "deregister", "--uin", String(m.uin), "--type", "vpc:subnet", "--id", "subnet-1", "--region", "ap-shanghai"]);
      assert.deepEqual((await api.ListNonCompliantResource({ MaxResults: 50, MemberUin: m.uin })).Items!.map((i) => i.Resource!.split(":").pop()), ["volume/disk-1"]);

      // a member under no tag policy has nothing to break
      const other = await f.org();
      await f.enable(other, TAG);
      const loner = await f.member(other);
      await server.operator("RegisterMemberResource", { Uin: loner.uin, ServiceType: "cvm", ResourceType: "instance", ResourceId: "ins-x", Tags: [{ TagKey: "env", TagValue: "x" }] });
      assert.deepEqual((await f.api(other.admin).ListNonCompliantResource({ MaxResults: 10, MemberUin: loner.uin })).Items, []);

      assert.equal(await errorCode(api.ListNonCompliantResource({ MaxResults: 0, MemberUin: m.uin })), "InvalidParameter");
      assert.equal(await errorCode(api.ListNonCompliantResource({ MaxResults: 51, MemberUin: m.uin })), "InvalidParameter");
      assert.equal(await errorCode(api.ListNonCompliantResource({ MaxResults: 5, MemberUin: m.uin, PaginationToken: "not-a-token" })), "InvalidParameter");
      assert.equal(await errorCode(api.ListNonCompliantResource({ MaxResults: 5, MemberUin: loner.uin })), "ResourceNotFound.MemberNotExist");
      assert.equal(await errorCode(server.operator("RegisterMemberResource", { Uin: m.uin, ServiceType: "CVM", ResourceType: "instance", ResourceId: "i" })), "InvalidParameterValue");
      assert.equal(await errorCode(server.operator("RegisterMemberResource", { Uin: 999999999999, ServiceType: "cvm", ResourceType: "instance", ResourceId: "i" })), "ResourceNotFound");
      assert.equal(await errorCode(server.operator("DeregisterMemberResource", { Uin: m.uin, ServiceType: "cvm", ResourceType: "instance", ResourceId: "nope" })), "ResourceNotFound");
    });

    it("cannot enable tag policies while a member runs tag policies of its own (set with the CLI)", async () => {
      const org = await f.org();
      const m = await f.member(org);
      assert.match(await tco(server, ["account", "tag-policy", "--uin", String(m.uin), "--enabled", "true"]), /on/);
      assert.equal(await errorCode(f.enable(org, TAG)), "FailedOperation.PolicyEnableInvalid");
      await f.enable(org, SCP); // service control policies do not care
      // the admin's own tag policies do not count
      await server.operator("SetStandaloneTagPolicy", { Uin: org.admin.uin, Enabled: true });
      await tco(server, ["account", "tag-policy", "--uin", String(m.uin), "--enabled", "false"]);
      await f.enable(org, TAG);
      assert.equal((await f.api(org.admin).DescribePolicyConfig({ OrganizationId: org.orgId, Type: 1 })).Status, 1);
    });

    it("lets only the admin manage policies: members and outsiders get the documented codes", async () => {
      const org = await f.org();
      const api = f.api(org.admin);
      await f.enable(org, SCP, TAG);
      const m = await f.member(org);
      const outsider = await f.account();
      const policyId = await f.create(org, "p", SCP, scp("allow", "*"));
      const calls = (who: TestAccount) => {
        const c = f.api(who);
        return {
          CreatePolicy: () => c.CreatePolicy({ Name: "x", Type: SCP, Content: scp("allow", "*") }),
          UpdatePolicy: () => c.UpdatePolicy({ PolicyId: policyId, Name: "y" }),
          DeletePolicy: () => c.DeletePolicy({ PolicyId: policyId }),
          DescribePolicy: () => c.DescribePolicy({ PolicyId: policyId }),
          ListPolicies: () => c.ListPolicies({}),
          AttachPolicy: () => c.AttachPolicy({ PolicyId: policyId, TargetType: "NODE", TargetId: org.rootNodeId }),
          DetachPolicy: () => c.DetachPolicy({ PolicyId: policyId, TargetType: "NODE", TargetId: org.rootNodeId }),
          ListPoliciesForTarget: () => c.ListPoliciesForTarget({ TargetId: org.rootNodeId }),
          ListTargetsForPolicy: () => c.ListTargetsForPolicy({ PolicyId: policyId }),
          EnablePolicyType: () => c.EnablePolicyType({ OrganizationId: org.orgId, PolicyType: TAG }),
          DisablePolicyType: () => c.DisablePolicyType({ OrganizationId: org.orgId, PolicyType: TAG }),
          DescribePolicyConfig: () => c.DescribePolicyConfig({ OrganizationId: org.orgId }),
          DescribeEffectivePolicy: () => c.DescribeEffectivePolicy({ TargetId: org.rootNodeId }),
          ListNonCompliantResource: () => c.ListNonCompliantResource({ MaxResults: 1, MemberUin: m.uin }),
        };
      };
      const notManager = "InvalidParameter.OrganizationMemberNotManager";
      const expected = {
        member: {
          CreatePolicy: "UnauthorizedOperation",
          UpdatePolicy: notManager,
          DeletePolicy: notManager,
          DescribePolicy: notManager,
          ListPolicies: notManager,
          AttachPolicy: notManager,
          DetachPolicy: notManager,
          ListPoliciesForTarget: notManager,
          ListTargetsForPolicy: notManager,
          EnablePolicyType: notManager,
          DisablePolicyType: notManager,
          DescribePolicyConfig: notManager,
          DescribeEffectivePolicy: notManager,
          ListNonCompliantResource: notManager,
        },
        outsider: {
          CreatePolicy: "UnauthorizedOperation",
          UpdatePolicy: "UnauthorizedOperation",
          DeletePolicy: "UnauthorizedOperation",
          DescribePolicy: "ResourceNotFound.OrganizationNotExist",
          ListPolicies: "ResourceNotFound.OrganizationNotExist",
          AttachPolicy: "UnauthorizedOperation",
          DetachPolicy: "UnauthorizedOperation",
          ListPoliciesForTarget: "ResourceNotFound.OrganizationNotExist",
          ListTargetsForPolicy: "ResourceNotFound.OrganizationNotExist",
          EnablePolicyType: "UnauthorizedOperation",
          DisablePolicyType: "UnauthorizedOperation",
          DescribePolicyConfig: "ResourceNotFound.OrganizationNotExist",
          DescribeEffectivePolicy: "InvalidParameter.OrganizationNotExist",
          ListNonCompliantResource: "ResourceNotFound.OrganizationNotExist",
        },
      };
      for (const [who, account] of [["member", m], ["outsider", outsider]] as const) {
        const got = calls(account);
        for (const [action, code] of Object.entries(expected[who])) {
          assert.equal(await errorCode(got[action as keyof typeof got]()), code, `${who} ${action}`);
        }
      }
      // nothing changed
      assert.equal((await api.DescribePolicy({ PolicyId: policyId })).PolicyName, "p");
      assert.equal((await api.DescribePolicyConfig({ OrganizationId: org.orgId, Type: 1 })).Status, 1);
    });

    it("refuses unknown policies, targets and organizations, and bad parameters, with the documented codes", async () => {
      const org = await f.org();
      const api = f.api(org.admin);
      await f.enable(org, SCP, TAG);
      const dept = await f.dept(org, org.rootNodeId, "dept");
      const m = await f.member(org);
      const scpId = await f.create(org, "s", SCP, scp("allow", "*"));
      const tagId = await f.create(org, "t", TAG, tagPolicy({ env: { tag_value: ["a"] } }));
      const neighbour = await f.org();
      await f.enable(neighbour, SCP);
      const foreign = await f.create(neighbour, "foreign", SCP, scp("allow", "*"));
      const stranger = await f.member(neighbour);
      const missing = 999999;

      const cases: [string, () => Promise<unknown>, string][] = [
        // policies that do not exist here, or are of the other type than the request says
        ["describe missing", () => api.DescribePolicy({ PolicyId: missing }), "ResourceNotFound.PolicyNotExist"],
        ["describe foreign", () => api.DescribePolicy({ PolicyId: foreign }), "ResourceNotFound.PolicyNotExist"],
        ["describe other type", () => api.DescribePolicy({ PolicyId: tagId }), "ResourceNotFound.PolicyIdNotFound"],
        ["describe bad type", () => api.DescribePolicy({ PolicyId: scpId, PolicyType: "OTHER" }), "InvalidParameter"],
        ["describe no id", () => api.DescribePolicy({} as never), "MissingParameter"],
        ["update missing", () => api.UpdatePolicy({ PolicyId: missing, Name: "x" }), "ResourceNotFound.PolicyNotExist"],
        ["update other type", () => api.UpdatePolicy({ PolicyId: tagId, Name: "x" }), "InvalidParameter.PolicyIdNotExist"],
        ["delete missing", () => api.DeletePolicy({ PolicyId: foreign }), "ResourceNotFound.PolicyNotExist"],
        ["delete other type", () => api.DeletePolicy({ PolicyId: scpId, Type: TAG }), "InvalidParameter.PolicyIdNotExist"],
        ["delete bad type", () => api.DeletePolicy({ PolicyId: scpId, Type: "OTHER" }), "InvalidParameter.ParamError"],
        ["attach missing", () => api.AttachPolicy({ PolicyId: missing, TargetType: "NODE", TargetId: dept }), "ResourceNotFound.PolicyNotExist"],
        ["attach other type", () => api.AttachPolicy({ PolicyId: tagId, TargetType: "NODE", TargetId: dept }), "InvalidParameter.PolicyIdNotExist"],
        ["attach preset as tag", () => api.AttachPolicy({ PolicyId: FULL_ACCESS, TargetType: "NODE", TargetId: dept, Type: TAG }), "InvalidParameter.PolicyIdNotExist"],
        ["attach bad type", () => api.AttachPolicy({ PolicyId: scpId, TargetType: "NODE", TargetId: dept, Type: "OTHER" }), "InvalidParameter.ParamError"],
        ["attach bad target type", () => api.AttachPolicy({ PolicyId: scpId, TargetType: "ROOT", TargetId: dept }), "InvalidParameter.ParamError"],
        ["attach missing node", () => api.AttachPolicy({ PolicyId: scpId, TargetType: "NODE", TargetId: neighbour.rootNodeId }), "ResourceNotFound.OrganizationNodeNotExist"],
        ["attach uin as node", () => api.AttachPolicy({ PolicyId: scpId, TargetType: "NODE", TargetId: m.uin }), "ResourceNotFound.OrganizationNodeNotExist"],
        ["attach foreign member", () => api.AttachPolicy({ PolicyId: scpId, TargetType: "MEMBER", TargetId: stranger.uin }), "ResourceNotFound.OrganizationMemberNotExist"],
        ["attach node as member", () => api.AttachPolicy({ PolicyId: scpId, TargetType: "MEMBER", TargetId: dept }), "ResourceNotFound.OrganizationMemberNotExist"],
        ["detach missing", () => api.DetachPolicy({ PolicyId: missing, TargetType: "NODE", TargetId: dept }), "ResourceNotFound.PolicyNotExist"],
        ["detach other type", () => api.DetachPolicy({ PolicyId: tagId, TargetType: "NODE", TargetId: dept }), "InvalidParameter.PolicyIdNotExist"],
        ["detach bad target type", () => api.DetachPolicy({ PolicyId: scpId, TargetType: "USER", TargetId: dept }), "InvalidParameter.ParamError"],
        ["detach bad type", () => api.DetachPolicy({ PolicyId: scpId, TargetType: "NODE", TargetId: dept, Type: "x" }), "InvalidParameter.ParamError"],
        ["targets missing", () => api.ListTargetsForPolicy({ PolicyId: foreign }), "ResourceNotFound.PolicyNotExist"],
        ["targets other type", () => api.ListTargetsForPolicy({ PolicyId: tagId }), "ResourceNotFound.PolicyIdNotFound"],
        ["targets no id", () => api.ListTargetsForPolicy({} as never), "MissingParameter"],
        // targets
        ["policies of a foreign member", () => api.ListPoliciesForTarget({ TargetId: stranger.uin }), "InvalidParameter.OrganizationMemberNotExist"],
        ["policies of a foreign department", () => api.ListPoliciesForTarget({ TargetId: neighbour.rootNodeId }), "InvalidParameter.OrganizationNodeNotExist"],
        ["policies of no target", () => api.ListPoliciesForTarget({} as never), "MissingParameter"],
        ["effective of a foreign member", () => api.DescribeEffectivePolicy({ TargetId: stranger.uin }), "InvalidParameter"],
        ["effective of nothing", () => api.DescribeEffectivePolicy({} as never), "MissingParameter"],
        ["effective where none applies", () => api.DescribeEffectivePolicy({ TargetId: m.uin }), "ResourceNotFound.EffectivePolicyNotFound"],
        // the organization named
        ["enable other organization", () => api.EnablePolicyType({ OrganizationId: neighbour.orgId, PolicyType: TAG }), "InvalidParameter.ParamError"],
        ["enable unknown type", () => api.EnablePolicyType({ OrganizationId: org.orgId, PolicyType: "BACKUP_POLICY" }), "InvalidParameter.ParamError"],
        ["disable other organization", () => api.DisablePolicyType({ OrganizationId: neighbour.orgId, PolicyType: SCP }), "InvalidParameter.ParamError"],
        ["disable unknown type", () => api.DisablePolicyType({ OrganizationId: org.orgId, PolicyType: "tag_policy" }), "InvalidParameter.ParamError"],
        ["config of other organization", () => api.DescribePolicyConfig({ OrganizationId: neighbour.orgId }), "InvalidParameter.OrganizationNotExist"],
        ["config of unknown type", () => api.DescribePolicyConfig({ OrganizationId: org.orgId, Type: 2 }), "InvalidParameter"],
        ["config of no organization", () => api.DescribePolicyConfig({} as never), "MissingParameter"],
      ];
      for (const [what, call, code] of cases) assert.equal(await errorCode(call()), code, what);
    });

    it("drops bindings with what they bind: a member that quits, a deleted department, a deleted organization", async () => {
      const org = await f.org();
      const api = f.api(org.admin);
      await f.enable(org, SCP, TAG);
      const dept = await f.dept(org, org.rootNodeId, "temporary");
      const m = await f.member(org);
      const custom = await f.create(org, "custom", SCP, scp("deny", "cvm:*"));
      const tags = await f.create(org, "tags", TAG, tagPolicy({ env: { tag_value: ["a"] } }));
      for (const [type, id] of [["NODE", dept], ["MEMBER", m.uin], ["NODE", org.rootNodeId]] as const) {
        await f.attach(org, custom, type, id);
        await f.attach(org, tags, type, id, TAG);
      }
      assert.equal((await api.ListTargetsForPolicy({ PolicyId: custom })).TotalNum, 3);

      await f.api(m).QuitOrganization({ OrgId: org.orgId });
      await api.DeleteOrganizationNodes({ NodeId: [dept] });
      assert.deepEqual((await api.ListTargetsForPolicy({ PolicyId: custom })).List!.map((t) => t.Uin), [org.rootNodeId]);
      assert.deepEqual((await api.ListTargetsForPolicy({ PolicyId: tags, PolicyType: TAG })).List!.map((t) => t.Uin), [org.rootNodeId]);
      assert.equal((await api.ListPolicies({ Keyword: "FullQcloud" })).List![0].AttachedTimes, 2, "root and admin");

      // the member joins another organization cleanly
      const next = await f.org();
      await f.enable(next, SCP);
      await f.invite(next, m);
      await server.client2018(m).AcceptOrganizationInvitation({ Id: await f.lastReceivedId(m) });
      assert.deepEqual(await f.directPolicies(next, m.uin), [FULL_ACCESS]);

      // the organization goes with its policies and bindings, once its policy types are disabled
      assert.equal(await errorCode(api.DeleteOrganization()), "FailedOperation.OrganizationPolicyIsNotDisabled");
      for (const PolicyType of [SCP, TAG]) await api.DisablePolicyType({ OrganizationId: org.orgId, PolicyType });
      await api.DeleteOrganization();
      await api.CreateOrganization();
      const again = await api.DescribeOrganization({});
      assert.equal((await api.DescribePolicyConfig({ OrganizationId: again.OrgId! })).Status, 0);
      await api.EnablePolicyType({ OrganizationId: again.OrgId!, PolicyType: SCP });
      assert.deepEqual((await api.ListPolicies({})).List!.map((p) => p.PolicyName), ["FullQcloudAccess"]);
      assert.equal(await errorCode(api.DescribePolicy({ PolicyId: custom })), "ResourceNotFound.PolicyNotExist");
    });
  });
}

describe("policy limits", () => {
  let server: TcoServer;
  const f = new PolicyFixtures(() => server);
  before(async () => {
    server = await TcoServer.start({
      postgres: TEST_DATABASE_URL !== undefined,
      env: { TCO_MAX_SCP_POLICIES: "2", TCO_MAX_TAG_POLICIES: "1", TCO_MAX_SCP_ATTACHMENTS: "2", TCO_MAX_TAG_ATTACHMENTS: "1" },
    });
  });
  after(async () => {
    await server.stop();
  });

  it("caps custom policies per organization and type, and bindings per target and type", async () => {
    const org = await f.org();
    const api = f.api(org.admin);
    await f.enable(org, SCP, TAG);
    const a = await f.create(org, "a", SCP, scp("allow", "*"));
    const b = await f.create(org, "b", SCP, scp("allow", "*"));
    assert.equal(await errorCode(api.CreatePolicy({ Name: "c", Type: SCP, Content: scp("allow", "*") })), "FailedOperation.PolicyFull");
    const t = await f.create(org, "t", TAG, tagPolicy({ env: { tag_value: ["a"] } }));
    assert.equal(await errorCode(api.CreatePolicy({ Name: "u", Type: TAG, Content: tagPolicy({ env: { tag_value: ["a"] } }) })), "LimitExceeded.TagPolicy");
    // another organization has its own count
    const other = await f.org();
    await f.enable(other, SCP);
    await f.create(other, "a", SCP, scp("allow", "*"));

    // the root already carries FullQcloudAccess: one more service control policy fits, a second does not
    await f.attach(org, a, "NODE", org.rootNodeId);
    assert.equal(await errorCode(api.AttachPolicy({ PolicyId: b, TargetType: "NODE", TargetId: org.rootNodeId })), "InvalidParameter.AttachmentFull");
    await f.attach(org, a, "NODE", org.rootNodeId); // binding again is no new binding
    await f.attach(org, t, "MEMBER", org.admin.uin, TAG);
    await api.DeletePolicy({ PolicyId: b });
    await f.create(org, "c", SCP, scp("allow", "*")); // room again
  });
});
