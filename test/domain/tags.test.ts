import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { deleteOrganizationNodes } from "../../src/domain/organization/delete-organization-nodes.js";
import { describeResourceTags } from "../../src/domain/tags/describe-resource-tags.js";
import { describeResourceTagsByResourceIds } from "../../src/domain/tags/describe-resource-tags-by-resource-ids.js";
import { getResources } from "../../src/domain/tags/get-resources.js";
import { modifyResourceTags } from "../../src/domain/tags/modify-resource-tags.js";
import type { Store } from "../../src/store/store.js";
import { ACTION_ERROR_CODES } from "../../src/spec/generated/errors.js";
import { DIALECTS } from "../helpers/dialects.js";
import { codeOf, domainContext, organizationOf } from "../helpers/domain.js";
import { addDepartment, addMember } from "../helpers/members.js";

const TAG_CODES = ACTION_ERROR_CODES["2018-08-13"];
/** The API 3.0 common codes (../shared/spec/common-errors.json) these handlers may answer besides their documented ones. */
const COMMON_CODES = new Set(["MissingParameter", "InvalidParameter", "InvalidParameterValue", "ResourceNotFound", "AuthFailure.UnauthorizedOperation", "UnsupportedOperation"]);

for (const dialect of DIALECTS) {
  describe(`the Tag API's actions on organization resources (${dialect.name})`, () => {
    let store: Store;
    let nextUin = 300000000001;
    let admin: number;
    let orgId: number;
    let root: number;
    let node: number;
    let member: number;
    before(async () => {
      store = await dialect.open();
      admin = await account();
      const { org } = await organizationOf(domainContext(store, admin));
      orgId = org.org_id;
      root = (await store.nodes.listByOrg(orgId))[0].node_id;
      node = await addDepartment(store, orgId, root, "dept");
      member = await account();
      await addMember(store, { uin: member, orgId, nodeId: root, name: "member" });
    });
    after(async () => {
      await dialect.dispose(store);
    });

    async function account(): Promise<number> {
      const uin = nextUin++;
      await store.accounts.insert({ uin, name: `a${uin}`, verification: "enterprise", entityName: "Example Ltd", site: "china", createdAt: Date.now() });
      return uin;
    }

    const as = (uin: number) => domainContext(store, uin);
    const nodeName = (id: number, owner = "") => `qcs::organization:ap-guangzhou:uin/${owner}:node/${id}`;
    /** The code a Tag action fails with, checked against the action's documented codes and the common ones. */
    async function refused(action: keyof typeof TAG_CODES & string, p: Promise<unknown>): Promise<string> {
      const code = await codeOf(p);
      assert.ok(TAG_CODES[action].includes(code as never) || COMMON_CODES.has(code), `${action} answered ${code}, which it does not document`);
      return code;
    }
    const modify = (input: Parameters<typeof modifyResourceTags>[0], uin = admin) => modifyResourceTags(input, as(uin));
    const keysOf = async (type: "node" | "member", id: number) => ((await store.tags.forMany(type, [id])).get(id) ?? []).map((t) => `${t.TagKey}=${t.TagValue}`);

    it("replaces, adds and removes tags in one call, and answers the tags through the three reads", async () => {
      await store.tags.set("node", node, [
        { TagKey: "a", TagValue: "1" },
        { TagKey: "b", TagValue: "2" },
      ]);
      await modify({ Resource: nodeName(node), ReplaceTags: [{ TagKey: "a", TagValue: "9" }, { TagKey: "c", TagValue: "" }], DeleteTags: [{ TagKey: "b" }, { TagKey: "never" }] });
      assert.deepEqual(await keysOf("node", node), ["a=9", "c="]);
      await modify({ Resource: `qcs::organization::uin/${admin}:member/${member}`, ReplaceTags: [{ TagKey: "m", TagValue: "x" }] });

      const byIds = await describeResourceTagsByResourceIds({ ServiceType: "organization", ResourcePrefix: "node", ResourceIds: [String(node), "999999"], ResourceRegion: "" }, as(admin));
      assert.deepEqual(byIds.Tags.map((t) => `${t.ResourceId}:${t.TagKey}=${t.TagValue}`), [`${node}:a=9`, `${node}:c=`]);
      assert.deepEqual([byIds.TotalCount, byIds.Offset, byIds.Limit], [2, 0, 15]);
      const page2 = await describeResourceTagsByResourceIds({ ServiceType: "organization", ResourcePrefix: "node", ResourceIds: [String(node)], ResourceRegion: "ap-guangzhou", Offset: 1, Limit: 1 }, as(admin));
      assert.deepEqual([page2.TotalCount, page2.Tags.map((t) => t.TagKey)], [2, ["c"]]);
      const system = await describeResourceTagsByResourceIds({ ServiceType: "organization", ResourcePrefix: "node", ResourceIds: [String(node)], ResourceRegion: "", Category: "System" }, as(admin));
      assert.equal(system.TotalCount, 0);

      const all = await describeResourceTags({}, as(admin));
      assert.deepEqual(all.Rows.map((t) => `${t.ResourceId}:${t.TagKey}`), [`${member}:m`, `${node}:a`, `${node}:c`]);
      assert.equal((await describeResourceTags({ CreateUin: member }, as(admin))).TotalCount, 0);
      assert.equal((await describeResourceTags({ ResourcePrefix: "member" }, as(admin))).TotalCount, 1);
      assert.equal((await describeResourceTags({}, as(member))).TotalCount, 0, "a member owns none of its organization's resources");

      const res = await getResources({ ResourceList: [nodeName(node), nodeName(node), `qcs::organization::uin/:member/${member}`] }, as(admin));
      assert.deepEqual(
        res.ResourceTagMappingList.map((r) => r.Resource),
        [nodeName(node, String(admin)), `qcs::organization::uin/${admin}:member/${member}`],
      );
    });

    it("refuses the tags of a deleted department with ResourceNotFound and leaves none behind", async () => {
      const gone = await addDepartment(store, orgId, root, "gone");
      await deleteOrganizationNodes({ NodeId: [gone] }, as(admin));
      assert.equal(await refused("ModifyResourceTags", modify({ Resource: nodeName(gone), ReplaceTags: [{ TagKey: "k", TagValue: "v" }] })), "ResourceNotFound");
      assert.deepEqual(await keysOf("node", gone), []);
    });

    it("validates ModifyResourceTags as the Tag API documents", async () => {
      const r = nodeName(node);
      const cases: [Parameters<typeof modifyResourceTags>[0], string][] = [
        [{ Resource: r }, "MissingParameter"],
        [{ Resource: r, ReplaceTags: [] }, "InvalidParameter.Tag"],
        [{ Resource: r, DeleteTags: Array.from({ length: 11 }, (_, i) => ({ TagKey: `k${i}` })) }, "InvalidParameter.Tag"],
        [{ Resource: r, ReplaceTags: [{ TagKey: "d", TagValue: "1" }, { TagKey: "d", TagValue: "2" }] }, "InvalidParameter.Tag"],
        [{ Resource: r, ReplaceTags: [{ TagKey: "d", TagValue: "1" }], DeleteTags: [{ TagKey: "d" }] }, "InvalidParameterValue.DeleteTagsParamError"],
        [{ Resource: r, ReplaceTags: [{ TagKey: "", TagValue: "1" }] }, "InvalidParameterValue.TagKeyEmpty"],
        [{ Resource: r, DeleteTags: [{ TagKey: "" }] }, "InvalidParameterValue.TagKeyEmpty"],
        [{ Resource: r, ReplaceTags: [{ TagKey: "k".repeat(128), TagValue: "1" }] }, "InvalidParameterValue.TagKeyLengthExceeded"],
        [{ Resource: r, ReplaceTags: [{ TagKey: "a#b", TagValue: "1" }] }, "InvalidParameterValue.TagKeyCharacterIllegal"],
        [{ Resource: r, ReplaceTags: [{ TagKey: " lead", TagValue: "1" }] }, "InvalidParameterValue.TagKeyCharacterIllegal"],
        [{ Resource: r, ReplaceTags: [{ TagKey: "qcs:owner", TagValue: "1" }] }, "InvalidParameter.ReservedTagKey"],
        [{ Resource: r, ReplaceTags: [{ TagKey: "project", TagValue: "1" }] }, "InvalidParameter.ReservedTagKey"],
        [{ Resource: r, ReplaceTags: [{ TagKey: "k", TagValue: "v".repeat(256) }] }, "InvalidParameterValue.TagValueLengthExceeded"],
        [{ Resource: r, ReplaceTags: [{ TagKey: "k", TagValue: "a*b" }] }, "InvalidParameterValue.TagValueCharacterIllegal"],
        [{ Resource: "qcs::organization:ap-guangzhou:uin/:node/", ReplaceTags: [{ TagKey: "k", TagValue: "v" }] }, "InvalidParameterValue.ResourceDescriptionError"],
        [{ Resource: "qcs::organization:Guangzhou!:uin/:node/1", ReplaceTags: [{ TagKey: "k", TagValue: "v" }] }, "InvalidParameterValue.ResourceDescriptionError"],
        [{ Resource: nodeName(node, String(member)), ReplaceTags: [{ TagKey: "k", TagValue: "v" }] }, "AuthFailure.UnauthorizedOperation"],
        [{ Resource: nodeName(424242), ReplaceTags: [{ TagKey: "k", TagValue: "v" }] }, "ResourceNotFound"],
      ];
      for (const [input, code] of cases) assert.equal(await refused("ModifyResourceTags", modify(input)), code, JSON.stringify(input));
      // the longest key and value pass, spaces inside and Chinese punctuation too
      await modify({ Resource: r, ReplaceTags: [{ TagKey: "k".repeat(127), TagValue: "v".repeat(255) }, { TagKey: "部门 名称", TagValue: "研发【一】" }] });
      await modify({ Resource: r, DeleteTags: [{ TagKey: "k".repeat(127) }, { TagKey: "部门 名称" }] });
    });

    it("validates DescribeResourceTagsByResourceIds", async () => {
      const base = { ServiceType: "organization", ResourcePrefix: "node", ResourceIds: [String(node)], ResourceRegion: "" };
      const cases: [Partial<typeof base> & { Limit?: number; Category?: string }, string][] = [
        [{ ServiceType: "cvm" }, "UnsupportedOperation"],
        [{ ServiceType: "CVM!" }, "InvalidParameterValue.ServiceTypeInvalid"],
        [{ ResourcePrefix: "instance" }, "InvalidParameterValue.ResourcePrefixInvalid"],
        [{ ResourceIds: ["ins-1"] }, "InvalidParameterValue.ResourceIdInvalid"],
        [{ ResourceIds: [] }, "InvalidParameterValue.ResourceIdInvalid"],
        [{ ResourceIds: Array.from({ length: 51 }, (_, i) => String(i + 1)) }, "InvalidParameterValue.ResourceIdInvalid"],
        [{ ResourceRegion: "Guangzhou" }, "InvalidParameterValue.RegionInvalid"],
        [{ Limit: 101 }, "InvalidParameter"],
        [{ Category: "Other" }, "InvalidParameterValue"],
      ];
      for (const [change, code] of cases) {
        assert.equal(await refused("DescribeResourceTagsByResourceIds", describeResourceTagsByResourceIds({ ...base, ...change }, as(admin))), code, JSON.stringify(change));
      }
      assert.equal(await refused("DescribeResourceTags", describeResourceTags({ Limit: 0 }, as(admin))), "InvalidParameter");
    });

    it("validates GetResources and pages with its own token", async () => {
      const filter = (TagKey: string, TagValue?: string[]) => ({ TagKey, ...(TagValue ? { TagValue } : {}) });
      const cases: [Parameters<typeof getResources>[0], string][] = [
        [{ ResourceList: Array.from({ length: 11 }, (_, i) => nodeName(i + 1)) }, "LimitExceeded.ResourceNumPerRequest"],
        [{ ResourceList: ["qcs::cvm::uin/:instance/ins-1"] }, "InvalidParameterValue.ResourceDescriptionError"],
        [{ ResourceList: [nodeName(node, String(member))] }, "AuthFailure.UnauthorizedOperation"],
        [{ TagFilters: Array.from({ length: 7 }, (_, i) => filter(`k${i}`)) }, "LimitExceeded.TagNumPerRequest"],
        [{ TagFilters: [filter("k"), filter("k")] }, "InvalidParameterValue.TagKeyDuplicate"],
        [{ TagFilters: [filter("")] }, "InvalidParameterValue.TagKeyEmpty"],
        [{ TagFilters: [filter("k".repeat(128))] }, "InvalidParameterValue.TagKeyLengthExceeded"],
        [{ TagFilters: [filter("tencent-team")] }, "InvalidParameter.ReservedTagKey"],
        [{ TagFilters: [filter("k", Array.from({ length: 11 }, (_, i) => `v${i}`))] }, "InvalidParameter.Tag"],
        [{ TagFilters: [filter("k", ["v".repeat(256)])] }, "InvalidParameterValue.TagValueLengthExceeded"],
        [{ TagFilters: [filter("k", ["a|b"])] }, "InvalidParameterValue.TagValueCharacterIllegal"],
        [{ MaxResults: 201 }, "InvalidParameter"],
        [{ PaginationToken: "not-ours" }, "InvalidParameter.PaginationTokenInvalid"],
      ];
      for (const [input, code] of cases) assert.equal(await refused("GetResources", getResources(input, as(admin))), code, JSON.stringify(input).slice(0, 120));

      const extra = await addDepartment(store, orgId, root, "paged");
      await modify({ Resource: nodeName(extra), ReplaceTags: [{ TagKey: "page", TagValue: "1" }] });
      await modify({ Resource: nodeName(node), ReplaceTags: [{ TagKey: "page", TagValue: "2" }] });
      const seen: string[] = [];
      let token = "";
      do {
        const r = await getResources({ TagFilters: [filter("page")], MaxResults: 1, PaginationToken: token }, as(admin));
        seen.push(...r.ResourceTagMappingList.map((m) => m.Resource));
        token = r.PaginationToken;
      } while (token !== "");
      assert.deepEqual(seen, [node, extra].sort((a, b) => a - b).map((id) => `qcs::organization::uin/${admin}:node/${id}`));
      assert.deepEqual((await getResources({ TagFilters: [filter("page", ["2"])] }, as(admin))).ResourceTagMappingList.map((m) => m.Resource), [`qcs::organization::uin/${admin}:node/${node}`]);
      assert.deepEqual((await getResources({}, as(member))).ResourceTagMappingList, []);
    });
  });
}
